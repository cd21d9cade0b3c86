'use strict';
// Proves the VS Code e2e harness end to end: @vscode/test-electron's standard runTests() drives
// scripts/vscode/code (code-server + headless chromium) to run the smoke extension's suite in a
// real extension host, and this script exits with the suite's exit code.
// Usage: node test/e2e-harness/run-smoke.js

const fs = require('fs');
const os = require('os');
const path = require('path');
const { runTests } = require('@vscode/test-electron');

const repo = path.resolve(__dirname, '..', '..');
const smoke = path.join(__dirname, 'smoke');

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-smoke-'));
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(workspace);
  fs.writeFileSync(path.join(workspace, 'README.txt'), 'A folder for the harness smoke test.\n');
  try {
    return await runTests({
      vscodeExecutablePath: path.join(repo, 'scripts', 'vscode', 'code'),
      extensionDevelopmentPath: smoke,
      extensionTestsPath: path.join(smoke, 'suite', 'index.js'),
      // Our own profile folders, so nothing is written under the current directory.
      launchArgs: [workspace, `--user-data-dir=${path.join(tmp, 'user-data')}`, `--extensions-dir=${path.join(tmp, 'extensions')}`],
    });
  } catch (error) {
    console.error(`smoke run failed: ${error.message}`);
    return typeof error.code === 'number' ? error.code : 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  }
}

main().then((code) => process.exit(code));
