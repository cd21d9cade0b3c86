// The preview's matrix as a change to the one before: applying the change gives exactly the new
// matrix, unchanged rows are referred to (and stay the same objects), and nothing else is.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildMatrix } from '../../../server/out/core/matrix/model';
import type { Matrix, MatrixRow } from '../../../shared/out/matrix';
import { applyMatrixDelta, type DeltaRow, isRowReference, isRowRun, type MatrixDelta, matrixDelta, type RowReference, rowKey, SECTIONS } from '../../../shared/out/matrix-delta';
import { Analysis } from '../../../server/out/core/analysis/analysis';
import { examples } from '../helpers/paths';

const file = path.join(examples, 'service-birmingham', 'service-birmingham.partnership');
const original = fs.readFileSync(file, 'utf8');

function matrixOf(text: string): Matrix {
  const read = (f: string): string | undefined => (f === file ? text : fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined);
  const matrix = buildMatrix(new Analysis([{ file, text }], { readFile: read }), file);
  assert.ok(matrix);
  return matrix;
}

const rowsOf = (m: { groups: readonly { rows: readonly unknown[] }[] }) => m.groups.flatMap((g) => g.rows);
const delta = (base: Matrix | null, next: Matrix) => matrixDelta(base, next);
/** A change's rows with each run written out as the references it stands for. */
const rowsIn = (change: MatrixDelta, earlier: Matrix): (MatrixRow | RowReference)[] =>
  rowsOf(change).flatMap((r) => {
    const row = r as DeltaRow;
    if (!isRowRun(row)) return [row];
    return Array.from({ length: row.count }, (_, k) => ({ same: row.from + k, line: (rowsOf(earlier)[row.from + k] as MatrixRow).line + row.shift }));
  });

describe('matrix changes for the live preview', () => {
  const base = matrixOf(original);

  it('refers to every row of an unchanged matrix, and gives every row whole against none', () => {
    const unchanged = delta(base, matrixOf(original));
    assert.ok(rowsIn(unchanged, base).every((r) => isRowReference(r)));
    // Unmoved rows in a row are one run per group: a few bytes for thousands of rows.
    assert.equal(rowsOf(unchanged).length, base.groups.length);
    const fromNothing = delta(null, base);
    assert.ok(rowsOf(fromNothing).every((r) => !isRowReference(r as MatrixRow)));
    assert.deepEqual(applyMatrixDelta(null, fromNothing), base);
  });

  const edits: [string, (text: string) => string, string[]][] = [
    ['a line typed above every norm', (t) => t.replace(/^(\s*)(party )/m, '$1// note\n$1$2'), []],
    ['one norm retitled', (t) => t.replace('obligation R04 "', 'obligation R04 "New: '), ['R04']],
    ['a norm removed', (t) => t.replace(/\n  obligation R04 "[^]*?\n  }\n/, '\n'), []],
    ['a party renamed, which every row naming it shows', (t) => t.replace(/\bICF\b/g, 'Client'), []],
  ];
  for (const [name, edit, expectWhole] of edits) {
    it(`gives exactly the new matrix after ${name}, sending only the changed rows`, () => {
      const next = matrixOf(edit(original));
      assert.notDeepEqual(next, base);
      const change = delta(base, next);
      const applied = applyMatrixDelta(base, change)!;
      assert.deepEqual(applied, next);
      const sentWhole = rowsIn(change, base).filter((r) => !isRowReference(r)) as MatrixRow[];
      if (expectWhole.length) assert.deepEqual(sentWhole.map((r) => r.norm), expectWhole);
      // A row is sent whole only when no row of the earlier matrix equals it.
      const earlier = new Set(rowsOf(base).map((r) => rowKey(r as MatrixRow)));
      for (const row of sentWhole) assert.ok(!earlier.has(rowKey(row)), row.norm);
      // A referred row is the earlier object on its old line, a copy keeping its key on a new one.
      rowsIn(change, base).forEach((row, i) => {
        if (!isRowReference(row)) return;
        const from = rowsOf(base)[(row as { same: number }).same] as MatrixRow;
        const to = rowsOf(applied)[i] as MatrixRow;
        assert.equal(rowKey(to), rowKey(from));
        if (from.line === to.line) assert.equal(to, from);
        else assert.notEqual(to, from);
      });
    });
  }

  it('keeps unchanged rows as the same objects, and refers to each earlier row once', () => {
    const twice: Matrix = { ...base, groups: [{ scope: null, rows: [rowsOf(base)[0] as MatrixRow, rowsOf(base)[0] as MatrixRow] }] };
    const once: Matrix = { ...base, groups: [{ scope: null, rows: [rowsOf(base)[0] as MatrixRow] }] };
    const change = delta(once, twice);
    assert.deepEqual(rowsIn(change, once).map((r) => isRowReference(r)), [true, false]);
    const applied = applyMatrixDelta(once, change)!;
    assert.equal(rowsOf(applied)[0], rowsOf(once)[0]);
    assert.deepEqual(applied, twice);
  });

  it('refuses a change that refers to a row the earlier matrix does not have', () => {
    const change = delta(base, matrixOf(original));
    const shorter: Matrix = { ...base, groups: base.groups.slice(0, 1).map((g) => ({ ...g, rows: g.rows.slice(0, 1) })) };
    assert.equal(applyMatrixDelta(shorter, change), null);
    assert.equal(applyMatrixDelta(null, change), null);
  });

  it('names the sections that did not change and sends them empty, and sends a changed one whole', () => {
    // A norm's title changes: every section but the rows stays as it was.
    const retitled = matrixOf(original.replace('obligation R04 "', 'obligation R04 "New: '));
    const change = delta(base, retitled);
    assert.deepEqual([...(change.unchanged ?? [])].sort(), [...SECTIONS].sort());
    assert.deepEqual([change.kpis, change.events, change.money.charges], [[], [], []]);
    assert.ok(JSON.stringify(change).length < JSON.stringify(retitled).length / 3, 'the change is small');
    assert.deepEqual(applyMatrixDelta(base, change), retitled);
    // A KPI's target changes: its section is sent whole; the others are still named unchanged.
    const target = matrixOf(original.replace('target >= 99.5%', 'target >= 99.7%'));
    const kpiChange = delta(base, target);
    assert.ok(!kpiChange.unchanged?.includes('kpis'));
    assert.ok(kpiChange.unchanged?.includes('events'));
    assert.deepEqual(kpiChange.kpis, target.kpis);
    assert.deepEqual(applyMatrixDelta(base, kpiChange), target);
    // Without the earlier matrix, a change that leaves sections out cannot be applied.
    assert.equal(applyMatrixDelta(null, change), null);
  });
});
