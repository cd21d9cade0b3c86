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

  it('fills one buffer again when the sink is done with each piece, and never one a sink keeps', () => {
    const text = 'a line of the calendar, written many times over\r\n'.repeat(5000);
    const lent = new Set<ArrayBufferLike>();
    let copied = '';
    const reusing = new ByteWriter((bytes) => {
      lent.add(bytes.buffer);
      copied += Buffer.from(bytes).toString('utf8');
      return true;
    });
    const kept: Uint8Array[] = [];
    const keeping = new ByteWriter((bytes) => void kept.push(bytes));
    for (const writer of [reusing, keeping]) {
      for (let i = 0; i < text.length; i += 1000) writer.text(text.slice(i, i + 1000));
      writer.flush();
    }
    assert.equal(copied, text);
    assert.equal(lent.size, 1, 'one buffer, filled again');
    // Each piece kept is its own buffer, still holding what was written into it.
    assert.ok(kept.length > 3);
    assert.equal(new Set(kept.map((k) => k.buffer)).size, kept.length);
    assert.equal(Buffer.concat(kept).toString('utf8'), text);
  });

  it('hands on nothing for nothing written, and a piece larger than its buffer whole', () => {
    const got: Uint8Array[] = [];
    const writer = new ByteWriter((bytes) => void got.push(bytes));
    writer.flush();
    assert.equal(got.length, 0);
    writer.text('€'.repeat(100000));
    writer.flush();
    assert.equal(Buffer.concat(got).toString('utf8'), '€'.repeat(100000));
  });
});
