#!/usr/bin/env -S node --max-semi-space-size=64 --min-semi-space-size=64 --initial-old-space-size=256
'use strict';
// The language server for editors other than VS Code: `partnership-language-server --stdio`.
// The first line starts the engine with the settings of server/src/lsp/engine-flags.ts (run
// this file itself, as `npx` does, rather than `node` with the file, for them to apply).
try {
  require('../server/out/lsp/main.js');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes('server/out/lsp/main.js')) {
    process.stderr.write('partnership-language-server: not built yet; run `npm ci` (or `npm run build`) in the repository first.\n');
    process.exit(2);
  }
  throw error;
}
