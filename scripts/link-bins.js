'use strict';
// Links this package's own commands (package.json "bin") into node_modules/.bin, as npm does
// for dependencies, so that `npx partnership` works from the repository root after `npm ci`.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const { bin = {} } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const binDir = path.join(root, 'node_modules', '.bin');
fs.mkdirSync(binDir, { recursive: true });
for (const [name, target] of Object.entries(bin)) {
  const link = path.join(binDir, name);
  const relativeTarget = path.relative(binDir, path.join(root, target));
  fs.rmSync(link, { force: true });
  fs.symlinkSync(relativeTarget, link);
  fs.chmodSync(path.join(root, target), 0o755);
}
