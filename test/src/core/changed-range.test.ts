// The changed stretch between two texts: the longest common prefix, then the longest common
// suffix of what is left, for edits anywhere in texts longer than the largest block compared.
import * as assert from 'node:assert/strict';
import { changedRange, composeChanges, fitsTexts } from '../../../server/out/core/text/changed-range';
import { seededRandom } from '../helpers/random';

function expected(old: string, text: string): { from: number; oldTo: number; newTo: number } {
  let from = 0;
  while (from < old.length && from < text.length && old[from] === text[from]) from++;
  let suffix = 0;
  while (suffix < Math.min(old.length, text.length) - from && old[old.length - 1 - suffix] === text[text.length - 1 - suffix]) suffix++;
  return { from, oldTo: old.length - suffix, newTo: text.length - suffix };
}

describe('changed range', () => {
  it('finds exactly the stretch an edit changed, wherever it is and however long the text', () => {
        const random = seededRandom(99);
    const pieces = ['a', 'ab', '\n', ' ', 'xyz', 'aaaa'];
    for (let round = 0; round < 60; round++) {
      const size = [0, 10, 3000, 70000, 140000][random(5)];
      let old = '';
      while (old.length < size) old += pieces[random(pieces.length)];
      const at = random(old.length + 1);
      const removed = random(Math.min(20, old.length - at) + 1);
      const inserted = pieces[random(pieces.length)].repeat(random(3));
      const text = old.slice(0, at) + inserted + old.slice(at + removed);
      assert.deepEqual(changedRange(old, text), expected(old, text), `round ${round}: ${size} characters, edit at ${at}`);
    }
  });

  it('gives an empty stretch for equal texts', () => {
    const text = 'x'.repeat(100000);
    assert.deepEqual(changedRange(text, text.slice()), { from: 100000, oldTo: 100000, newTo: 100000 });
  });

  it('composes the changes of several edits into one stretch that covers them all', () => {
        const random = seededRandom(7);
    for (let round = 0; round < 300; round++) {
      const first = 'abcdefghij'.repeat(1 + random(20));
      let text = first;
      let change: { from: number; oldTo: number; newTo: number } | undefined;
      for (let edits = 1 + random(6); edits > 0; edits--) {
        const from = random(text.length + 1);
        const oldTo = from + random(Math.min(8, text.length - from) + 1);
        const inserted = 'XYZ\n'.slice(0, random(5));
        const step = { from, oldTo, newTo: from + inserted.length };
        text = text.slice(0, from) + inserted + text.slice(oldTo);
        change = change ? composeChanges(change, step) : step;
      }
      const label = `round ${round}`;
      assert.ok(fitsTexts(change!, first, text), label);
      // Outside the stretch the texts agree, so re-parsing the stretch gives the new text.
      assert.equal(first.slice(0, change!.from), text.slice(0, change!.from), label);
      assert.equal(first.slice(change!.oldTo), text.slice(change!.newTo), label);
      assert.equal(first.slice(0, change!.from) + text.slice(change!.from, change!.newTo) + first.slice(change!.oldTo), text, label);
    }
  });

  it('rejects a change that cannot lead from one text to the other', () => {
    assert.equal(fitsTexts({ from: 2, oldTo: 3, newTo: 4 }, 'abcd', 'abXYd'), true);
    assert.equal(fitsTexts({ from: 2, oldTo: 3, newTo: 3 }, 'abcd', 'abXYd'), false);
    assert.equal(fitsTexts({ from: 3, oldTo: 2, newTo: 3 }, 'abcd', 'abcd'), false);
    assert.equal(fitsTexts({ from: 0, oldTo: 9, newTo: 10 }, 'abcd', 'abcde'), false);
  });
});
