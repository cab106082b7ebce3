'use strict';
// Stand-in for N/scriptTypes/restlet (2024.1+): Oracle's unit-testing package ships no stub for it.
// createResponse keeps what it is given, as the real restlet.Response does (read-only content and contentType).
function createRestletModule() {
    return {
        createResponse(options) {
            if (!options || typeof options.content !== 'string' || typeof options.contentType !== 'string') {
                throw new TypeError('createResponse needs string content and contentType.');
            }
            return Object.freeze({ content: options.content, contentType: options.contentType });
        },
    };
}

module.exports = { createRestletModule };
