// The changed stretch between two texts: the longest common prefix, then the longest common
// suffix of what is left, for edits anywhere in texts longer than the largest block compared.
import * as assert from 'node:assert/strict';
import { changedRange } from '../../../server/out/core/text/changed-range';

function expected(old: string, text: string): { from: number; oldTo: number; newTo: number } {
  let from = 0;
  while (from < old.length && from < text.length && old[from] === text[from]) from++;
  let suffix = 0;
  while (suffix < Math.min(old.length, text.length) - from && old[old.length - 1 - suffix] === text[text.length - 1 - suffix]) suffix++;
  return { from, oldTo: old.length - suffix, newTo: text.length - suffix };
}

describe('changed range', () => {
  it('finds exactly the stretch an edit changed, wherever it is and however long the text', () => {
    let seed = 99;
    const random = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
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
});
