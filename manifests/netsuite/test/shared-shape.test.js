'use strict';
// The RESTlet and the NetSuite sandbox both answer in the shape of tests/Fixtures/bundle-check-response.json.
// This test holds the script to that file; the sandbox's tests hold the sandbox to it.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { loadBundleCheck, FIXTURE } = require('../support/bundle-check-harness');

const fixture = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));

// Keys (in order) and JSON value kinds, recursively: two values have the same shape when these are equal.
const shapeOf = (value) => {
    if (value === null) return 'null';
    if (Array.isArray(value)) return value.map(shapeOf);
    if (typeof value === 'object') return Object.entries(value).map(([key, inner]) => [key, shapeOf(inner)]);
    return typeof value;
};

// Reads the fixture's "types" entries, e.g. "string (ISO 8601, UTC)|null" or "object {id: number, name: string}|null".
const allowedKinds = (declaration) => declaration.split('|').map((kind) => kind.trim().split(/[\s({]/)[0]);

const answers = () => {
    const installedBundle = {
        id: 500123,
        name: 'Onboarding App',
        version: '2.3.4',
        dateInstalled: new Date('2026-01-02T03:04:05.678Z'),
        installedBy: { id: 42, name: 'Sam Admin' },
    };
    const installed = loadBundleCheck({ installedBundles: [installedBundle] });
    const absent = loadBundleCheck({ installedBundles: [] });
    return {
        installed: [installed.get({ bundleId: '500123' }).body, installed.post({ bundleId: 500123 }).body],
        notInstalled: [absent.get({ bundleId: '500123' }).body, absent.post('{"bundleId":500123}').body],
        error: [absent.get({ bundleId: 'abc' }).body, absent.post({ bundleId: -1 }).body],
    };
};

test('Every answer of the script has exactly the keys and value types of the shared fixture', () => {
    for (const [kind, bodies] of Object.entries(answers())) {
        for (const body of bodies) {
            assert.deepEqual(shapeOf(body), shapeOf(fixture[kind]), `${kind}: ${JSON.stringify(body)}`);
        }
    }
});

test('Every field of an answer has one of the types the fixture declares for it', () => {
    const { installed, notInstalled } = answers();
    for (const body of [...installed, ...notInstalled]) {
        assert.deepEqual(Object.keys(body), Object.keys(fixture.types));
        for (const [field, declaration] of Object.entries(fixture.types)) {
            const value = body[field];
            const kind = value === null ? 'null' : typeof value;
            assert.ok(allowedKinds(declaration).includes(kind), `${field} is ${kind}, the fixture allows ${declaration}`);
        }
        if (body.dateInstalled !== null) {
            assert.equal(new Date(body.dateInstalled).toISOString(), body.dateInstalled, 'dateInstalled is ISO 8601 in UTC');
        }
        if (body.installedBy !== null) {
            assert.deepEqual(shapeOf(body.installedBy), [['id', 'number'], ['name', 'string']]);
        }
    }
});
