'use strict';
// Loads SuiteScript AMD modules (`define([...], factory)`) in plain Node, so the RESTlet and Oracle's
// N/ module stubs run under node:test without Jest or Babel. Every load builds fresh module instances,
// which keeps tests independent of each other.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

function evaluateDefine(file) {
    let definition = null;
    const define = (dependencies, factory) => {
        definition = typeof dependencies === 'function' ? { dependencies: [], factory: dependencies } : { dependencies, factory };
    };
    // Compiled in this realm so Dates and objects from tests and script compare as equals.
    vm.compileFunction(fs.readFileSync(file, 'utf8'), ['define'], { filename: file })(define);
    if (definition === null) {
        throw new Error(`${file} does not call define().`);
    }
    return definition;
}

/**
 * Loads an AMD module. `resolve(name)` names the module to inject for a dependency: either a file to
 * load (string) or a ready object ({ value }). Relative dependencies resolve against the requiring file.
 */
function loadAmdModule(file, resolve) {
    const { dependencies, factory } = evaluateDefine(file);
    const injected = dependencies.map((name) => {
        if (name.startsWith('./') || name.startsWith('../')) {
            return loadAmdModule(path.resolve(path.dirname(file), `${name}.js`), resolve);
        }
        const target = resolve(name);
        if (target === undefined) {
            throw new Error(`No module is provided for '${name}' (required by ${path.basename(file)}).`);
        }
        return typeof target === 'string' ? loadAmdModule(target, resolve) : target.value;
    });
    return factory(...injected);
}

module.exports = { loadAmdModule };
