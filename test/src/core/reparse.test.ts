// Incremental parsing gives exactly what a full parse gives, over random edit sequences.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument, type ParsedDocument } from '../../../server/out/core/syntax/parse';
import { reparseDocument } from '../../../server/out/core/syntax/reparse';
import type { ChangedRange } from '../../../server/out/core/text/changed-range';
import { generatedContract } from '../helpers/generated';
import { examples } from '../helpers/paths';
import { seededRandom } from '../helpers/random';


// `mayHaveJunk` says whether the parser read junk, some of it perhaps given up on backtracking:
// a hint that spares a parse the search for broken statements, which an incremental parse may
// set where a whole parse would not. It must be set wherever the tree holds junk.
const plain = (doc: ParsedDocument): unknown => JSON.parse(JSON.stringify({ ast: { ...doc.ast, mayHaveJunk: undefined }, diagnostics: doc.diagnostics }));
const hintHolds = (doc: ParsedDocument): boolean => doc.ast.mayHaveJunk || !JSON.stringify(doc.ast).includes('"kind":"Junk"');

describe('incremental parsing', function () {
  this.timeout(60000);
  const alphabet = ['x', ' ', '\n', '"', '{', '}', '2', '-', '.', 'must ', 'due 2015-01-01 ', 'scope ', '//', '£5k'];

  for (const told of [false, true]) {
    for (const [name, text] of [['a generated contract', () => generatedContract(60)], ['Service Birmingham', () => fs.readFileSync(path.join(examples, 'service-birmingham', 'service-birmingham.partnership'), 'utf8')]] as const) {
      // Told: with the stretch changed and the text put there, as the editor reports an edit,
      // so the unit's new text is made from its old one; else found by comparing the texts.
      it(`matches a full parse after each of 300 random edits to ${name}${told ? ', told what each edit put where' : ''}`, () => {
        const random = seededRandom(12345);
        let base = text();
        let incremental = parseDocument('/c.partnership', base);
        let usedIncremental = 0;
        const step = (next: string, change: ChangedRange, label: string): ParsedDocument => {
          const cleanBefore = incremental.diagnostics.length === 0;
          incremental = reparseDocument(incremental, next, told ? change : undefined);
          const full = parseDocument('/c.partnership', next);
          assert.deepEqual(plain(incremental), plain(full), label);
          assert.ok(hintHolds(incremental), `${label}: the tree holds junk, and says it may`);
          if (cleanBefore && full.diagnostics.length === 0) usedIncremental++;
          return full;
        };
        for (let i = 0; i < 300; i++) {
          const at = random(base.length);
          const kind = random(3);
          const put = kind === 1 ? '' : alphabet[random(alphabet.length)];
          const removed = kind === 0 ? 0 : kind === 1 ? Math.min(base.length - at, 1 + random(3)) : Math.min(base.length - at, 1);
          const next = base.slice(0, at) + put + base.slice(at + removed);
          const full = step(next, { from: at, oldTo: at + removed, newTo: at + put.length, inserted: put }, `edit ${i}`);
          // Keep a clean edit now and then, so the document drifts; otherwise undo it, as typing does.
          if (full.diagnostics.length === 0 && i % 3 === 0) base = next;
          else step(base, { from: at, oldTo: at + put.length, newTo: at + removed, inserted: base.slice(at, at + removed) }, `undo ${i}`);
        }
        assert.ok(usedIncremental > 50, `the incremental path ran ${usedIncremental} times`);
      });
    }
  }
});

describe('incremental parsing of a declaration typed in', function () {
  this.timeout(60000);

  it('re-parses only the units around each key of a new obligation, through states that do not parse', () => {
    const text = `import "other.partnership"\n${generatedContract(80)}`;
    const typed = '  obligation Extra "Extra duty" {\n    Supplier must provide "a monthly report" to Council\n    due 2015-06-30\n  }\n\n';
    const at = text.indexOf('\n  obligation ', text.length / 2) + 1;
    let document = parseDocument('/c.partnership', text);
    let byUnits = 0;
    let broken = 0;
    let openString = 0;
    for (let i = 1; i <= typed.length; i++) {
      const next = text.slice(0, at) + typed.slice(0, i) + text.slice(at);
      const previous = document;
      document = reparseDocument(previous, next, { from: at + i - 1, oldTo: at + i - 1, newTo: at + i, inserted: typed[i - 1] });
      const full = parseDocument('/c.partnership', next);
      assert.deepEqual(plain(document), plain(full), `after typing ${JSON.stringify(typed.slice(0, i))}`);
      if (full.diagnostics.length === 0) continue;
      broken++;
      if (full.ast.lexicalErrors.length > 0) openString++;
      // A whole parse makes every node anew, the import's too; a parse of the units around the edit keeps it.
      if (document.ast.items[0] === previous.ast.items[0]) byUnits++;
    }
    assert.ok(broken > typed.length / 2, `most keys left a broken declaration (${broken})`);
    assert.ok(openString > 10, `keys inside a string left open (${openString})`);
    assert.equal(byUnits, broken, 'every key in a broken document was parsed unit by unit');
  });
  it('re-parses only the last units and the closing brace for a declaration typed at the end of the block', () => {
    // A line of its own before the block's closing brace, where the declaration is typed.
    const generated = `import "other.partnership"\n${generatedContract(60)}`;
    const at = generated.lastIndexOf('\n}') + 1;
    const text = `${generated.slice(0, at)}\n${generated.slice(at)}`;
    const typed = '  obligation Last "Last duty" {\n    Supplier must deliver "a report" to Council\n  }';
    const opened = typed.indexOf('{');
    let document = parseDocument('/c.partnership', text);
    let byUnits = 0;
    for (let i = 1; i <= typed.length; i++) {
      const next = text.slice(0, at) + typed.slice(0, i) + text.slice(at);
      const previous = document;
      document = reparseDocument(previous, next, { from: at + i - 1, oldTo: at + i - 1, newTo: at + i, inserted: typed[i - 1] });
      assert.deepEqual(plain(document), plain(parseDocument('/c.partnership', next)), `after typing ${JSON.stringify(typed.slice(0, i))}`);
      if (i <= opened && document.ast.items[0] === previous.ast.items[0]) byUnits++;
    }
    // Once the new block is open, it takes the partnership's closing brace as its own until its own is typed: a whole parse.
    assert.equal(byUnits, opened, 'every key before the block opens was parsed unit by unit');
  });
});
