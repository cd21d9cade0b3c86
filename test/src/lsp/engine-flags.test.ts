// The engine settings of shared/src/engine-flags.ts reach the language server when the engine
// accepts them, and the server starts without them when it does not. The VS Code client's
// start is checked end to end (test/e2e).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { acceptedEngineFlags, ENGINE_FLAGS } from '../../../shared/out/engine-flags';
import { LspClient } from '../helpers/lsp-client';
import { repoRoot } from '../helpers/paths';

const serverFile = path.join(repoRoot, 'bin', 'partnership-language-server.js');
const serverMain = path.join(repoRoot, 'server', 'out', 'lsp', 'main.js');
const hasProc = fs.existsSync('/proc/self/cmdline');

const commandLineOf = (pid: number): string[] => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((arg) => arg !== '');
const childrenOf = (pid: number): number[] => fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter((p) => p.trim() !== '').map(Number);

/** Runs a server on a document with a duplicate party, and returns once it has reported it. */
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
