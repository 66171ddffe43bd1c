'use strict';

// The server part is TypeScript, compiled with the application (tsc → dist/).
module.exports = require('../../../dist/src/plugins/disclosure-workflow/server/src').default;
