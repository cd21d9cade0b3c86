// The editor's matrix keeps the groups and rows of the norms an edit did not replace
// (matrix/kept-rows.ts): after each edit it equals the matrix of an analysis made from nothing,
// and a row is the very object it was only where nothing it says, its line included, changed.
import * as assert from 'node:assert/strict';
import { Analysis } from '../../../server/out/core/analysis/analysis';
import { buildMatrix } from '../../../server/out/core/matrix/model';
import { parseDocument, type ParsedDocument } from '../../../server/out/core/syntax/parse';
import { reparseDocument } from '../../../server/out/core/syntax/reparse';
import type { Matrix, MatrixRow } from '../../../shared/out/matrix';
import { generatedContract } from '../helpers/generated';

const file = '/virtual/kept-rows/contract.partnership';
const rowsOf = (m: Matrix): MatrixRow[] => m.groups.flatMap((g) => g.rows);

/** Analyses each text as the editor does, from the one before, and the same text from nothing. */
class Editor {
  private parsed: ParsedDocument | undefined;
  private program: Analysis | undefined;

  edit(text: string): { readonly kept: Matrix; readonly fresh: Matrix } {
    this.parsed = this.parsed ? reparseDocument(this.parsed, text) : parseDocument(file, text);
    const parsed = this.parsed;
    this.program = new Analysis([{ file, text }], { readFile: () => undefined, parse: () => parsed }, this.program);
    const fresh = buildMatrix(new Analysis([{ file, text }], { readFile: () => undefined }), file);
    return { kept: buildMatrix(this.program, file)!, fresh: fresh! };
  }
}

describe('the matrix kept through edits', () => {
  const original = generatedContract(120);

  it('equals a fresh matrix after each edit, keeping the rows no edit reached', () => {
    const editor = new Editor();
    let before = editor.edit(original).kept;
    let text = original;
    const clauses = [...original.matchAll(/clause "/g)].map((m) => m.index! + 'clause "'.length);
    assert.ok(clauses.length > 40);
    const steps: [string, (t: string) => string, 'kept' | 'moved' | 'regrouped'][] = [
      // Typing into a clause: one row changes, every other row is the very object it was.
      ['a letter in a clause', (t) => t.slice(0, clauses[20]) + 'Z' + t.slice(clauses[20]), 'kept'],
      ['another letter', (t) => t.slice(0, clauses[20]) + 'Y' + t.slice(clauses[20]), 'kept'],
      // A line break inside a norm moves every row after it down a line.
      ['a line break', (t) => t.slice(0, clauses[20] - 'clause "'.length) + '\n    ' + t.slice(clauses[20] - 'clause "'.length), 'moved'],
      ['the line break undone', () => original.slice(0, clauses[20]) + 'YZ' + original.slice(clauses[20]), 'moved'],
      // A norm given to another group of rows: its object names another scope tree.
      ['a norm moved to another group', (t) => t.replace(/(\n {4}\w+ must \w+ )Core\b/, '$1Market'), 'regrouped'],
      // A norm measured by another KPI: the KPIs' section says which norms each measures.
      ['a norm measured by another KPI', (t) => t.replace('    measured-by K0005\n', '    measured-by K0001\n'), 'kept'],
      // The term's end moves every row that runs to expiry.
      ['the term shortened', (t) => t.replace(/term (\d{4}-\d{2}-\d{2}) to 2030-12-31/, 'term $1 to 2029-12-31'), 'moved'],
      ['back to the start', () => original, 'moved'],
    ];
    let keptSome = false;
    for (const [label, change, expect] of steps) {
      const next = change(text);
      assert.notEqual(next, text, label);
      text = next;
      const { kept, fresh } = editor.edit(text);
      assert.deepEqual(kept, fresh, label);
      const then = rowsOf(before);
      const now = rowsOf(kept);
      const same = now.filter((row, i) => row === then[i]).length;
      // Each group's list of rows is the earlier one, but for the group of the norm edited.
      const sharedGroups = kept.groups.filter((g, i) => g.rows === before.groups[i]?.rows).length;
      // The sections that read every norm are the very ones of the earlier matrix while the
      // edit left what they read of the norms, and made again when it did not.
      const sectionsKept = (['parties', 'events', 'kpis', 'money', 'exclusivity'] as const).filter((name) => kept[name] === before[name]);
      if (label.includes('KPI')) assert.deepEqual(sectionsKept, ['parties', 'events', 'money', 'exclusivity'], label);
      // The exclusivity table shows the scopes the norms name.
      else if (expect === 'regrouped') assert.deepEqual(sectionsKept, ['parties', 'events', 'kpis', 'money'], label);
      else if (expect === 'kept') assert.deepEqual(sectionsKept, ['parties', 'events', 'kpis', 'money', 'exclusivity'], label);
      else assert.deepEqual(sectionsKept, [], label);
      if (expect === 'kept') {
        assert.equal(same, now.length - 1, `${label}: ${same} of ${now.length} rows kept`);
        assert.equal(sharedGroups, kept.groups.length - 1, `${label}: ${sharedGroups} of ${kept.groups.length} groups kept`);
        keptSome = true;
      } else assert.equal(sharedGroups, 0, `${label}: no group's rows can be kept`);
      before = kept;
    }
    assert.ok(keptSome, 'some edit kept its rows');
  });

  it('makes the exclusivity table again when an edit inside a norm changes its conflicts, and keeps it otherwise', () => {
    // A contract large enough to have P204: a scope open to the market given to a subcontractor.
    const text = generatedContract(1500);
    const given = /\n {4}Field must remediate Market\.A003\.S07 to Council\n/.exec(text);
    assert.ok(given, 'the generated contract gives Market.A003.S07 to Field');
    const editor = new Editor();
    const first = editor.edit(text).kept;
    const conflictsOn = (m: Matrix) => m.exclusivity.find((r) => r.path === 'Market.A003.S07')!.conflicts;
    assert.equal(conflictsOn(first).length, 1);
    // The norm given to the joint venture instead: the conflict goes, on the same lines.
    const moved = text.replace(given[0], given[0].replace('Field must', 'JV must'));
    const { kept: second, fresh } = editor.edit(moved);
    assert.deepEqual(second, fresh);
    assert.equal(conflictsOn(second).length, 0);
    assert.notEqual(second.exclusivity, first.exclusivity);
    // A letter typed into a clause elsewhere leaves it.
    const at = moved.indexOf('clause "', moved.length / 2) + 'clause "'.length;
    const { kept: third, fresh: thirdFresh } = editor.edit(moved.slice(0, at) + 'Z' + moved.slice(at));
    assert.deepEqual(third, thirdFresh);
    assert.equal(third.exclusivity, second.exclusivity);
  });
});
