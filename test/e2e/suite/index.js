'use strict';
// The in-host end-to-end suite: VS Code loads this file as `extensionTestsPath` and calls run()
// inside the extension host, with this repository's extension in development mode and a copy
// of examples/ as the workspace folder (test/e2e/run.js sets that up). It runs every
// test/e2e/suite/*.test.js with mocha (bdd), in name order, and ends with the plain line
// `N passed, N failed`. The returned promise rejects when a test fails, so the run exits 1.

const fs = require('fs');
const path = require('path');

const repoRoot = path.resolve(__dirname, '..', '..', '..');

async function run() {
  // code-server's VS Code saves edited files after a second by default (files.autoSave is
  // afterDelay). Off for the tests, so an edit reaches the language server only as an edit, not
  // also as a file changed on disk, and the contracts on disk stay as they were.
  const vscode = require('vscode');
  try {
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  } catch (error) {
    console.error(`could not turn off files.autoSave: ${error.message}`);
  }

  // mocha 12 is an ES module package; require() of it gives its namespace.
  const loaded = require(path.join(repoRoot, 'node_modules', 'mocha'));
  const Mocha = loaded.default || loaded.Mocha || loaded;
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: 60000,
    slow: 5000,
    grep: process.env.PARTNERSHIP_E2E_GREP || undefined,
  });
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));

  return new Promise((resolve, reject) => {
    let runner;
    try {
      runner = mocha.run((failures) => {
        const { passes = 0, failures: failed = failures } = runner.stats || {};
        console.log(`${passes} passed, ${failed} failed`);
        if (failed > 0) reject(new Error(`${failed} in-host test(s) failed`));
        else if (passes === 0) reject(new Error('no in-host test ran'));
        else resolve();
      });
    } catch (error) {
      console.error(error && error.stack ? error.stack : String(error));
      console.log('0 passed, 1 failed');
      reject(error);
    }
  });
}

module.exports = { run };
