'use strict';
// A "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }) and
// @vscode/test-cli (useInstallation.fromPath): it takes VS Code-style arguments, starts
// code-server, opens the workbench in headless chromium (playwright-core) with the extension
// under development and its test suite, forwards the extension host's console (errors to
// stderr, the rest to stdout) and exits with the suite's exit code. Started through the shell
// wrapper scripts/vscode/code.
//
// Environment: VSCODE_E2E_TIMEOUT_MS (default 300000) bounds the whole run;
// VSCODE_E2E_VERBOSE=1 also forwards the workbench's own start-up chatter (see WORKBENCH_NOISE).
// On timeout or error a screenshot goes to <repo>/test-results/ and the exit code is 1.

const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');
const { setup } = require('./setup');
const { startCodeServer } = require('./code-server');

const repo = path.resolve(__dirname, '..', '..');
const TIMEOUT_MS = Number(process.env.VSCODE_E2E_TIMEOUT_MS) || 300000;
// codeAutomationLog carries the workbench's log as well as the extension host's console, with
// nothing to tell them apart. Dropped here: errors raised in the workbench's own code (their
// stack lies in workbench.js: the offline marketplace, cancelled calls at shutdown) and
// code-server 4.139.1's start-up chatter (connections, chat and account services).
const WORKBENCH_NOISE = new RegExp([
  '/static/out/vs/code/browser/workbench/workbench\\.js:',
  '^Resolving connection token', '^Resolved connection token', '^Creating a socket',
  '^Updating additional builtin extensions cache', '^Creation of workbench contribution',
  '^\\[(AgentHost|AgentHost:remote|ChatModelSelection|AccountPolicyGate|Service Worker|reconnection-grace-time)\\]',
].join('|'));
const VERBOSE = process.env.VSCODE_E2E_VERBOSE === '1';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The arguments we use; other flags (--no-sandbox, --disable-updates, ...) are ignored. */
function parseArgs(argv) {
  const options = { extensionDevelopmentPath: [], folder: undefined };
  const withValue = ['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir'];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const match = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
    if (!match) {
      options.folder = options.folder || path.resolve(arg);
      continue;
    }
    const [, name, inline] = match;
    if (!withValue.includes(name)) continue;
    const value = path.resolve(inline !== undefined ? inline : argv[++i]);
    if (name === 'extensionDevelopmentPath') options.extensionDevelopmentPath.push(value);
    else if (name === 'extensionTestsPath') options.extensionTestsPath = value;
    else if (name === 'user-data-dir') options.userDataDir = value;
    else if (name === 'extensions-dir') options.extensionsDir = value;
  }
  return options;
}

function log(message) {
  console.log(`[code] ${message}`);
}

async function screenshot(page) {
  if (!page) return;
  try {
    const dir = path.join(repo, 'test-results');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `vscode-${new Date().toISOString().replace(/[:.]/g, '-')}.png`);
    await page.screenshot({ path: file, timeout: 10000 });
    log(`screenshot: ${file}`);
  } catch (error) {
    log(`could not take a screenshot: ${error.message}`);
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!options.extensionTestsPath) throw new Error('no --extensionTestsPath given: nothing to run');
  const started = Date.now();
  const { chromium: chromiumPath } = setup({ quiet: true });
  const { chromium } = require('playwright-core');

  let server, browser, page;
  let finishing = false;
  // chromium writes "Crash Reports" under XDG_CONFIG_HOME: keep that out of the home folder.
  const chromiumHome = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-'));
  const finish = async (code) => {
    if (finishing) return;
    finishing = true;
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop();
    fs.rmSync(chromiumHome, { recursive: true, force: true, maxRetries: 3 });
    log(`exit code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    process.exit(code);
  };
  // runTests sends SIGINT on Ctrl+C; code-server lives in its own process group, so stop it here.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => { log(`${signal}: stopping`); finish(1); });
  }

  try {
    server = await startCodeServer({ userDataDir: options.userDataDir, extensionsDir: options.extensionsDir, workspaceTrust: process.env.VSCODE_E2E_WORKSPACE_TRUST === '1' });
    log(`code-server on port ${server.port}`);
    browser = await chromium.launch({
      executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS,
      env: { ...process.env, XDG_CONFIG_HOME: chromiumHome, XDG_CACHE_HOME: chromiumHome },
      handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false, // finish() closes it
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });

    let reportExit;
    const exitCode = new Promise((resolve) => { reportExit = resolve; });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      // The console's arguments as given, so printf-style calls (`console.log('%s%s', a, b)`,
      // as mocha's reporters make them) are formatted the way Node's console would.
      const parts = [].concat(args ?? []).map((a) => (typeof a === 'string' ? a : JSON.stringify(a)));
      const line = parts.length > 1 ? util.format(...parts) : (parts[0] ?? '');
      if (!VERBOSE && WORKBENCH_NOISE.test(line)) return;
      (type === 'error' ? console.error : console.log)(line);
    });
    await page.exposeFunction('codeAutomationExit', (code) => reportExit(Number.isInteger(code) ? code : 1));
    const url = server.url(options.folder, options);
    log(`opening ${url}`);
    await page.goto(url, { waitUntil: 'domcontentloaded' });

    let timer;
    const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS - (Date.now() - started)); });
    const result = await Promise.race([
      exitCode,
      timeout,
      server.exited.then((code) => `code-server exited (${code})`),
      new Promise((resolve) => browser.on('disconnected', () => resolve('the browser disconnected'))),
    ]);
    clearTimeout(timer);
    if (finishing) return; // interrupted by a signal
    if (typeof result === 'number') return finish(result);
    log(result === 'timeout' ? `the suite reported no exit code within ${TIMEOUT_MS} ms` : result);
    await screenshot(page);
    log(`code-server log (tail):\n${server.logTail()}`);
    return finish(1);
  } catch (error) {
    if (finishing) return;
    log(`error: ${error.stack || error.message}`);
    await screenshot(page);
    return finish(1);
  }
}

main().catch((error) => {
  console.error(`[code] ${error.message}`);
  process.exit(1);
});
