// `partnership matrix` and `partnership export`: every format for a real contract, document
// text always escaped, and exported models that conform to the published schema.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { renderCsv } from '../../../server/out/core/matrix/csv';
import { escapeHtml } from '../../../server/out/core/matrix/html';
import { escapeMarkdown } from '../../../server/out/core/matrix/markdown';
import { run } from '../helpers/cli';
import { examples, partnershipFilesUnder, sharedCorpus, sharedCorpusV2 } from '../helpers/paths';
import { schemaErrors, validateModel } from '../helpers/schemas';

const SB = 'examples/service-birmingham/service-birmingham.partnership';
const HOSTILE = ['<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', '[x](command:workbench.action.terminal.new)'];

function hostileContract(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-matrix-'));
  const parties = HOSTILE.map((title, i) => `  party P${i} ${JSON.stringify(title)} as supplier`).join('\n');
  fs.writeFileSync(path.join(dir, 'hostile.partnership'), `partnership H "<b>Hostile</b> & co" {
  term 2010-01-01 to 2020-12-31
${parties}
  party C "Council, \\"the client\\"" as client
  obligation O "Deliver <script>, | pipes |" {
    P0 must deliver "a, b \\"c\\"" to C
    due 2011-01-01
    otherwise "line one, then *bold* [link](http://x)"
  }
}
`);
  return path.join(dir, 'hostile.partnership');
}

describe('partnership matrix', () => {
  it('writes all four formats for the Service Birmingham example', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-out-'));
    for (const format of ['html', 'md', 'csv', 'json']) {
      const out = path.join(dir, `matrix.${format}`);
      const r = run(['matrix', SB, '--format', format, '-o', out]);
      assert.equal(r.status, 0, r.stderr);
      const text = fs.readFileSync(out, 'utf8');
      for (const norm of ['UserForecast', ...Array.from({ length: 9 }, (_, i) => `R0${i + 1}`)]) assert.ok(text.includes(norm), `${format} lacks ${norm}`);
    }
    const model = JSON.parse(fs.readFileSync(path.join(dir, 'matrix.json'), 'utf8'));
    const forecast = model.groups.flatMap((g: { rows: unknown[] }) => g.rows).find((r: { norm: string }) => r.norm === 'UserForecast');
    assert.deepEqual(forecast.cells.BCC, ['R (must)']);
    assert.deepEqual(forecast.cells.ICF, ['A']);
    assert.deepEqual(forecast.cells.SB, ['B']);
    assert.equal(forecast.when, 'every 6 months from 2006-10-01');
    assert.equal(forecast.consequence, 'six-month delay to any reduction in overall costs');
    assert.ok(model.exclusivity.some((r: { path: string; holders: { party: string }[] }) => r.path === 'ICT.Core' && r.holders[0].party === 'SB'));
  });

  it('escapes document text in HTML: hostile names appear as text, never as markup', () => {
    const r = run(['matrix', hostileContract(), '--format', 'html']);
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /<img|<script|<b>/i);
    // The party's full name is shown (in the parties table), as the characters written.
    assert.ok(r.stdout.includes('<td>&#60;img src=x onerror=alert(1)&#62;</td>'));
    assert.ok(r.stdout.includes('&#60;b&#62;Hostile&#60;/b&#62; &#38; co'));
    assert.match(r.stdout, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
    assert.equal(escapeHtml('<a href="x">\'`&'), '&#60;a href=&#34;x&#34;&#62;&#39;&#96;&#38;');
  });

  it('escapes Markdown so that names cannot become links, HTML or table cells', () => {
    const r = run(['matrix', hostileContract(), '--format', 'md']);
    assert.doesNotMatch(r.stdout, /\]\(command:|<img|<script/);
    assert.equal(escapeMarkdown('[x](command:y) | *b*'), '\\[x\\]\\(command:y\\) \\| \\*b\\*');
    for (const line of r.stdout.split('\n').filter((l) => l.startsWith('| **O**'))) {
      assert.equal(line.split(/(?<!\\)\|/).length - 2, 1 + 4 + 4, 'one cell per column');
    }
  });

  it('quotes CSV fields as RFC 4180 says', () => {
    const r = run(['matrix', hostileContract(), '--format', 'csv']);
    const lines = r.stdout.split('\r\n');
    assert.equal(lines[lines.length - 1], '', 'every record ends with CRLF');
    assert.ok(lines[1].includes('"P0 must deliver ""a, b \\""c\\"""" to C"') || lines[1].includes('"P0 must deliver ""a, b \\""c\\""""'));
    const partnership = { name: 'X', title: '', doc: '', term: '', source: '', notes: [], values: [], objectives: [], calendar: '', termChanges: [] };
    const money = { charges: [], fixedCharges: [], years: [], totals: [], total: '', yearsNote: '' };
    const row = { norm: 'N', title: 'a "b", c\nd', kind: 'obligation' as const, statement: '', line: 1, cells: {}, when: '', kpis: [], consequence: '', clause: '', notes: ['one', 'two, "2"'], amount: '=1+1', doc: '', changes: [] };
    assert.equal(renderCsv({ partnership, parties: [], exclusivity: [], conflicts: [], groups: [{ scope: null, rows: [row] }], events: [], money, kpis: [], governance: [], variations: [] }).split('\r\n')[1],
      'Not tied to a scope,N,obligation,"a ""b"", c\nd",,,,,,"one\ntwo, ""2""",\'=1+1,,');
  });
});

describe('matrix model', () => {
  it('handles parties named like object properties (`constructor`, `toString`)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-proto-'));
    const file = path.join(dir, 'proto.partnership');
    fs.writeFileSync(file, 'partnership C "c" {\n  term 2010-01-01 to 2020-12-31\n  party constructor "Odd" as supplier\n  party toString "Odder" as client\n  obligation O "o" { constructor must do "x" to toString due 2011-01-01 }\n}\n');
    const r = run(['matrix', file, '--format', 'csv']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.split('\r\n')[1], 'Not tied to a scope,O,obligation,o,"constructor must do ""x"" to toString",R (must),B,by 2011-01-01,,,,,,,');
  });
});

describe('partnership export', () => {
  it('exports a model that conforms to the published schema, for every example and corpus file', function () {
    this.timeout(120_000); // a process per file, for some forty files
    for (const file of [...partnershipFilesUnder(examples), ...partnershipFilesUnder(sharedCorpus), ...partnershipFilesUnder(sharedCorpusV2)]) {
      const r = run(['export', file]);
      assert.equal(r.status, 0, `${file}: ${r.stderr}`);
      const model = JSON.parse(r.stdout);
      assert.ok(validateModel(model), `${file}: ${schemaErrors(validateModel)}`);
    }
  });

  it('exports exact amounts and worked-out periods', () => {
    const model = JSON.parse(run(['export', SB]).stdout);
    const board = model.bodies.find((b: { name: string }) => b.name === 'ProgrammeBoard');
    assert.deepEqual(board.approves[0].band.low, { unit: 'money', currency: 'GBP', amount: '200000', written: '£200k' });
    const forecast = model.norms.find((n: { name: string }) => n.name === 'UserForecast');
    assert.deepEqual(forecast.period, { from: '2006-10-01', to: '2021-03-31' });
    assert.deepEqual(forecast.every, { count: 6, unit: 'month', from: { written: '2006-10-01', day: '2006-10-01' } });
  });

  it('refuses a file that declares no partnership', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-empty-'));
    fs.writeFileSync(path.join(dir, 'empty.partnership'), '// nothing here\n');
    const r = run(['export', path.join(dir, 'empty.partnership')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /declares no partnership/);
  });
});
