'use strict';
// Bundles with esbuild: the extension for VS Code (the client, dist/extension.js, and the
// language server, dist/server-main.js, started through dist/server.js), the matrix
// preview's page script (media/preview.js), and
// the command line (dist/cli.js: one file loads in a third of the time of the hundred-odd
// modules it is made of, which a command run once pays on every run). Type
// checking is tsc's job (`tsc -b`); this only packs what it checked.
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const common = { bundle: true, sourcemap: true, minify: process.argv.includes('--minify'), logLevel: 'warning', absWorkingDir: root };

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  // The server itself, and what the client starts: a loader that runs it from a code cache (server/src/lsp/start.ts).
  { ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server-main.js', platform: 'node', format: 'cjs', target: 'node20' },
  { ...common, entryPoints: ['server/src/lsp/start.ts'], outfile: 'dist/server.js', platform: 'node', format: 'cjs', target: 'node20' },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20' },
];
if (fs.existsSync(path.join(root, 'client/src/preview/webview/main.ts'))) {
  builds.push({ ...common, entryPoints: ['client/src/preview/webview/main.ts'], outfile: 'media/preview.js', platform: 'browser', format: 'iife', target: 'es2022' });
}
for (const options of builds) esbuild.buildSync(options);

// The timeline picture's classes for the preview, from the one table the HTML status page uses too.
const { timelineCss } = require('../shared/out/timeline-marks.js');
fs.writeFileSync(path.join(root, 'media', 'timeline.css'), `/* Made by scripts/bundle.js from shared/src/timeline-marks.ts: do not edit. */\n${timelineCss()}\n`);
