'use strict';
// Bundles the extension for VS Code with esbuild: the client (dist/extension.js), the language
// server (dist/server.js) and the matrix preview's page script (media/preview.js). Type
// checking is tsc's job (`tsc -b`); this only packs what it checked.
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const common = { bundle: true, sourcemap: true, minify: process.argv.includes('--minify'), logLevel: 'warning', absWorkingDir: root };

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', platform: 'node', format: 'cjs', target: 'node20' },
];
if (fs.existsSync(path.join(root, 'client/src/preview/webview/main.ts'))) {
  builds.push({ ...common, entryPoints: ['client/src/preview/webview/main.ts'], outfile: 'media/preview.js', platform: 'browser', format: 'iife', target: 'es2022' });
}
for (const options of builds) esbuild.buildSync(options);

// The timeline picture's classes for the preview, from the one table the HTML status page uses too.
const { timelineCss } = require('../shared/out/timeline-marks.js');
fs.writeFileSync(path.join(root, 'media', 'timeline.css'), `/* Made by scripts/bundle.js from shared/src/timeline-marks.ts: do not edit. */\n${timelineCss()}\n`);
