'use strict';
// Runs the bundle-check RESTlet against Oracle's SuiteScript stubs, with the account state a test describes.
const path = require('node:path');
const { mock } = require('node:test');
const { loadAmdModule } = require('./amd-loader');
const { createRestletModule } = require('./restlet-stand-in');

const PROJECT = path.resolve(__dirname, '..');
const SCRIPT = path.join(PROJECT, 'src/FileCabinet/SuiteScripts/onboarding/onboarding_bundle_check_rl.js');
const STUBS = path.dirname(require.resolve('@oracle/suitecloud-unit-testing/stubs/suiteAppInfo/suiteAppInfo.js')).replace(/suiteAppInfo$/, '');
const FIXTURE = path.resolve(PROJECT, '../../tests/Fixtures/bundle-check-response.json');

const stub = (relative) => path.join(STUBS, relative);

/**
 * Loads the RESTlet with `installedBundles` (suiteAppInfo.listInstalledBundles() items) and the deployment's
 * Bundle ID parameter. `failWith` makes suiteAppInfo throw that error. Returns get/post answering parsed JSON,
 * plus the stubs so tests can see how they were called.
 */
function loadBundleCheck({ installedBundles = [], bundleIdParameter = 500123, failWith = null } = {}) {
    const suiteAppInfo = loadAmdModule(stub('suiteAppInfo/suiteAppInfo.js'), () => undefined);
    const script = loadAmdModule(stub('runtime/Script.js'), () => undefined);
    const runtime = loadAmdModule(stub('runtime/runtime.js'), () => undefined);
    const log = loadAmdModule(stub('log/log.js'), () => undefined);

    const installedIds = () => installedBundles.map((bundle) => Number(bundle.id));
    mock.method(suiteAppInfo, 'isBundleInstalled', (options) => {
        if (failWith) throw failWith;
        return installedIds().includes(Number(options.bundleId));
    });
    mock.method(suiteAppInfo, 'listInstalledBundles', () => installedBundles);
    mock.method(script, 'getParameter', (options) => (options.name === 'custscript_onboarding_bundle_id' ? bundleIdParameter : undefined));
    mock.method(runtime, 'getCurrentScript', () => script);
    mock.method(log, 'error', () => {});

    const modules = {
        'N/suiteAppInfo': suiteAppInfo,
        'N/runtime': runtime,
        'N/log': log,
        'N/scriptTypes/restlet': createRestletModule(),
    };
    const restlet = loadAmdModule(SCRIPT, (name) => (name in modules ? { value: modules[name] } : undefined));

    const call = (entryPoint, input) => {
        const response = restlet[entryPoint](input);
        return { contentType: response.contentType, body: JSON.parse(response.content) };
    };
    return {
        entryPoints: Object.keys(restlet),
        get: (params) => call('get', params),
        post: (body) => call('post', body),
        suiteAppInfo,
        log,
    };
}

module.exports = { loadBundleCheck, FIXTURE, PROJECT, SCRIPT };
