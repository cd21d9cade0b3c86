// Issue 16, item 5 (Trojan Source): bidirectional controls in titles are a P109 warning where
// they are written, and are shown as marks, never obeyed, in hovers and in the matrix.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { buildMatrix } from '../../../server/out/core/matrix/model';
import { renderCsv } from '../../../server/out/core/matrix/csv';
import { renderHtml } from '../../../server/out/core/matrix/html';
import { renderMarkdown } from '../../../server/out/core/matrix/markdown';
import { check } from '../helpers/program';
import { LspClient, uri } from '../helpers/lsp-client';

const RLO = '\u202e';
const TEXT = `partnership X "X" {\n  term 2010-01-01 to 2020-12-31\n  party A "Pay to ${RLO}lanigiro" as client\n  scope S "Clean\u2066ing" { scope T "Plain" }\n  obligation O "Pay ${RLO}0001 GBP" { A must run S due 2011-01-01 }\n}\n`;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('bidirectional controls (Trojan Source)', function () {
  this.timeout(30000);

  it('a title holding one is a P109 warning on that title, once per title', () => {
    const c = check({ 'x.partnership': TEXT });
    const p109 = c.diagnostics('x.partnership').filter((d) => d.code === 'P109');
    assert.deepEqual(c.codes('x.partnership').filter((s) => s.endsWith('P109')), ['3:11 P109', '4:11 P109', '5:16 P109']);
    assert.ok(p109.every((d) => d.severity === 'warning'));
    assert.equal(p109[0].message, 'The title of the party `A` contains the invisible bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE), which can make the title display in another order than it is read. Remove it, or write the text in its reading order.');
  });

  it('the matrix model and every rendering show the controls as marks', () => {
    const c = check({ 'x.partnership': TEXT });
    const matrix = buildMatrix(c.program, c.path('x.partnership'))!;
    for (const [name, text] of [['model', JSON.stringify(matrix)], ['html', renderHtml(matrix)], ['md', renderMarkdown(matrix)], ['csv', renderCsv(matrix)]] as const) {
      assert.doesNotMatch(text, BIDI, name);
      assert.ok(text.includes('⟦U+202E⟧'), name);
    }
    assert.equal(matrix.parties[0].title, 'Pay to ⟦U+202E⟧lanigiro');
  });

  it('a hover shows the controls as marks', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-bidi-'));
    const file = path.join(dir, 'x.partnership');
    fs.writeFileSync(file, TEXT);
    const client = new LspClient();
    try {
      await client.initialize(dir);
      await client.open(file, TEXT);
      const line = TEXT.split('\n').findIndex((l) => l.includes('A must'));
      const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri(file) }, position: { line, character: TEXT.split('\n')[line].indexOf('A must') } })) as Hover;
      const value = (hover.contents as MarkupContent).value;
      assert.doesNotMatch(value, BIDI);
      assert.match(value, /Pay to ⟦U\+202E⟧lanigiro/);
    } finally {
      await client.stop();
    }
  });
});
