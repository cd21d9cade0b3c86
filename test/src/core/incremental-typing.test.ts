// Edits the parse of one unit cannot take: a declaration typed in, key by key, through states
// that do not parse; an edit before the partnership that moves every line; an edit to one file
// of many. Each analysis must equal an analysis from nothing, and must keep what the edit left.
import * as assert from 'node:assert/strict';
import type { Analysis } from '../../../server/out/core/analysis/analysis';
import { buildMatrix } from '../../../server/out/core/matrix/model';
import type { Unit } from '../../../server/out/core/syntax/ast';
import { Editor } from '../helpers/editor';
import { generatedContract } from '../helpers/generated';

const FILE = '/virtual/typing/contract.partnership';

/** A file's diagnostics and obligation matrix, as text to compare. */
const plain = (program: Analysis, file: string): string => JSON.stringify({ diagnostics: program.diagnostics(file), matrix: buildMatrix(program, file) });

function unitsOf(program: Analysis, file: string): Unit[] {
  return program.files.get(file)?.partnership?.block?.units.toArray() ?? [];
}

/** How many of `after`'s units are the very units of `before`. */
function sharedUnits(before: Analysis, after: Analysis, file: string): number {
  const earlier = new Set(unitsOf(before, file));
  return unitsOf(after, file).filter((u) => earlier.has(u)).length;
}

describe('incremental analysis of edits a unit cannot hold', function () {
  this.timeout(120000);

  it('types a new obligation key by key between two others, keeping every other unit and its analysis', () => {
    const text = generatedContract(120);
    const editor = new Editor(new Map([[FILE, text]]));
    editor.analyse();
    const typed = '  obligation Extra "Extra duty" {\n    Supplier must provide "a monthly report" to Council\n    due 2015-06-30\n  }\n\n';
    const at = text.indexOf('\n  obligation ', text.length / 2) + 1;
    let broken = 0;
    for (let i = 1; i <= typed.length; i++) {
      const before = editor.program!;
      editor.texts.set(FILE, text.slice(0, at) + typed.slice(0, i) + text.slice(at));
      const after = editor.analyse();
      assert.equal(plain(after, FILE), plain(editor.fresh(), FILE), `after typing ${JSON.stringify(typed.slice(0, i))}`);
      if (after.diagnostics(FILE).some((d) => d.code === 'P001')) broken++;
      // Only the units around the typing are read again: the new one and its neighbours.
      assert.ok(sharedUnits(before, after, FILE) >= unitsOf(before, FILE).length - 3, `units kept after typing ${JSON.stringify(typed.slice(0, i))}`);
    }
    assert.ok(broken > typed.length / 2, `most keys left a broken declaration (${broken})`);
    assert.ok(editor.program!.diagnostics(FILE).every((d) => d.code !== 'P001'), 'the typed obligation parses once complete');
    assert.ok(unitsOf(editor.program!, FILE).some((u) => u.text.includes('obligation Extra')));
  });

  it('deletes and restores whole declarations, keeping the units around them', () => {
    const text = generatedContract(60);
    const editor = new Editor(new Map([[FILE, text]]));
    editor.analyse();
    const start = text.indexOf('\n  obligation ', text.length / 3) + 1;
    const end = text.indexOf('\n  }\n', start) + '\n  }\n'.length;
    for (const next of [text.slice(0, start) + text.slice(end), text]) {
      const before = editor.program!;
      editor.texts.set(FILE, next);
      const after = editor.analyse();
      assert.equal(plain(after, FILE), plain(editor.fresh(), FILE));
      assert.ok(sharedUnits(before, after, FILE) >= Math.min(unitsOf(before, FILE).length, unitsOf(after, FILE).length) - 2);
    }
  });

  it('keeps every unit through an edit before the partnership, and places everything on its new line', () => {
    const text = generatedContract(40);
    const editor = new Editor(new Map([[FILE, text]]));
    const first = editor.analyse();
    const matrix = buildMatrix(first, FILE)!;
    editor.texts.set(FILE, `// Reviewed by the client function.\n// Second line of the note.\n${text}`);
    const second = editor.analyse();
    assert.equal(sharedUnits(first, second, FILE), unitsOf(first, FILE).length, 'every unit is kept');
    assert.equal(plain(second, FILE), plain(editor.fresh(), FILE));
    const moved = buildMatrix(second, FILE)!;
    const line = (m: typeof matrix) => m.exclusivity.flatMap((row) => row.holders.map((h) => h.line));
    assert.ok(line(matrix).length > 0);
    assert.deepEqual(line(moved), line(matrix).map((l) => (l === null ? null : l + 2)), 'the holders moved down two lines');
  });

  it('looks again at the file an edit changed and at the files importing it, and keeps every other', () => {
    const files = new Map<string, string>([['/virtual/many/catalogue.partnership', 'partnership Catalogue "Catalogue" {\n  term 2010-01-01 to 2030-12-31\n  scope Shared "Shared work"\n}\n']]);
    for (let i = 0; i < 6; i++) {
      const head = i < 3 ? 'import "catalogue.partnership"\n' : '';
      files.set(`/virtual/many/contract-${i}.partnership`, `${head}partnership Contract${i} "Contract ${i}" {\n  term 2012-01-01 to 2024-12-31\n  party Holder "Holder" as supplier\n}\n`);
    }
    const editor = new Editor(files);
    const first = editor.analyse();
    assert.equal(first.program.changed, null, 'a first analysis has nothing to compare with');
    editor.texts.set('/virtual/many/contract-4.partnership', editor.texts.get('/virtual/many/contract-4.partnership')!.replace('"Holder"', '"Holder Ltd"'));
    const second = editor.analyse();
    assert.deepEqual([...second.program.changed!], ['/virtual/many/contract-4.partnership']);
    for (const [file, source] of second.files) if (!file.endsWith('contract-4.partnership')) assert.equal(source, first.files.get(file), file);
    editor.texts.set('/virtual/many/catalogue.partnership', editor.texts.get('/virtual/many/catalogue.partnership')!.replace('Shared work', 'Shared services'));
    const third = editor.analyse();
    assert.deepEqual([...third.program.changed!].sort(), ['catalogue', 'contract-0', 'contract-1', 'contract-2'].map((f) => `/virtual/many/${f}.partnership`));
    for (const file of third.files.keys()) assert.deepEqual(third.diagnostics(file), editor.fresh().diagnostics(file), file);
  });
});
