'use strict';
// The VSIX: packaged with vsce from the built bundles, it holds exactly what the extension
// needs (an opt-in .vscodeignore) and installs into code-server.

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const repo = path.resolve(__dirname, '..', '..');
const EXPECTED = [
  'extension/package.json', 'extension/readme.md', 'extension/dist/extension.js', 'extension/dist/server.js', 'extension/dist/server-main.js',
  'extension/media/icon.png', 'extension/media/preview.js', 'extension/media/preview.css', 'extension/media/timeline.css',
  'extension/media/matrix-preview.png', 'extension/media/matrix-preview-narrow.png',
  'extension/syntaxes/partnership.tmLanguage.json', 'extension/syntaxes/partnership-results.tmLanguage.json',
  'extension/client/language-configuration.json', 'extension/client/results-language-configuration.json',
  'extension/client/snippets/partnership.code-snippets',
];

function check(name, fn, results) {
  try {
    fn();
    console.log(`  ok   ${name}`);
    results.passed++;
  } catch (error) {
    console.log(`  FAIL ${name}: ${error.message}`);
    results.failed++;
  }
}

function runPackage(tmp, paths) {
  const results = { passed: 0, failed: 0 };
  const vsix = path.join(tmp, 'partnership.vsix');
  check('vsce packages the extension', () => {
    const r = spawnSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links', '--readme-path', 'client/README.md', '-o', vsix], { cwd: repo, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr || r.stdout);
  }, results);
  check('the VSIX holds exactly the files the extension uses', () => {
    const r = spawnSync('unzip', ['-Z1', vsix], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    const files = r.stdout.split('\n').filter((f) => f.startsWith('extension/')).sort();
    const want = [...EXPECTED].sort();
    if (JSON.stringify(files) !== JSON.stringify(want)) throw new Error(`got ${files.join(', ')}`);
    // The extension's own README (package.json's package script names it), not the developer one.
    const readme = spawnSync('unzip', ['-p', vsix, 'extension/readme.md'], { encoding: 'utf8' }).stdout;
    if (readme !== fs.readFileSync(path.join(repo, 'client', 'README.md'), 'utf8')) throw new Error('extension/readme.md is not client/README.md');
  }, results);
  check('the VSIX installs into code-server', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'install-'));
    const env = { ...process.env, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir };
    const args = [paths.codeServerBin, '--user-data-dir', path.join(dir, 'user'), '--extensions-dir', path.join(dir, 'extensions')];
    const install = spawnSync(paths.node24, [...args, '--install-extension', vsix], { env, encoding: 'utf8', timeout: 120000 });
    if (install.status !== 0) throw new Error(install.stderr || install.stdout);
    const list = spawnSync(paths.node24, [...args, '--list-extensions'], { env, encoding: 'utf8', timeout: 120000 });
    if (!/partnership-language-tools\.partnership-language-tools/.test(list.stdout)) throw new Error(`not listed: ${list.stdout}`);
  }, results);
  console.log(`${results.passed} passed, ${results.failed} failed`);
  return results;
}

module.exports = { runPackage };
