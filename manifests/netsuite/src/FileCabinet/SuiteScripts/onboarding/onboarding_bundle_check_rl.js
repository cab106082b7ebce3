/**
 * Bundle check for the onboarding app: tells the product whether its bundle is installed in this account,
 * and which version. GET reads `bundleId` from the query string, POST from a JSON body; without one the
 * deployment's Bundle ID parameter is used. Every answer, errors included, is a JSON object in the one shape
 * shared with the NetSuite sandbox (tests/Fixtures/bundle-check-response.json): change both or neither.
 *
 * @NApiVersion 2.1
 * @NScriptType Restlet
 * @NModuleScope SameAccount
 */
define(['N/suiteAppInfo', 'N/runtime', 'N/log', 'N/scriptTypes/restlet'], (suiteAppInfo, runtime, log, restlet) => {
    const BUNDLE_ID_PARAMETER = 'custscript_onboarding_bundle_id';
    const INVALID_BUNDLE_ID_MESSAGE = 'bundleId must be a positive whole number, e.g. 500123.';

    const failure = (code, message) => ({ error: { code, message } });

    const isAbsent = (value) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

    // Query strings carry text and JSON bodies may carry either, so both "500123" and 500123 are accepted.
    const toBundleId = (value) => {
        if (typeof value === 'number') {
            return Number.isSafeInteger(value) && value > 0 ? value : null;
        }
        if (typeof value === 'string' && /^\d+$/.test(value.trim())) {
            const parsed = Number(value.trim());
            return Number.isSafeInteger(parsed) && parsed > 0 ? parsed : null;
        }
        return null;
    };

    const readBundleId = (source) => {
        const requested = source ? source.bundleId : undefined;
        if (!isAbsent(requested)) {
            const bundleId = toBundleId(requested);
            return bundleId === null ? failure('INVALID_BUNDLE_ID', INVALID_BUNDLE_ID_MESSAGE) : { bundleId };
        }
        const configured = toBundleId(runtime.getCurrentScript().getParameter({ name: BUNDLE_ID_PARAMETER }));
        return configured === null
            ? failure('BUNDLE_ID_NOT_CONFIGURED', `No bundleId was sent and the deployment's Bundle ID (${BUNDLE_ID_PARAMETER}) is not set.`)
            : { bundleId: configured };
    };

    // NetSuite hands POST bodies over parsed for application/json and as text for text/plain.
    const readBody = (requestBody) => {
        if (isAbsent(requestBody)) {
            return {};
        }
        let body = requestBody;
        if (typeof body === 'string') {
            try {
                body = JSON.parse(body);
            } catch (e) {
                return null;
            }
        }
        return body !== null && typeof body === 'object' && !Array.isArray(body) ? body : null;
    };

    const toIsoDate = (value) => {
        if (isAbsent(value)) {
            return null;
        }
        const date = value instanceof Date ? value : new Date(value);
        return Number.isNaN(date.getTime()) ? null : date.toISOString();
    };

    const toText = (value) => (isAbsent(value) ? null : String(value));

    const toPerson = (person) => {
        const id = person ? Number(person.id) : NaN;
        return Number.isFinite(id) ? { id, name: isAbsent(person.name) ? '' : String(person.name) } : null;
    };

    const notInstalled = (bundleId) => ({
        installed: false,
        bundleId,
        name: null,
        version: null,
        dateInstalled: null,
        installedBy: null,
    });

    const checkBundle = (bundleId) => {
        if (suiteAppInfo.isBundleInstalled({ bundleId }) !== true) {
            return notInstalled(bundleId);
        }
        // Only successfully installed bundles are listed; details stay null if the list lags behind.
        const bundle = (suiteAppInfo.listInstalledBundles() || []).find((candidate) => Number(candidate.id) === bundleId) || {};
        return {
            installed: true,
            bundleId,
            name: toText(bundle.name),
            version: toText(bundle.version),
            dateInstalled: toIsoDate(bundle.dateInstalled),
            installedBy: toPerson(bundle.installedBy),
        };
    };

    const answer = (source) => {
        if (source === null) {
            return failure('INVALID_REQUEST_BODY', 'The request body must be a JSON object, e.g. {"bundleId": 500123}.');
        }
        const request = readBundleId(source);
        return request.error ? request : checkBundle(request.bundleId);
    };

    // Caught here so callers always get JSON: an uncaught error would reach them as NetSuite's own error text.
    const respond = (produce) => {
        let body;
        try {
            body = produce();
        } catch (e) {
            log.error({ title: 'Bundle check failed', details: e });
            body = failure((e && e.name) || 'UNEXPECTED_ERROR', (e && e.message) || String(e));
        }
        return restlet.createResponse({ content: JSON.stringify(body), contentType: 'application/json' });
    };

    const get = (requestParams) => respond(() => answer(requestParams || {}));

    const post = (requestBody) => respond(() => answer(readBody(requestBody)));

    return { get, post };
});
