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


const plain = (doc: ParsedDocument): unknown => JSON.parse(JSON.stringify({ ast: doc.ast, diagnostics: doc.diagnostics }));

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
