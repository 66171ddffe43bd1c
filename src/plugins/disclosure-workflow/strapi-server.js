'use strict';

// The server part is TypeScript, built by this plugin's own `npm run build` (tsc → ./dist/server).
module.exports = require('./dist/server').default;
