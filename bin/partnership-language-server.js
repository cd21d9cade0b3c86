#!/usr/bin/env node
'use strict';
// The language server for editors other than VS Code: `partnership-language-server --stdio`.
// The engine settings that speed it up (shared/src/engine-flags.ts) are not on the first line:
// an engine that does not know one of them would refuse to start. server/src/lsp/launch.ts
// starts the server with them when the engine accepts them, and without them otherwise.
let launchServer;
try {
  ({ launchServer } = require('../server/out/lsp/launch.js'));
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && /(server|shared)[\\/]out[\\/]/.test(String(error.message))) {
    process.stderr.write('partnership-language-server: not built yet; run `npm ci` (or `npm run build`) in the repository first.\n');
    process.exit(2);
  }
  throw error;
}
launchServer(process.argv.slice(2));
