// The marks feature tests are written with: `|` for the cursor, `[|…|]` for expected ranges.
import * as assert from 'node:assert/strict';
import { parseMarks } from '../../helpers/cursor';

describe('cursor and range marks', () => {
  it('removes the marks and gives their offsets in the clean text, a cursor inside a range included', () => {
    assert.deepEqual(parseMarks('a [|b|] c [|d|e|]'), { text: 'a b c de', cursor: 7, ranges: [{ start: 2, end: 3 }, { start: 6, end: 8 }] });
    assert.deepEqual(parseMarks('[||x|]'), { text: 'x', cursor: 0, ranges: [{ start: 0, end: 1 }] });
    assert.deepEqual(parseMarks('no marks'), { text: 'no marks', cursor: null, ranges: [] });
  });

  it('rejects two cursors and unbalanced ranges', () => {
    assert.throws(() => parseMarks('a|b|c'), /more than one cursor/);
    assert.throws(() => parseMarks('a [|b'), /`\[\|` without `\|\]`/);
    assert.throws(() => parseMarks('a b|]'), /`\|\]` without `\[\|`/);
  });
});
