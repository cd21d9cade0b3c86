'use strict';
// `npm start`: checks every example and writes each contract's obligation matrix as standalone
// HTML into matrices/, then starts a real VS Code (code-server) on 127.0.0.1 with the extension
// in development mode and examples/ open, and prints its address. `--no-editor` stops after
// the matrices.
const fs = require('node:fs');
const path = require('node:path');
const { main } = require('../server/out/cli/main.js');

const root = path.resolve(__dirname, '..');
const examples = path.join(root, 'examples');
const outDir = path.join(root, 'matrices');
process.chdir(root);

const io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTty: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
};
const quiet = { ...io, stderr: () => {} };
/** Examples whose errors are what they show, and what to read about them. */
const INTENDED_ERRORS = {
  portfolio: 'These errors are the point of this example: two contracts give the same work exclusively to different parties, and each error points at its counterpart in the other file (see examples/README.md).',
};

fs.mkdirSync(outDir, { recursive: true });
const written = [];
for (const name of fs.readdirSync(examples).sort()) {
  const folder = path.join(examples, name);
  if (!fs.statSync(folder).isDirectory()) continue;
  process.stdout.write(`\n== Checking examples/${name}\n`);
  const status = main(['check', path.relative(root, folder)], io);
  if (status === 1 && INTENDED_ERRORS[name]) process.stdout.write(`${INTENDED_ERRORS[name]}\n`);
  for (const file of fs.readdirSync(folder).filter((f) => f.endsWith('.partnership')).sort()) {
    const target = path.join(outDir, `${name}--${file.replace(/\.partnership$/, '')}.html`);
    if (main(['matrix', path.join('examples', name, file), '--format', 'html', '-o', target], quiet) === 0) written.push(target);
  }
}
// The status of the example's illustrative results file, on the day it was written for.
const statusPage = path.join(outDir, 'service-birmingham--status.html');
if (main(['status', path.join('examples', 'service-birmingham'), '--on', '2016-09-20', '--format', 'html', '-o', statusPage], quiet) === 0) written.push(statusPage);
process.stdout.write(`\nObligation matrices (HTML) written to ${outDir}:\n${written.map((f) => `  ${path.basename(f)}`).join('\n')}\n`);
process.stdout.write(`Open one in a browser, e.g. file://${written.find((f) => f.includes('service-birmingham')) ?? written[0]}\n`);

if (!process.argv.includes('--no-editor')) {
  process.stdout.write('\nStarting VS Code (code-server) with the extension and a copy of the examples. The first start installs code-server and Node 24 into .vscode-test/ (a few minutes, output in .vscode-test/setup.log) and, if missing, the Debian package libkrb5-dev (root only; anyone else is told the command to run).\n');
  require('./vscode/start-product.js');
}
