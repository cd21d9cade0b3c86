// The byte writer hands on UTF-8 in pieces that each end where a written piece ended, so a
// reader that decodes piece by piece never sees half a character, whatever the sizes.
import * as assert from 'node:assert/strict';
import { ByteWriter, utf8 } from '../../../server/out/core/text/byte-writer';
import { seededRandom } from '../helpers/random';

describe('byte writer', () => {
  it('writes text and bytes in order, in pieces that decode alone, across the buffer size', () => {
    const random = seededRandom(3);
    const words = ['a', 'é', '€', '𝄞', 'plain ASCII text ', 'x'.repeat(30000), '£'.repeat(25000), ''];
    let expected = '';
    let decoded = '';
    let pieces = 0;
    const writer = new ByteWriter((bytes) => {
      pieces++;
      decoded += new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    });
    for (let i = 0; i < 2000; i++) {
      const word = words[random(words.length)];
      expected += word;
      if (random(2) === 0) writer.text(word);
      else writer.bytes(utf8(word));
    }
    writer.flush();
    assert.equal(decoded, expected);
    assert.ok(pieces > 10, 'the output is handed on in several pieces');
  });

  it('hands on nothing for nothing written, and a piece larger than its buffer whole', () => {
    const got: Uint8Array[] = [];
    const writer = new ByteWriter((bytes) => got.push(bytes));
    writer.flush();
    assert.equal(got.length, 0);
    writer.text('€'.repeat(100000));
    writer.flush();
    assert.equal(Buffer.concat(got).toString('utf8'), '€'.repeat(100000));
  });
});
