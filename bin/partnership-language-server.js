#!/usr/bin/env node
'use strict';
// The language server for editors other than VS Code: `partnership-language-server --stdio`.
try {
  require('../server/out/lsp/main.js');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes('server/out/lsp/main.js')) {
    process.stderr.write('partnership-language-server: not built yet; run `npm ci` (or `npm run build`) in the repository first.\n');
    process.exit(2);
  }
  throw error;
}
