'use strict';
// Validates the Teams app manifest against the official JSON schema of the version it pins (the schema files shipped
// in npm @microsoft/app-manifest), with ajv; no network. The {{placeholders}} are filled the way build-package.sh
// fills them, with sample values, so what is checked is what a person uploads.
const fs = require('node:fs');
const path = require('node:path');
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');

const manifestPath = process.argv[2];
if (!manifestPath) {
  console.error('usage: node check-teams-manifest.js <manifest.json>');
  process.exit(2);
}

const template = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
const pinned = /\/teams\/(v[0-9.]+)\/MicrosoftTeams\.schema\.json$/.exec(template.$schema ?? '');
if (!pinned) {
  process.stdout.write(JSON.stringify({ schemaVersion: null, errors: [`$schema '${template.$schema}' names no Teams schema version`] }));
  process.exit(0);
}

const sampleAppId = '00000000-0000-4000-8000-000000000001';
const manifest = {
  ...template,
  id: sampleAppId,
  developer: {
    name: 'Contoso',
    websiteUrl: 'https://contoso.example',
    privacyUrl: 'https://contoso.example/privacy',
    termsOfUseUrl: 'https://contoso.example/terms',
  },
  bots: (template.bots ?? []).map(bot => ({ ...bot, botId: sampleAppId })),
  validDomains: ['bot.contoso.example'],
};

const schemaDir = path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams', pinned[1]);
const schemaFile = path.join(schemaDir, 'MicrosoftTeams.schema.json');
const errors = [];
if (!fs.existsSync(schemaFile)) {
  errors.push(`no schema ${pinned[1]} in @microsoft/app-manifest`);
} else {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
  if (!validate(manifest)) {
    for (const e of validate.errors) {
      errors.push(`${e.instancePath || '/'} ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`);
    }
  }
}
const leftover = JSON.stringify(manifest).match(/\{\{[A-Z_]+\}\}/g);
if (leftover) {
  errors.push(`placeholders build-package.sh does not fill: ${[...new Set(leftover)].join(', ')}`);
}
process.stdout.write(JSON.stringify({
  schemaVersion: pinned[1],
  schemaPackage: `@microsoft/app-manifest@${require('@microsoft/app-manifest/package.json').version}`,
  manifestVersion: template.manifestVersion,
  errors,
}));
