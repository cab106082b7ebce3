'use strict';
// The SDF project cannot be validated here (SuiteCloud CLI validation runs on a NetSuite account), so these
// tests hold it to what the product and the sandbox rely on: well-formed objects, the fixed script ids,
// a Released deployment open to the app role, and a role with only the permissions it needs.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const xml2js = require('xml2js');
const { PROJECT, FIXTURE } = require('../support/bundle-check-harness');

const SRC = path.join(PROJECT, 'src');
const OBJECTS = path.join(SRC, 'Objects');
const fixture = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));

const parse = (file) => xml2js.parseStringPromise(fs.readFileSync(file, 'utf8'), { explicitArray: false, strict: true });
const readObject = (scriptId) => parse(path.join(OBJECTS, `${scriptId}.xml`));
const asList = (value) => (value === undefined ? [] : [].concat(value));

test('Every SDF file is well-formed XML and every object is named after its scriptid', async () => {
    await parse(path.join(SRC, 'manifest.xml'));
    await parse(path.join(SRC, 'deploy.xml'));
    const files = fs.readdirSync(OBJECTS).filter((name) => name.endsWith('.xml'));
    assert.deepEqual(files.sort(), ['customrecord_onboarding_config.xml', 'customrole_onboarding_app.xml', 'customscript_onboarding_bundle_check.xml']);
    for (const name of files) {
        const document = await parse(path.join(OBJECTS, name));
        const [root] = Object.values(document);
        assert.equal(`${root.$.scriptid}.xml`, name);
    }
});

test('The manifest is an account customization project and deploy.xml ships the scripts and objects', async () => {
    const { manifest } = await parse(path.join(SRC, 'manifest.xml'));
    assert.equal(manifest.$.projecttype, 'ACCOUNTCUSTOMIZATION');
    const features = asList(manifest.dependencies.features.feature).map((feature) => feature._);
    assert.deepEqual(features.sort(), ['CUSTOMRECORDS', 'SERVERSIDESCRIPTING']);

    const { deploy } = await parse(path.join(SRC, 'deploy.xml'));
    assert.deepEqual(asList(deploy.files.path), ['~/FileCabinet/SuiteScripts/onboarding/*']);
    assert.deepEqual(asList(deploy.objects.path), ['~/Objects/*']);
});

test('The RESTlet record points at the script file and has the ids the product calls', async () => {
    const { restlet } = await readObject('customscript_onboarding_bundle_check');
    const scriptFile = restlet.scriptfile.replace(/^\[|\]$/g, '');
    assert.ok(fs.existsSync(path.join(SRC, 'FileCabinet', scriptFile)), `${scriptFile} exists in the File Cabinet folder`);

    const [, script, deploy] = fixture.request.GET.match(/script=([^&]+)&deploy=([^&]+)/);
    assert.equal(restlet.$.scriptid, script);
    assert.equal(restlet.scriptdeployments.scriptdeployment.$.scriptid, deploy);
});

test('The deployment is Released and open to the app role and administrators only', async () => {
    const { restlet } = await readObject('customscript_onboarding_bundle_check');
    const deployment = restlet.scriptdeployments.scriptdeployment;
    assert.equal(deployment.status, 'RELEASED');
    assert.equal(deployment.isdeployed, 'T');
    assert.equal(deployment.allroles, 'F');
    assert.deepEqual(deployment.audslctrole.split('|').sort(), ['ADMINISTRATOR', '[scriptid=customrole_onboarding_app]']);
});

test('The Bundle ID parameter defaults to the bundle the fixture asks about', async () => {
    const { restlet } = await readObject('customscript_onboarding_bundle_check');
    const parameter = restlet.scriptcustomfields.scriptcustomfield;
    assert.equal(parameter.$.scriptid, 'custscript_onboarding_bundle_id');
    assert.equal(parameter.fieldtype, 'INTEGER');
    assert.equal(Number(parameter.defaultvalue), fixture.request.POST.bundleId);
    assert.equal(Number(restlet.scriptdeployments.scriptdeployment.custscript_onboarding_bundle_id), fixture.request.POST.bundleId);

    const source = fs.readFileSync(path.join(SRC, 'FileCabinet', restlet.scriptfile.replace(/^\[|\]$/g, '')), 'utf8');
    assert.match(source, /@NApiVersion 2\.1/);
    assert.match(source, /@NScriptType Restlet/);
    assert.ok(source.includes(`'${parameter.$.scriptid}'`), 'the script reads this parameter');
});

test('The app role holds exactly the OAuth, REST and record permissions the product needs', async () => {
    const { role } = await readObject('customrole_onboarding_app');
    const permissions = Object.fromEntries(asList(role.permissions.permission).map((p) => [p.permkey, p.permlevel]));
    assert.deepEqual(permissions, {
        ADMI_LOGIN_OAUTH2: 'FULL',
        ADMI_RESTWEBSERVICES: 'FULL',
        ADMI_MANAGE_OWN_OAUTH2_CERTS: 'FULL',
        ADMI_COMPANY: 'VIEW',
        '[scriptid=customrecord_onboarding_config]': 'EDIT',
    });
    assert.equal(role.coreadminpermission, 'F');
    // Web-services-only roles cannot call RESTlets, and the product calls the bundle check with this role.
    assert.equal(role.iswebserviceonlyrole, 'F');
});

test('Every permission of the app role carries a one-line reason', () => {
    const source = fs.readFileSync(path.join(OBJECTS, 'customrole_onboarding_app.xml'), 'utf8');
    const blocks = source.match(/<permission>[\s\S]*?<\/permission>/g);
    assert.equal(blocks.length, 5);
    for (const block of blocks) {
        assert.match(block, /<permission>\s*<!-- [^\n]+ -->\s*<permkey>/, block);
    }
});

test('The configuration record is open only to the app role, which may read, create and edit but not delete', async () => {
    const { customrecordtype } = await readObject('customrecord_onboarding_config');
    assert.equal(customrecordtype.accesstype, 'USEPERMISSIONLIST');
    assert.deepEqual(asList(customrecordtype.permissions.permission).map((p) => [p.permittedrole, p.permittedlevel]), [
        ['[scriptid=customrole_onboarding_app]', 'EDIT'],
    ]);
    const fields = asList(customrecordtype.customrecordcustomfields.customrecordcustomfield).map((field) => field.$.scriptid);
    assert.deepEqual(fields, ['custrecord_onboarding_config_key', 'custrecord_onboarding_config_value', 'custrecord_onboarding_config_description']);
});
