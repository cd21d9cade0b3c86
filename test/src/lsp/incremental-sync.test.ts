// The server follows an editor's incremental changes: several ranges in one notification, and
// bursts of notifications analysed together. The parse takes the stretch the editor changed from
// those ranges, so after every burst the published diagnostics must equal those of a fresh
// analysis of the text the editor holds, and so must the obligation matrix.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { buildMatrix } from '../../../server/out/core/matrix/model';
import { Analysis } from '../../../server/out/core/analysis/analysis';
import { Positions, toLspDiagnostic } from '../../../server/out/lsp/convert';
import { DocumentIds } from '../../../server/out/lsp/documents';
import { LspClient, uri } from '../helpers/lsp-client';
import { generatedContract } from '../helpers/generated';
import { seededRandom } from '../helpers/random';

/** What a fresh analysis of `text` alone publishes for `file`, and its obligation matrix. */
function fresh(file: string, text: string): { diagnostics: unknown; matrix: unknown } {
  const program = new Analysis([{ file, text }], { readFile: (f) => (f === file ? text : undefined) });
  const positions = new Positions((f) => (f === file ? text : undefined));
  const ids = new DocumentIds();
  ids.fileOf(uri(file));
  const diagnostics = program.diagnostics(file).map((d) => toLspDiagnostic(d, positions, ids));
  return JSON.parse(JSON.stringify({ diagnostics, matrix: buildMatrix(program, file) }));
}

describe('incremental text sync', function () {
  this.timeout(120000);
  let client: LspClient;
  let folder: string;
  let contract: string;

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-sync-'));
    contract = generatedContract(60);
    client = new LspClient();
    await client.initialize(folder);
  });
  after(async () => client?.stop());

  it('publishes what a fresh analysis finds after every burst of ranged changes', async () => {
    const file = path.join(folder, 'contract.partnership');
    let document = TextDocument.create(uri(file), 'partnership', 1, contract);
    await client.open(file, contract, 1);
        const random = seededRandom(2024);
    // Mostly letters, which keep the contract valid, so that the next edit is parsed incrementally.
    const pieces = ['x', 'Zq', 'x', 'ab', 'x', '', ' ', '\n', '"', '}', '2', 'must ', 'due 2016-01-01 '];
    /**
     * A change in the quoted clause the burst types into, or now and then anywhere; rarely the
     * whole text at once. Each range is in the text left by the change before.
     */
    const randomChange = (text: string, clause: number): TextDocumentContentChangeEvent => {
      if (random(40) === 0) return { text: random(2) === 0 ? contract : text };
      const at = random(5) > 0 && clause >= 0 ? clause + random(4) : random(text.length + 1);
      const end = Math.min(text.length, at + (random(3) === 0 ? random(4) : 0));
      return { range: { start: document.positionAt(at), end: document.positionAt(end) }, text: pieces[random(pieces.length)] };
    };
    let version = 1;
    for (let burst = 0; burst < 150; burst++) {
      const clauses = [...document.getText().matchAll(/clause "/g)];
      const clause = clauses.length > 0 ? clauses[random(clauses.length)].index! + 8 : -1;
      // One to three notifications, sent together, each with one to three changes in order.
      for (let n = 1 + random(3); n > 0; n--) {
        const changes: TextDocumentContentChangeEvent[] = [];
        for (let c = 1 + random(3); c > 0; c--) {
          const change = randomChange(document.getText(), clause);
          changes.push(change);
          document = TextDocument.update(document, [change], version + 1);
        }
        version++;
        void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(file), version }, contentChanges: changes });
      }
      const last = version;
      await client.until(() => client.diagnostics.get(uri(file))?.version === last, `diagnostics for version ${last}`);
      // The matrix shows the clauses and titles typed into, which no diagnostic mentions.
      const matrix = await client.connection.sendRequest('partnership/matrix', { uri: uri(file) });
      const expected = fresh(file, document.getText());
      assert.deepEqual(client.diagnostics.get(uri(file))!.diagnostics, expected.diagnostics, `diagnostics after burst ${burst}`);
      assert.deepEqual(matrix, expected.matrix, `matrix after burst ${burst}`);
      // Mostly undone, as typing is, so later edits land on text that parses.
      if (random(3) > 0) {
        version++;
        const whole = { range: { start: document.positionAt(0), end: document.positionAt(document.getText().length) }, text: contract };
        document = TextDocument.update(document, [whole], version);
        await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(file), version }, contentChanges: [whole] });
      }
    }
  });
});
