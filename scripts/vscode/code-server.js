'use strict';
// Starts code-server (VS Code in the browser, installed by setup.js) on 127.0.0.1 on a free
// port, in its own process group and with all its state in a temporary folder, waits until it
// answers /healthz, and returns { port, url(folder, payload), stop(), exited, logTail() }.
// url() builds the workbench address that loads extensions in development mode (and runs
// their tests): code-server takes those from the page URL, not from its command line.

const fs = require('fs');
const os = require('os');
const net = require('net');
const http = require('http');
const path = require('path');
const { spawn } = require('child_process');
const { paths } = require('./setup');

const HOST = '127.0.0.1';
// User settings for a fresh profile: no chat/AI features, no update or gallery checks (the
// machines are offline, and these only add noise to the log).
const QUIET_SETTINGS = {
  'chat.disableAIFeatures': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
};

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function healthy(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: HOST, port, path: '/healthz', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** vscode-remote://127.0.0.1:PORT/abs/path: a path on the code-server machine, seen from the page. */
function remoteUri(port, file) {
  const abs = path.resolve(file).split(path.sep).map(encodeURIComponent).join('/');
  return `vscode-remote://${HOST}:${port}${abs}`;
}

/**
 * The workbench address: ?folder=<abs>&payload=<url-encoded JSON>. payload may hold
 * extensionDevelopmentPath (a path or a list of paths) and extensionTestsPath.
 */
function workbenchUrl(port, folder, { extensionDevelopmentPath, extensionTestsPath } = {}) {
  const payload = [];
  for (const dev of [].concat(extensionDevelopmentPath || [])) {
    payload.push(['extensionDevelopmentPath', remoteUri(port, dev)]);
  }
  if (extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(port, extensionTestsPath)]);
  const query = [];
  if (folder) query.push(`folder=${encodeURIComponent(path.resolve(folder))}`);
  if (payload.length) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `http://${HOST}:${port}/${query.length ? `?${query.join('&')}` : ''}`;
}

/**
 * Starts code-server. Options: port (default: a free one), userDataDir and extensionsDir
 * (default: inside a temporary folder that stop() removes), timeoutMs for /healthz.
 */
async function startCodeServer({ port, userDataDir, extensionsDir, timeoutMs = 30000, workspaceTrust = false } = {}) {
  const { node24, codeServerBin } = paths();
  if (!fs.existsSync(node24) || !fs.existsSync(codeServerBin)) {
    throw new Error('code-server is not installed; run `node scripts/vscode/setup.js` first');
  }
  port = port || await freePort();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'code-server-'));
  userDataDir = userDataDir || path.join(tmp, 'user-data');
  extensionsDir = extensionsDir || path.join(tmp, 'extensions');
  const config = path.join(tmp, 'config.yaml');
  fs.writeFileSync(config, `bind-addr: ${HOST}:${port}\nauth: none\ncert: false\n`);
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  if (!fs.existsSync(settingsFile)) {
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(settingsFile, JSON.stringify(QUIET_SETTINGS, null, 2));
  }
  const logFile = path.join(tmp, 'code-server.log');
  const logFd = fs.openSync(logFile, 'a');

  const child = spawn(node24, [codeServerBin,
    '--bind-addr', `${HOST}:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    // With Workspace Trust on, a folder opens in Restricted Mode until the user trusts it.
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--vscode-option', 'enable-smoke-test-driver',
    '--config', config,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
  ], {
    detached: true, // its own process group, so stop() can end every child it starts
    stdio: ['ignore', logFd, logFd],
    env: { ...process.env, XDG_DATA_HOME: path.join(tmp, 'xdg-data'), XDG_CONFIG_HOME: path.join(tmp, 'xdg-config') },
  });
  fs.closeSync(logFd);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  let running = true;
  exited.then(() => { running = false; });

  const groupAlive = () => {
    try { process.kill(-child.pid, 0); return true; } catch { return false; }
  };
  const killGroup = (signal) => {
    try { process.kill(-child.pid, signal); } catch { /* already gone */ }
  };
  // If this process dies without calling stop(), do not leave code-server behind.
  const onExit = () => killGroup('SIGKILL');
  process.on('exit', onExit);

  let stopping;
  function stop() {
    stopping = stopping || (async () => {
      process.removeListener('exit', onExit);
      killGroup('SIGTERM');
      const deadline = Date.now() + 5000;
      while (groupAlive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      if (groupAlive()) killGroup('SIGKILL');
      fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
    })();
    return stopping;
  }

  const deadline = Date.now() + timeoutMs;
  while (!(await healthy(port))) {
    if (!running || Date.now() > deadline) {
      const why = running ? `did not answer /healthz within ${timeoutMs} ms` : 'exited';
      const log = tail(logFile);
      await stop();
      throw new Error(`code-server ${why}. Its log:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    port,
    pid: child.pid,
    logFile,
    logTail: (lines) => tail(logFile, lines),
    exited,
    url: (folder, payload) => workbenchUrl(port, folder, payload),
    stop,
  };
}

module.exports = { startCodeServer, workbenchUrl, remoteUri, QUIET_SETTINGS };
