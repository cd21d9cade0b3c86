// An edit inside any statement of any kind gives what a full analysis gives. The file checks
// keep their findings while the edit touches no unit of a kind they read, so every kind of
// unit is edited here: in each statement of the corpora and examples, a digit, a letter of a
// word and a character are changed in turn, and each edit is analysed on the analysis before
// it (one unit re-parsed) and afresh.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildMatrix } from '../../../server/out/core/matrix/model';
import { Analysis } from '../../../server/out/core/analysis/analysis';
import { parseDocument, type ParsedDocument } from '../../../server/out/core/syntax/parse';
import { reparseDocument } from '../../../server/out/core/syntax/reparse';
import type { Partnership, Unit } from '../../../server/out/core/syntax/ast';
import { examples, ownCorpus, partnershipFilesUnder, sharedCorpus, sharedCorpusV2 } from '../helpers/paths';

/** The folders whose files are checked together: each case of the corpora, each example folder. */
function workspaces(): string[] {
  const casesOf = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(dir, e.name));
  return [...casesOf(sharedCorpusV2), ...casesOf(sharedCorpus), ...casesOf(ownCorpus), examples];
}

/** Up to three edits strictly inside the stretch from `from` to `to` of `text`: a digit, a letter, a deletion. */
function editsInside(text: string, from: number, to: number): { at: number; remove: number; insert: string }[] {
  const inner = text.slice(from + 1, to - 1);
  const edits: { at: number; remove: number; insert: string }[] = [];
  const digit = inner.search(/\d/);
  if (digit >= 0) edits.push({ at: from + 1 + digit, remove: 1, insert: inner[digit] === '1' ? '2' : '1' });
  const letter = inner.search(/(?<=[a-z])[a-z](?=[a-z])/);
  if (letter >= 0) edits.push({ at: from + 1 + letter, remove: 1, insert: 'q' });
  if (inner.length > 2) edits.push({ at: from + 1 + Math.floor(inner.length / 2), remove: 1, insert: '' });
  return edits;
}

const plain = (program: Analysis, file: string): string => JSON.stringify({ diagnostics: program.diagnostics(file), matrix: buildMatrix(program, file) });

describe('incremental analysis of an edit inside each statement', function () {
  this.timeout(300000);

  it('matches a full analysis for edits inside every unit of the corpora and examples', () => {
    let edited = 0;
    let patched = 0;
    for (const dir of workspaces()) {
      const files = partnershipFilesUnder(dir);
      const texts = new Map(files.map((f) => [f, fs.readFileSync(f, 'utf8')]));
      const parses = new Map<string, ParsedDocument>();
      const hostFor = (edits: Map<string, string>) => ({
        readFile: (file: string) => edits.get(file) ?? texts.get(file),
        parse: (file: string, text: string) => {
          const cached = parses.get(file);
          if (cached && cached.text === text) return cached;
          return cached ? reparseDocument(cached, text) : parseDocument(file, text);
        },
      });
      const roots = (edits: Map<string, string>) => files.map((file) => ({ file, text: edits.get(file) ?? texts.get(file) }));
      for (const file of files) parses.set(file, parseDocument(file, texts.get(file)!));
      const original = new Analysis(roots(new Map()), hostFor(new Map()));
      for (const file of files) {
        const text = texts.get(file)!;
        const partnership: Partnership | undefined = parses.get(file)!.ast.items.find((i): i is Partnership => i.kind === 'Partnership');
        const block: Partnership['block'] | undefined = partnership?.block;
        if (!block) continue;
        for (let u = 0; u < block.units.length; u++) {
          const start: number = block.starts.at(u);
          const unit: Unit = block.units.at(u);
          // The unit's statement: after the blank and comments before it.
          const from: number = start + unit.node.start;
          for (const edit of editsInside(text, from, start + unit.node.end)) {
            const changed = new Map([[file, text.slice(0, edit.at) + edit.insert + text.slice(edit.at + edit.remove)]]);
            const incremental = new Analysis(roots(changed), hostFor(changed), original);
            const full = new Analysis(roots(changed), { readFile: (f) => changed.get(f) ?? texts.get(f) });
            const label: string = `${path.relative(dir, file)}: ${JSON.stringify(edit)} inside the ${unit.node.kind} at ${from}`;
            for (const f of files) assert.equal(plain(incremental, f), plain(full, f), `${path.basename(f)} after ${label}`);
            edited++;
            if (incremental.checks.byFile.get(file)?.file.byFamily.some((r, i) => r && r === original.checks.byFile.get(file)?.file.byFamily[i])) patched++;
          }
        }
      }
    }
    assert.ok(edited > 500, `${edited} edits`);
    // The kept findings were compared above.
    assert.ok(patched > edited / 4, `file checks were kept in ${patched} of ${edited} analyses`);
  });
});
