// The engine settings the server is started with (server/src/lsp/engine-flags.ts) reach the
// server when an editor other than VS Code runs it; the VS Code client's are checked end to end.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ENGINE_FLAGS } from '../../../server/out/lsp/engine-flags';
import { LspClient } from '../helpers/lsp-client';
import { repoRoot } from '../helpers/paths';

const serverFile = path.join(repoRoot, 'bin', 'partnership-language-server.js');

describe('engine settings of the language server', function () {
  this.timeout(30000);

  it('are the first line of the server file', () => {
    const [first] = fs.readFileSync(serverFile, 'utf8').split('\n');
    assert.equal(first, `#!/usr/bin/env -S node ${ENGINE_FLAGS.join(' ')}`);
  });

  it('are each a setting with a number', () => {
    assert.ok(ENGINE_FLAGS.length > 0);
    for (const flag of ENGINE_FLAGS) assert.match(flag, /^--[a-z-]+=\d+$/, flag);
  });

  // The process's own command line is read from /proc, so this runs where there is one.
  (fs.existsSync('/proc/self/cmdline') ? it : it.skip)('reach a server run as an executable, which then works', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-flags-'));
    const file = path.join(root, 'a.partnership');
    const client = new LspClient(['--stdio'], { asExecutable: true });
    try {
      await client.initialize(root);
      await client.open(file, 'partnership A "a" {\n  party P "P" as supplier\n  party P "Q" as client\n}\n');
      // The second party of the same name is reported: the server parsed, declared and checked.
      await client.until(() => client.codes(file).includes('3 P102'), 'the duplicate party to be reported');
      const commandLine = fs.readFileSync(`/proc/${client.pid}/cmdline`, 'utf8').split('\0');
      const server = commandLine.indexOf(serverFile);
      assert.ok(server > 0, `the server file in ${JSON.stringify(commandLine)}`);
      assert.deepEqual(commandLine.slice(1, server), [...ENGINE_FLAGS]);
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
