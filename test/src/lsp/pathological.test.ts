// Pathological documents through the real server: each gets its diagnostics in bounded time,
// nothing overflows the stack, and the server answers the next request.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient, uri } from '../helpers/lsp-client';

const inputs: [string, () => string, RegExp][] = [
  ['100,000 nested scopes', () => 'partnership N "n" {\n  term 2010-01-01 to 2020-12-31\n' + 'scope S "s" {'.repeat(100000) + '}'.repeat(100000) + '\n}\n', /nested too deeply/],
  ['100,000 open braces', () => '{'.repeat(100000), /nested too deeply/],
  ['a 1 MB line', () => `partnership L "${'x'.repeat(1_000_000)}" { term 2010-01-01 to 2020-12-31 party A "a" as client }`, /^$/],
  ['10 MB of random bytes', () => {
    // xorshift32: every byte value occurs.
    let x = 2463534242;
    const bytes = Buffer.alloc(10 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      bytes[i] = x & 0xff;
    }
    return bytes.toString('latin1');
  }, /binary data/],
  ['100,000 parties', () => 'partnership P "p" {\n  term 2010-01-01 to 2020-12-31\n' + Array.from({ length: 100000 }, (_, i) => `  party P${i} "Party ${i}" as supplier\n`).join('') + '}\n', /^$/],
];

describe('pathological documents through the server', function () {
  this.timeout(120000);
  let client: LspClient;
  let root: string;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-patho-'));
    client = new LspClient();
    await client.initialize(root);
  });
  after(async () => client?.stop());

  for (const [name, make, expected] of inputs) {
    it(`${name}: diagnostics, then the next request is answered`, async () => {
      const file = path.join(root, `${name.replace(/\W+/g, '-')}.partnership`);
      await client.open(file, make());
      await client.until(() => client.diagnostics.has(uri(file)), `diagnostics for ${name}`, 100000);
      const errors = client.diagnostics.get(uri(file))!.diagnostics.filter((d) => d.severity === 1).map((d) => d.message).join('\n');
      assert.match(errors, expected);
      const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri(file) } });
      assert.ok(Array.isArray(symbols));
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(file) } });
      assert.equal(client.exited, false);
    });
  }
});
