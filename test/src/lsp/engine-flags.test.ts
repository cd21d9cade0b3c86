// The engine settings of shared/src/engine-flags.ts reach the language server when the engine
// accepts them, and the server starts without them when it does not. The VS Code client's
// start is checked end to end (test/e2e).
import * as assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { createConnection } from 'vscode-languageserver/node';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { startServer } from '../../../server/out/lsp/server';
import { acceptedEngineFlags, ENGINE_FLAGS, tieringFlags, tuneForOneRun, tuneForOpening } from '../../../shared/out/engine-flags';
import { LspClient } from '../helpers/lsp-client';
import { MemoryHost } from '../helpers/memory-host';
import { repoRoot } from '../helpers/paths';

const serverFile = path.join(repoRoot, 'bin', 'partnership-language-server.js');
// What the server file starts in a second engine: the bundle, as `npm run build` makes it (server/src/lsp/launch.ts).
const bundledServer = path.join(repoRoot, 'dist', 'server.js');
const serverMain = fs.existsSync(bundledServer) ? bundledServer : path.join(repoRoot, 'server', 'out', 'lsp', 'main.js');
const hasProc = fs.existsSync('/proc/self/cmdline');

/** A process's command line; none once the process has ended. */
function commandLineOf(pid: number): string[] {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((arg) => arg !== '');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
const childrenOf = (pid: number): number[] => fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter((p) => p.trim() !== '').map(Number);

/** Runs a server on a document with a duplicate party; once it has reported it, runs `then`. */
async function withWorkingServer(client: LspClient, then: () => void): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-flags-'));
  const file = path.join(root, 'a.partnership');
  try {
    await client.initialize(root);
    await client.open(file, 'partnership A "a" {\n  party P "P" as supplier\n  party P "Q" as client\n}\n');
    // The second party of the same name is reported: the server parsed, declared and checked.
    await client.until(() => client.codes(file).includes('3 P102'), 'the duplicate party to be reported');
    then();
  } finally {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

describe('engine settings of the language server', function () {
  this.timeout(30000);

  it('are not on the first line of the server file, where an engine could refuse them', () => {
    const [first] = fs.readFileSync(serverFile, 'utf8').split('\n');
    assert.equal(first, '#!/usr/bin/env node');
  });

  it('are each a setting with a number', () => {
    assert.ok(ENGINE_FLAGS.length > 0);
    for (const flag of ENGINE_FLAGS) assert.match(flag, /^--[a-z-]+=\d+$/, flag);
  });

  it('tune optimising for a command run once, only on the engine it was measured on; not among the server\'s start-up settings', () => {
    assert.deepEqual(tieringFlags('11.3.244.8-node.33'), ['--interrupt-budget=300000']);
    // V8 13 (Node 24) has no such setting, and V8 12 was not measured.
    assert.deepEqual(tieringFlags('13.6.233.17-node.53'), []);
    assert.deepEqual(tieringFlags('12.4.254.21-node.33'), []);
    assert.ok(!ENGINE_FLAGS.some((flag) => flag.startsWith('--interrupt-budget')), 'the server optimises at the engine\'s pace');
    const given: string[] = [];
    assert.deepEqual(tuneForOneRun((flag) => given.push(flag), '11.3.244.8-node.33'), ['--interrupt-budget=300000']);
    assert.deepEqual(tuneForOneRun((flag) => given.push(flag), '13.6.233.17-node.53'), []);
    assert.deepEqual(given, ['--interrupt-budget=300000']);
  });

  it('tune a server\'s optimising while it opens, then give the engine back its own value, once', () => {
    const given: string[] = [];
    const openingDone = tuneForOpening((flag) => given.push(flag), '11.3.244.8-node.33');
    assert.deepEqual(given, ['--interrupt-budget=300000']);
    openingDone();
    openingDone();
    assert.deepEqual(given, ['--interrupt-budget=300000', '--interrupt-budget=67584']);
    const none: string[] = [];
    tuneForOpening((flag) => none.push(flag), '13.6.233.17-node.53')();
    assert.deepEqual(none, []);
  });

  it('give back the value the engine itself starts with', () => {
    const given: string[] = [];
    tuneForOpening((flag) => given.push(flag))();
    if (!process.versions.v8.startsWith('11.3.')) {
      assert.deepEqual(given, [], 'an engine not measured is left alone');
      return;
    }
    const options = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    const engineDefault = /\n {2}--interrupt-budget \(.*\)\n\s+type: int\s+default: (--interrupt-budget=\d+)/.exec(options);
    assert.ok(engineDefault, 'the engine lists its interrupt budget');
    assert.equal(given[1], engineDefault[1]);
  });

  it('hear from the server once, when its first analysis of a file is published', async () => {
    const root = path.resolve('/memory-opening');
    const toServer = new PassThrough();
    const fromServer = new PassThrough();
    let opened = 0;
    // The server listens on the connection it is given.
    const server = startServer(new MemoryHost(), createConnection(toServer, fromServer), { opened: () => opened++ });
    const client = createProtocolConnection(new StreamMessageReader(fromServer), new StreamMessageWriter(toServer));
    const published: string[] = [];
    client.onNotification('textDocument/publishDiagnostics', (p: { uri: string }) => {
      published.push(p.uri);
    });
    client.onRequest('client/registerCapability', () => null);
    client.listen();
    const until = async (test: () => boolean): Promise<void> => {
      for (let waited = 0; !test(); waited += 10) {
        assert.ok(waited < 10000, 'timed out waiting for the server');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    try {
      await client.sendRequest('initialize', { processId: null, rootUri: pathToFileURL(root).toString(), capabilities: {} });
      await client.sendNotification('initialized', {});
      // An empty workspace is analysed with no file: the server has not opened anything yet.
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(opened, 0);
      const open = async (name: string): Promise<void> => {
        const uri = pathToFileURL(path.join(root, name)).toString();
        await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'partnership', version: 1, text: `partnership ${name[0].toUpperCase()} "x" {\n}\n` } });
        await until(() => published.includes(uri));
      };
      await open('a.partnership');
      assert.equal(opened, 1);
      await open('b.partnership');
      assert.equal(opened, 1);
    } finally {
      client.dispose();
      server.dispose();
    }
  });

  it('leave a command\'s output as it was: the engine knows each setting it is given', () => {
    // An engine that does not know a setting says so on standard error, among the command's diagnostics.
    const tune = `require(${JSON.stringify(path.join(repoRoot, 'shared', 'out', 'engine-flags.js'))}).tuneForOneRun(require('node:v8').setFlagsFromString)`;
    const run = spawnSync(process.execPath, ['-e', `${tune}; process.stdout.write('only this')`], { encoding: 'utf8' });
    assert.deepEqual([run.stdout, run.stderr, run.status], ['only this', '', 0]);
  });

  it('are given only to an engine that accepts them all', async () => {
    assert.deepEqual(await acceptedEngineFlags(), ENGINE_FLAGS);
    assert.deepEqual(await acceptedEngineFlags(process.execPath, [...ENGINE_FLAGS, '--no-such-engine-setting=64']), []);
    assert.deepEqual(await acceptedEngineFlags(path.join(os.tmpdir(), 'no-such-engine')), []);
  });

  (hasProc ? it : it.skip)('reach a server run as an executable, which then works', async () => {
    const client = new LspClient(['--stdio'], { asExecutable: true });
    await withWorkingServer(client, () => {
      // The server runs in a second engine, started with the settings.
      const [server, ...others] = childrenOf(client.pid);
      assert.deepEqual(others, [], 'more than one process under the server file');
      const commandLine = commandLineOf(server);
      const main = commandLine.indexOf(serverMain);
      assert.ok(main > 0, `the server in ${JSON.stringify(commandLine)}`);
      assert.deepEqual(commandLine.slice(1, main), [...ENGINE_FLAGS]);
    });
  });

  (hasProc ? it : it.skip)('leave no server running when an editor stops the server file', async () => {
    // The server's input stays open (a FIFO this test holds for writing), as an editor may keep
    // it after the server file ends: only the stop itself, passed on, ends the server.
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-stop-'));
    execFileSync('mkfifo', [path.join(folder, 'input')]);
    const input = fs.openSync(path.join(folder, 'input'), 'r+');
    const launcher = spawn(serverFile, ['--stdio'], { stdio: [input, 'ignore', 'ignore'] });
    const waitFor = async (test: () => boolean, what: string): Promise<void> => {
      for (let waited = 0; !test(); waited += 50) {
        assert.ok(waited < 10000, `timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    // The first process under it asks the engine about the settings; the server comes next.
    const serverUnder = (pid: number): number | undefined => childrenOf(pid).find((child) => commandLineOf(child).includes(serverMain));
    let server: number | undefined;
    try {
      await waitFor(() => (server = serverUnder(launcher.pid!)) !== undefined, 'the server to start');
      launcher.kill('SIGTERM');
      await waitFor(() => !fs.existsSync(`/proc/${server}`), `the server ${server} to stop with its server file`);
    } finally {
      launcher.kill('SIGKILL');
      if (server !== undefined && fs.existsSync(`/proc/${server}`)) process.kill(server, 'SIGKILL');
      fs.closeSync(input);
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  (hasProc ? it : it.skip)('are left out by a server on an engine that refuses them, which still works', async () => {
    // An engine without one of the settings: Node's own answer to an unknown option, exit code 9.
    const refusal = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-refusal-')), 'refuse.js');
    fs.writeFileSync(refusal, `if (process.execArgv.includes(${JSON.stringify(ENGINE_FLAGS[1])})) {
  process.stderr.write('node: bad option: ${ENGINE_FLAGS[1]}\\n');
  process.exit(9);
}\n`);
    const client = new LspClient(['--stdio'], { asExecutable: true, env: { ...process.env, NODE_OPTIONS: `--require ${refusal}` } });
    try {
      await withWorkingServer(client, () => {
        assert.deepEqual(childrenOf(client.pid), [], 'the server runs in the process of the server file');
        assert.ok(!commandLineOf(client.pid).some((arg) => ENGINE_FLAGS.includes(arg)), 'no setting on the command line');
      });
    } finally {
      fs.rmSync(path.dirname(refusal), { recursive: true, force: true });
    }
  });
});
