'use strict';
// The smoke suite, run inside the extension host (extensionTestsPath): a tiny test runner, no
// mocha. It checks that a folder is open and that the smoke extension is active, logs the
// result, and rejects when a test fails so that the run exits non-zero.

const assert = require('assert');
const vscode = require('vscode');

const EXTENSION_ID = 'partnership-e2e.harness-smoke';

async function until(condition, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return condition();
}

const tests = [
  ['a folder is open and the smoke extension is active', async () => {
    const folders = vscode.workspace.workspaceFolders;
    assert.ok(folders && folders.length > 0, 'workspace.workspaceFolders is not set');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    // onStartupFinished may fire a little after the tests start.
    assert.ok(await until(() => extension.isActive, 15000), `${EXTENSION_ID} is not active`);
  }],
];

async function run() {
  let passed = 0;
  let failed = 0;
  for (const [name, test] of tests) {
    try {
      await test();
      passed++;
      console.log(`  ok   ${name}`);
    } catch (error) {
      failed++;
      console.error(`  FAIL ${name}: ${error.message}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} test(s) failed`);
}

module.exports = { run };
