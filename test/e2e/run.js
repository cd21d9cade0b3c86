'use strict';
// Runs the extension's end-to-end tests in a real VS Code (code-server + headless chromium, see
// scripts/vscode/README.md), at two levels:
//   1. in-host: test/e2e/suite/*.test.js inside the extension host, through
//      @vscode/test-electron's runTests() and scripts/vscode/code, with a copy of examples/ as
//      the workspace folder;
//   2. UI: test/e2e/ui.test.js, plain mocha driving the workbench with playwright-core.
// It builds nothing: the bundles (dist/extension.js, dist/server.js, media/preview.js) must
// exist. Prints `N passed, N failed` over both levels and exits 1 on any failure.
//
// Usage: node test/e2e/run.js [--in-host-only | --ui-only]

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const repo = path.resolve(__dirname, '..', '..');
const BUNDLES = ['dist/extension.js', 'dist/server.js', 'dist/server-main.js', 'media/preview.js'];
const SUMMARY = /^(\d+) passed, (\d+) failed\b/m;

function log(message) {
  console.log(`[e2e] ${message}`);
}

/**
 * Keeps a copy of what is written to `stream` (process.stdout or process.stderr) until the
 * returned function is called, which gives the copy back: @vscode/test-electron 2.x forwards
 * the test process's output there (3.x, which takes streams, needs Node 22).
 */
function record(stream) {
  const chunks = [];
  const write = stream.write;
  stream.write = function (chunk, ...rest) {
    chunks.push(Buffer.from(chunk));
    return write.call(this, chunk, ...rest);
  };
  return () => {
    stream.write = write;
    return Buffer.concat(chunks).toString('utf8');
  };
}

function lastSummary(text) {
  const all = [...text.matchAll(new RegExp(SUMMARY.source, 'gm'))];
  if (all.length === 0) return null;
  const [, passed, failed] = all[all.length - 1];
  return { passed: Number(passed), failed: Number(failed) };
}

async function runInHost(tmp, name = 'in-host', env = {}) {
  const { runTests } = require('@vscode/test-electron');
  const workspace = path.join(tmp, `${name}-workspace`);
  fs.cpSync(path.join(repo, 'examples'), workspace, { recursive: true });
  const stopRecording = record(process.stdout);
  let code;
  try {
    code = await runTests({
      vscodeExecutablePath: path.join(repo, 'scripts', 'vscode', 'code'),
      extensionDevelopmentPath: repo,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [workspace, `--user-data-dir=${path.join(tmp, `${name}-user-data`)}`, `--extensions-dir=${path.join(tmp, `${name}-extensions`)}`],
      extensionTestsEnv: { VSCODE_E2E_TIMEOUT_MS: process.env.VSCODE_E2E_TIMEOUT_MS || '180000', ...env },
    });
  } catch (error) {
    code = typeof error.code === 'number' ? error.code : 1;
    log(`in-host run failed: ${error.message}`);
  }
  const output = stopRecording();
  const summary = lastSummary(output);
  if (!summary) {
    // Cut short (the run's time limit, a crash): count what the spec reporter had printed.
    const passed = (output.match(/^\s+✔ /gm) || []).length;
    const failed = Math.max(1, (output.match(/^\s+\d+\) /gm) || []).length);
    log(`the in-host suite printed no \`N passed, N failed\` line: counted ${passed} passed and ${failed} failed from its output`);
    return { passed, failed };
  }
  // A suite that reported no failure but whose run still failed (a crash after the report).
  if (code !== 0 && summary.failed === 0) return { passed: summary.passed, failed: 1 };
  return summary;
}

function runUi() {
  return new Promise((resolve) => {
    const mocha = path.join(repo, 'node_modules', 'mocha', 'bin', 'mocha.js');
    const child = spawn(process.execPath, [mocha, '--no-config', '--no-package', '--ui', 'bdd', '--reporter', 'spec',
      '--timeout', '120000', '--slow', '10000', path.join(__dirname, 'ui.test.js')], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('close', (code, signal) => {
      const passing = /^\s*(\d+) passing\b/m.exec(out);
      const failing = /^\s*(\d+) failing\b/m.exec(out);
      const passed = passing ? Number(passing[1]) : 0;
      let failed = failing ? Number(failing[1]) : 0;
      if (code !== 0 && failed === 0) {
        log(`the UI tests exited with ${code ?? signal} without a count of failures: counted as one`);
        failed = 1;
      }
      resolve({ passed, failed });
    });
  });
}

async function main() {
  const started = Date.now();
  const args = process.argv.slice(2);
  const inHost = !args.includes('--ui-only');
  const ui = !args.includes('--in-host-only');

  const missing = BUNDLES.filter((f) => !fs.existsSync(path.join(repo, f)));
  if (missing.length > 0) {
    console.error(`[e2e] missing ${missing.join(', ')}: build the extension first with \`npm run build\` ` +
      '(or: node scripts/generate-parser.js && npx tsc -p server && node scripts/bundle.js)');
    console.log('0 passed, 1 failed');
    return 1;
  }
  let paths;
  try {
    paths = require(path.join(repo, 'scripts', 'vscode', 'setup')).setup({ quiet: true });
  } catch (error) {
    console.error(`[e2e] could not set up code-server and chromium: ${error.message}`);
    console.log('0 passed, 1 failed');
    return 1;
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-e2e-'));
  const results = [];
  try {
    if (inHost) {
      log('in-host tests (extension host of code-server)');
      results.push(['in-host', await runInHost(tmp)]);
      if (!process.env.PARTNERSHIP_E2E_GREP) {
        log('in-host tests in Restricted Mode (Workspace Trust on, folder not trusted)');
        results.push(['Restricted Mode', await runInHost(tmp, 'restricted', { VSCODE_E2E_WORKSPACE_TRUST: '1', PARTNERSHIP_E2E_GREP: 'Restricted Mode' })]);
      }
    }
    if (ui) {
      log('UI tests (workbench in chromium)');
      results.push(['UI', await runUi()]);
    }
    if (!args.includes('--in-host-only') && !args.includes('--ui-only')) {
      log('the VSIX (vsce, then installed into code-server)');
      results.push(['VSIX', require('./package').runPackage(tmp, paths)]);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  }
  const passed = results.reduce((n, [, r]) => n + r.passed, 0);
  const failed = results.reduce((n, [, r]) => n + r.failed, 0);
  log(`${results.map(([name, r]) => `${name}: ${r.passed} passed, ${r.failed} failed`).join('; ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 || passed === 0 ? 1 : 0;
}

main().then((code) => process.exit(code), (error) => {
  console.error(`[e2e] ${error.stack || error.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
