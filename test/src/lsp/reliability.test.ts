// The server under pressure: cancelled requests, bursts of edits, hostile document text.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Hover } from 'vscode-languageserver-protocol';
import { execFileSync } from 'node:child_process';
import { LspClient, uri } from '../helpers/lsp-client';
import { sharedCorpus } from '../helpers/paths';

describe('language server reliability', function () {
  this.timeout(30000);
  let client: LspClient;
  let root: string;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-rel-'));
    client = new LspClient();
    await client.initialize(root);
  });
  after(async () => client?.stop());

  it('answers a cancelled request with RequestCancelled', async () => {
    // A large contract keeps the server busy analysing while the hover and its cancellation queue up.
    const big = path.join(root, 'big.partnership');
    const prefix = path.join(root, 'gen');
    execFileSync(process.execPath, [path.resolve(sharedCorpus, '..', 'bench', 'gen-partnership.mjs'), '3000', prefix]);
    await client.open(big, fs.readFileSync(`${prefix}.partnership`, 'utf8'));
    const { CancellationTokenSource } = await import('vscode-languageserver-protocol');
    const busy = client.connection.sendRequest('workspace/symbol', { query: 'N000001' });
    const source = new CancellationTokenSource();
    const request = client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri(big) }, position: { line: 0, character: 1 } }, source.token);
    source.cancel();
    await assert.rejects(request, (error: { code?: number }) => error.code === -32800);
    await busy;
  });

  it('publishes the final version after 50 rapid edits, coalescing the burst', async () => {
    const file = path.join(root, 'burst.partnership');
    const text = (n: number) => `partnership B "b" {\n  term 2010-01-01 to 2020-12-31\n  party P${n} "P" as subcontractor\n}\n`;
    await client.open(file, text(0), 1);
    await client.until(() => client.diagnostics.get(uri(file))?.version === 1, 'first diagnostics');
    const before = client.history.length;
    for (let v = 2; v <= 51; v++) void client.change(file, text(v), v);
    await client.until(() => client.diagnostics.get(uri(file))?.version === 51, 'final diagnostics');
    const versions = client.history.slice(before).filter((p) => p.uri === uri(file)).map((p) => p.version);
    // The edits are sent at once, but a loaded machine may hand them to the server in a few
    // reads: the burst is analysed a few times at most, never once per edit, in order, ending
    // with the last version.
    assert.equal(versions[versions.length - 1], 51);
    assert.ok(versions.length <= 5, `published ${versions.length} times: ${versions.join(', ')}`);
    assert.deepEqual([...versions].sort((a, b) => a! - b!), versions);
    assert.match(JSON.stringify(client.diagnostics.get(uri(file))!.diagnostics), /P51/);
  });

  it('escapes hostile names in hovers, so they cannot become markup, links or commands', async () => {
    const file = path.join(root, 'hostile.partnership');
    const names = ['<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', '[x](command:workbench.action.terminal.new)'];
    const text = `partnership H "H" {\n  term 2010-01-01 to 2020-12-31\n${names.map((n, i) => `  party P${i} ${JSON.stringify(n)} as supplier`).join('\n')}\n}\n`;
    await client.open(file, text);
    for (let i = 0; i < names.length; i++) {
      const line = 2 + i;
      const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri(file) }, position: { line, character: 9 } })) as Hover;
      const value = (hover.contents as { value: string }).value;
      assert.doesNotMatch(value, /<img|<script|\]\(command:/, value);
      assert.match(value, i === 0 ? /&lt;img src=x onerror=alert\\\(1\\\)&gt;/ : i === 1 ? /"&gt;&lt;script&gt;/ : /\\\[x\\\]\\\(command:/);
    }
  });
});
