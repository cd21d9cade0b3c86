// The 50 MB matrix, continued: `matrix --format csv` makes each row when it writes it and keeps
// none, the check tables of the command line's analysis keep no record of their lookups, and
// the bytes are those of the whole matrix's CSV.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { Analysis } from '../../../server/out/core/analysis/analysis';
import { buildMatrix } from '../../../server/out/core/matrix/model';
import { streamMatrix } from '../../../server/out/core/matrix/streamed';
import { renderCsv, writeCsvOf } from '../../../server/out/core/matrix/csv';
import type { MatrixRow } from '../../../shared/out/matrix';
import { checkBody } from '../helpers/program';

v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

const examples = path.resolve(__dirname, '../../../examples');
const NORMS = Array.from({ length: 3000 }, (_, i) => `  obligation N${i} "Report ${i}" { B must deliver ${['Work.Repairs', 'Cleaning', '"the report"'][i % 3]} to A due 2011-01-01 }`);
const BODY = `  scope Work "Works" { scope Repairs "Repairs" }\n  scope Cleaning "Cleaning"\n  exclusive B over Work\n${NORMS.join('\n')}`;

const csvOfStream = (program: Analysis, file: string, grouping: 'scope' | 'order'): string => {
  const streamed = streamMatrix(program, file, grouping)!;
  const chunks: string[] = [];
  writeCsvOf(streamed.head, streamed.groups, (chunk) => chunks.push(chunk));
  return chunks.join('');
};

describe('the CSV of a large matrix, row by row', () => {
  it('gives the bytes of the whole matrix’s CSV, grouped by scope or in order, with marks for bidirectional controls', () => {
    const cases: { program: Analysis; file: string }[] = [];
    for (const folder of ['portfolio', 'service-birmingham']) {
      const files = fs.readdirSync(path.join(examples, folder)).filter((f) => f.endsWith('.partnership')).map((f) => path.join(examples, folder, f));
      const program = new Analysis(files.map((file) => ({ file, text: fs.readFileSync(file, 'utf8') })), { readFile: (f) => fs.readFileSync(f, 'utf8') });
      for (const file of files) cases.push({ program, file });
    }
    const scoped = checkBody(BODY);
    cases.push({ program: scoped.program, file: scoped.path('test.partnership') });
    // Two norms on one line in two groups: the order of the groups decides, as in `groupsOf`.
    const oneLine = checkBody(`  scope Cleaning "Cleaning \u202e reversed"\n  obligation Z "Z" { B must clean Cleaning } obligation Y "Y" { B must deliver "x" }\n  obligation X "X" { B must clean Cleaning }`);
    cases.push({ program: oneLine.program, file: oneLine.path('test.partnership') });
    for (const { program, file } of cases) {
      for (const grouping of ['scope', 'order'] as const) {
        assert.equal(csvOfStream(program, file, grouping), renderCsv(buildMatrix(program, file)!, { grouping }), `${path.basename(file)}, ${grouping}`);
      }
    }
    assert.ok(csvOfStream(oneLine.program, oneLine.path('test.partnership'), 'scope').includes('⟦U+202E⟧'));
  });

  it('makes each row when the writer asks for it, and keeps none it has written', async () => {
    const c = checkBody(BODY);
    const streamed = streamMatrix(c.program, c.path('test.partnership'), 'scope')!;
    const rows = streamed.groups[0].rows[Symbol.iterator]();
    const first = new WeakRef(rows.next().value as MatrixRow);
    let count = 1;
    while (!rows.next().done) count++;
    assert.equal(count, 1000);
    await new Promise((resolve) => setImmediate(resolve));
    collect();
    assert.equal(first.deref(), undefined, 'the first row is let go once read');
  });

  it('writes the first piece before it has asked for every row', () => {
    const c = checkBody(BODY);
    const streamed = streamMatrix(c.program, c.path('test.partnership'), 'order')!;
    let made = 0;
    let madeAtFirstPiece = -1;
    const counted = streamed.groups.map((g) => ({ title: g.title, rows: (function* () { for (const r of g.rows) { made++; yield r; } })() }));
    writeCsvOf(streamed.head, counted, () => { if (madeAtFirstPiece < 0) madeAtFirstPiece = made; });
    assert.equal(made, 3000);
    assert.ok(madeAtFirstPiece > 0 && madeAtFirstPiece < 1000, `${madeAtFirstPiece} rows made before the first piece`);
  });
});

describe('a final analysis (the command line’s)', () => {
  const files = { 'a.partnership': `partnership A "A" {\n  term 2010-01-01 to 2020-12-31\n  party P "P" as client\n  party S "S" as supplier\n  scope W "W"\n  exclusive S over W\n${NORMS.slice(0, 50).join('\n').replace(/ B /g, ' S ').replace(/ to A /g, ' to P ').replace(/Work\.Repairs|Cleaning/g, 'W')}\n  obligation Q "Q" { P must deliver W }\n}\n` };
  const host = { readFile: (file: string) => (files as Record<string, string>)[path.basename(file)] };
  const roots = [{ file: '/w/a.partnership', text: files['a.partnership'] }];

  it('finds what the editor’s analysis finds, and keeps no record of its lookups', () => {
    const editor = new Analysis(roots, host);
    const final = new Analysis(roots, host, undefined, { final: true });
    assert.deepEqual(final.diagnostics('/w/a.partnership'), editor.diagnostics('/w/a.partnership'));
    assert.ok(final.diagnostics('/w/a.partnership').length > 0, 'the contract has findings to compare');
    const reads = (a: Analysis): number => [...a.checks.byFile.values()].reduce((n, r) => n + r.file.reads.length + r.norms.toArray().reduce((m, x) => m + x.reads.length, 0), 0);
    assert.ok(reads(editor) > 50, `${reads(editor)} reads`);
    assert.equal(reads(final), 0);
  });

  it('is never the start of a later analysis, which then checks afresh', () => {
    const final = new Analysis(roots, host, undefined, { final: true });
    const next = new Analysis(roots, host, final);
    assert.notEqual(next.checks.byFile.get('/w/a.partnership'), final.checks.byFile.get('/w/a.partnership'));
    assert.notEqual(next.files.get('/w/a.partnership'), final.files.get('/w/a.partnership'));
    assert.deepEqual(next.diagnostics('/w/a.partnership'), new Analysis(roots, host).diagnostics('/w/a.partnership'));
  });
});

