'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { loadBundleCheck, FIXTURE } = require('../support/bundle-check-harness');

const fixture = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));

// The bundle as N/suiteAppInfo.listInstalledBundles() describes it, matching the fixture's installed answer.
const onboardingBundle = () => ({
    id: 500123,
    name: 'Onboarding App',
    version: '1.0.0',
    description: 'Onboarding app bundle',
    installedFrom: 'PRODUCTION',
    isManaged: true,
    dateInstalled: new Date('2026-11-28T10:00:00.000Z'),
    dateLastUpdated: new Date('2026-11-28T10:00:00.000Z'),
    publisher: { id: 1234567, name: 'Vendor' },
    installedBy: { id: 7, name: 'Pat Admin' },
});

test('GET for an installed bundle answers exactly the fixture\'s installed example', () => {
    const restlet = loadBundleCheck({ installedBundles: [onboardingBundle()] });

    const { contentType, body } = restlet.get({ bundleId: '500123' });

    assert.equal(contentType, 'application/json');
    assert.deepEqual(body, fixture.installed);
});

test('GET for a bundle that is not installed answers exactly the fixture\'s notInstalled example', () => {
    const restlet = loadBundleCheck({ installedBundles: [] });

    const { body } = restlet.get({ bundleId: '500123' });

    assert.deepEqual(body, fixture.notInstalled);
    assert.equal(restlet.suiteAppInfo.listInstalledBundles.mock.callCount(), 0, 'details are only read for an installed bundle');
});

test('GET asks N/suiteAppInfo about the bundle id from the query string as a number', () => {
    const restlet = loadBundleCheck({ installedBundles: [onboardingBundle()] });

    restlet.get({ bundleId: '424242' });

    assert.deepEqual(restlet.suiteAppInfo.isBundleInstalled.mock.calls[0].arguments[0], { bundleId: 424242 });
});

test('GET without bundleId checks the bundle named by the deployment parameter', () => {
    const restlet = loadBundleCheck({ installedBundles: [onboardingBundle()], bundleIdParameter: 500123 });

    for (const params of [{}, { bundleId: '' }, undefined]) {
        assert.deepEqual(restlet.get(params).body, fixture.installed);
    }
});

test('GET with a bundleId that is not a positive whole number answers the fixture\'s error', () => {
    const restlet = loadBundleCheck({ installedBundles: [onboardingBundle()] });

    for (const bundleId of ['abc', '-5', '0', '1.5', '12abc', '0x1F', '99999999999999999999']) {
        assert.deepEqual(restlet.get({ bundleId }).body, fixture.error, `bundleId=${bundleId}`);
    }
    assert.equal(restlet.suiteAppInfo.isBundleInstalled.mock.callCount(), 0);
});

test('POST with a parsed JSON body checks the bundle it names', () => {
    const restlet = loadBundleCheck({ installedBundles: [onboardingBundle()] });

    assert.deepEqual(restlet.post(fixture.request.POST).body, fixture.installed);
});

test('POST with a text/plain body holding JSON is read the same way', () => {
    const restlet = loadBundleCheck({ installedBundles: [onboardingBundle()] });

    assert.deepEqual(restlet.post(JSON.stringify({ bundleId: '500123' })).body, fixture.installed);
});

test('POST without a bundleId checks the bundle named by the deployment parameter', () => {
    const restlet = loadBundleCheck({ installedBundles: [], bundleIdParameter: '500123' });

    for (const body of [undefined, '', {}, '{}']) {
        assert.deepEqual(restlet.post(body).body, fixture.notInstalled);
    }
});

test('POST with a bundleId of the wrong kind answers the fixture\'s error', () => {
    const restlet = loadBundleCheck({ installedBundles: [onboardingBundle()] });

    for (const bundleId of [12.5, -1, 0, true, 'x', [500123], { id: 500123 }, Number.MAX_SAFE_INTEGER + 2]) {
        assert.deepEqual(restlet.post({ bundleId }).body, fixture.error, `bundleId=${JSON.stringify(bundleId)}`);
    }
});

test('POST with a body that is not a JSON object answers INVALID_REQUEST_BODY', () => {
    const restlet = loadBundleCheck({ installedBundles: [onboardingBundle()] });

    for (const body of ['{not json', '[500123]', '500123', [{ bundleId: 500123 }]]) {
        const answer = restlet.post(body).body;
        assert.equal(answer.error.code, 'INVALID_REQUEST_BODY', `body=${JSON.stringify(body)}`);
        assert.match(answer.error.message, /JSON object/);
    }
});

test('A request without bundleId on a deployment without the parameter says the id is not configured', () => {
    const restlet = loadBundleCheck({ installedBundles: [onboardingBundle()], bundleIdParameter: null });

    const answer = restlet.get({}).body;

    assert.equal(answer.error.code, 'BUNDLE_ID_NOT_CONFIGURED');
    assert.match(answer.error.message, /custscript_onboarding_bundle_id/);
});

test('An installed bundle missing from the installed list is still reported installed, without details', () => {
    const restlet = loadBundleCheck({ installedBundles: [onboardingBundle()] });
    restlet.suiteAppInfo.listInstalledBundles.mock.mockImplementation(() => []);

    assert.deepEqual(restlet.get({ bundleId: '500123' }).body, {
        installed: true,
        bundleId: 500123,
        name: null,
        version: null,
        dateInstalled: null,
        installedBy: null,
    });
});

test('Other installed bundles are never mistaken for the requested one', () => {
    const other = { ...onboardingBundle(), id: 99, name: 'Other App', version: '9.9.9' };
    const restlet = loadBundleCheck({ installedBundles: [other, onboardingBundle()] });

    assert.deepEqual(restlet.get({ bundleId: '500123' }).body, fixture.installed);
});

test('A SuiteScript error while checking is answered as JSON with its code, and logged', () => {
    const usageExceeded = Object.assign(new Error('Script Execution Usage Limit Exceeded'), { name: 'SSS_USAGE_LIMIT_EXCEEDED' });
    const restlet = loadBundleCheck({ installedBundles: [onboardingBundle()], failWith: usageExceeded });

    const { contentType, body } = restlet.get({ bundleId: '500123' });

    assert.equal(contentType, 'application/json');
    assert.deepEqual(body, { error: { code: 'SSS_USAGE_LIMIT_EXCEEDED', message: 'Script Execution Usage Limit Exceeded' } });
    assert.equal(restlet.log.error.mock.callCount(), 1);
});

test('The script offers exactly the GET and POST entry points', () => {
    assert.deepEqual(loadBundleCheck().entryPoints.sort(), ['get', 'post']);
});
