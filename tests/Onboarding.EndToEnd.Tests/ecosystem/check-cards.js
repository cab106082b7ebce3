'use strict';
// Parses every Adaptive Card JSON file in a folder with the official renderer (npm adaptivecards) and prints one
// JSON report: per file, the card's declared version and every parse or validation message the renderer raised.
// The renderer needs a DOM, which jsdom provides; nothing is fetched.
const fs = require('node:fs');
const path = require('node:path');
const { JSDOM } = require('jsdom');

const dom = new JSDOM('<!doctype html><html><body></body></html>');
global.window = dom.window;
// The renderer uses browser globals (document, HTMLButtonElement, ...): expose every one Node lacks.
for (const name of Object.getOwnPropertyNames(dom.window)) {
  if (!(name in global)) {
    try {
      global[name] = dom.window[name];
    } catch {
      // Some getters (localStorage on an opaque origin) refuse to be read; the renderer needs none of them.
    }
  }
}
const AC = require('adaptivecards/dist/adaptivecards.js');
// Markdown is the host's job (Teams has its own). This host reads the part an attacker wants — [label](url) links — the
// way Teams does, so a card whose outside text could become a link shows one in the report; everything else stays text.
const escapeHtml = text => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = escapeHtml(text).replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>');
  result.didProcess = true;
};

/** Teams renders up to 1.5, so the cards are parsed as a 1.5 host would: anything newer is reported. */
const hostVersion = AC.Versions.v1_5;

function describe(event) {
  return `${AC.ValidationEvent[event.event] ?? event.event}: ${event.message}`;
}

function check(file) {
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  const context = new AC.SerializationContext(hostVersion);
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  const messages = [];
  for (let i = 0; i < context.eventCount; i++) {
    messages.push(`parse ${describe(context.getEventAt(i))}`);
  }
  for (const event of card.validateProperties().validationEvents) {
    messages.push(`validate ${describe(event)}`);
  }
  const rendered = card.render();
  if (!rendered) {
    messages.push('render: the renderer produced nothing');
  }
  return {
    file: path.basename(file),
    declaredVersion: json.version ?? null,
    parsedVersion: card.version ? card.version.toString() : null,
    messages,
    // Links inside the card's content (buttons are not links): text a host turned into something to click.
    links: rendered ? rendered.querySelectorAll('a').length : 0,
  };
}

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node check-cards.js <folder of card JSON files>');
  process.exit(2);
}
const files = fs.readdirSync(folder).filter(f => f.endsWith('.json')).sort();
const report = { renderer: require('adaptivecards/package.json').version, cards: files.map(f => check(path.join(folder, f))) };
process.stdout.write(JSON.stringify(report));
