// A text of pieces reads as the string it stands for, after any edits: every slice, every
// character, its length and its whole text, including after the pieces are joined again.
import * as assert from 'node:assert/strict';
import { PieceText } from '../../../server/out/core/text/piece-text';
import { LineIndex } from '../../../server/out/core/text/line-index';
import { seededRandom } from '../helpers/random';

describe('piece text', () => {
  it('reads as the edited string after each of 1,000 random edits', () => {
    const random = seededRandom(21);
    const words = ['', 'a', 'bc', '\n', '\r\n', 'é€', 'longer inserted text '];
    let plain = 'partnership P "P" {\n  term 2010-01-01 to 2020-12-31\n}\n';
    let pieces = PieceText.of(plain);
    for (let step = 0; step < 1000; step++) {
      const from = random(plain.length + 1);
      const to = from + random(Math.min(6, plain.length - from) + 1);
      const put = words[random(words.length)];
      plain = plain.slice(0, from) + put + plain.slice(to);
      pieces = pieces.edited(from, to, put);
      assert.equal(pieces.length, plain.length);
      assert.equal(pieces.text, plain, `after edit ${step}`);
      for (let k = 0; k < 5; k++) {
        const a = random(plain.length + 1);
        const b = a + random(plain.length - a + 1);
        assert.equal(pieces.slice(a, b), plain.slice(a, b), `slice ${a}..${b} after edit ${step}`);
        if (a < plain.length) assert.equal(pieces.charCodeAt(a), plain.charCodeAt(a));
      }
    }
  });

  it('gives a line index that reads it a part at a time the lines of the string', () => {
    const random = seededRandom(4);
    let plain = 'a\r\nb\nc\rd';
    let pieces = PieceText.of(plain);
    let lines = new LineIndex(plain);
    for (let step = 0; step < 300; step++) {
      const from = random(plain.length + 1);
      const to = from + random(Math.min(3, plain.length - from) + 1);
      const put = ['x', '\r', '\n', '\r\n', ''][random(5)];
      plain = plain.slice(0, from) + put + plain.slice(to);
      pieces = pieces.edited(from, to, put);
      lines = lines.edited({ from, oldTo: to, newTo: from + put.length, inserted: put }, put, pieces.text, pieces);
      const fresh = new LineIndex(plain);
      assert.equal(lines.lineCount, fresh.lineCount);
      for (let l = 0; l < fresh.lineCount; l++) {
        assert.equal(lines.lineText(l), fresh.lineText(l));
        assert.equal(lines.lineStart(l), fresh.lineStart(l));
      }
    }
  });
});
