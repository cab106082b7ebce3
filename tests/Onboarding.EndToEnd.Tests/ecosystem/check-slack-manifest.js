'use strict';
// Checks the Slack app manifest against Slack's manifest rules: the documented fields and limits of manifest schema
// v1 (slack-manifest-rules.json, validated with ajv), plus the documented cross-field rules a schema cannot express
// (events need their scopes, slash commands need `commands`, request URLs are HTTPS, DMs need the messages tab).
// Prints one JSON report with the request URLs so the caller can check the bot serves them.
const fs = require('node:fs');
const path = require('node:path');
const yaml = require('js-yaml');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');

/** Scopes Slack requires before it delivers an event (from each event's documentation page). */
const scopeForEvent = {
  app_mention: 'app_mentions:read',
  'message.im': 'im:history',
  'message.channels': 'channels:history',
  'message.groups': 'groups:history',
  'message.mpim': 'mpim:history',
};

const manifestPath = process.argv[2];
if (!manifestPath) {
  console.error('usage: node check-slack-manifest.js <manifest.yaml>');
  process.exit(2);
}

const manifest = yaml.load(fs.readFileSync(manifestPath, 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(__dirname, 'slack-manifest-rules.json'), 'utf8')));
const errors = [];
if (!validate(manifest)) {
  for (const e of validate.errors) {
    errors.push(`${e.instancePath || '/'} ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`);
  }
}

const botScopes = new Set(manifest.oauth_config?.scopes?.bot ?? []);
const events = manifest.settings?.event_subscriptions?.bot_events ?? [];
for (const event of events) {
  const scope = scopeForEvent[event];
  if (scope && !botScopes.has(scope)) {
    errors.push(`bot event ${event} needs bot scope ${scope}`);
  }
}
if ((manifest.features?.slash_commands ?? []).length > 0 && !botScopes.has('commands')) {
  errors.push('slash commands need bot scope commands');
}
if (events.length > 0 && !manifest.settings?.event_subscriptions?.request_url && !manifest.settings?.socket_mode_enabled) {
  errors.push('bot events need settings.event_subscriptions.request_url (or socket mode)');
}
if (events.includes('message.im') && manifest.features?.app_home?.messages_tab_enabled !== true) {
  errors.push('message.im needs features.app_home.messages_tab_enabled so people can write to the bot');
}
if ((events.length > 0 || manifest.features?.slash_commands) && !manifest.features?.bot_user) {
  errors.push('a bot that receives events or commands needs features.bot_user');
}

const requestUrls = {
  events: manifest.settings?.event_subscriptions?.request_url ?? null,
  interactivity: manifest.settings?.interactivity?.request_url ?? null,
  commands: (manifest.features?.slash_commands ?? []).map(c => c.url).filter(Boolean),
  redirects: manifest.oauth_config?.redirect_urls ?? [],
};
for (const url of [requestUrls.events, requestUrls.interactivity, ...requestUrls.commands, ...requestUrls.redirects].filter(Boolean)) {
  if (!url.startsWith('https://')) {
    errors.push(`${url}: Slack calls only HTTPS request and redirect URLs`);
  }
}

process.stdout.write(JSON.stringify({ errors, requestUrls, botScopes: [...botScopes].sort(), botEvents: events }));
