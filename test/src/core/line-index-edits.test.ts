// A line index updated from an edit must be the index of the edited text: every line start,
// with \n, \r\n and lone \r breaks anywhere, including a \r and a \n that an edit brings
// together or parts. The open document built on it must answer as the library's document does.
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../../server/out/core/text/line-index';
import { OpenText } from '../../../server/out/lsp/open-text';
import { seededRandom } from '../helpers/random';

const PIECES = ['a', 'bc', '\n', '\r', '\r\n', '\n\r', '', 'x\ry', '\r\r\n'];

function randomText(random: (n: number) => number, pieces: number): string {
  let text = '';
  for (let i = 0; i < pieces; i++) text += PIECES[random(PIECES.length)];
  return text;
}

/** Every line's start and end, and the position of every offset, as plain data to compare. */
function shape(index: LineIndex): unknown {
  const lines = [];
  for (let l = 0; l < index.lineCount; l++) lines.push([index.lineStart(l), index.lineEnd(l)]);
  const positions = [];
  for (let o = 0; o <= index.text.length; o++) positions.push(index.position(o));
  return { lines, positions };
}

describe('line index after an edit', () => {
  it('equals the index of the edited text, for random edits around line breaks', () => {
    const random = seededRandom(7);
    for (let round = 0; round < 3000; round++) {
      const before = randomText(random, random(12));
      const from = random(before.length + 1);
      const oldTo = from + random(before.length - from + 1);
      const inserted = randomText(random, random(3));
      const after = before.slice(0, from) + inserted + before.slice(oldTo);
      const edited = new LineIndex(before).edited({ from, oldTo, newTo: from + inserted.length }, inserted, after);
      assert.deepEqual(shape(edited), shape(new LineIndex(after)), `${JSON.stringify(before)} with ${from}..${oldTo} replaced by ${JSON.stringify(inserted)}`);
    }
  });

  it('follows a chain of edits, each on the text the one before left', () => {
    const random = seededRandom(11);
    let index = new LineIndex(randomText(random, 20));
    for (let step = 0; step < 500; step++) {
      const text = index.text;
      const from = random(text.length + 1);
      const oldTo = from + random(Math.min(4, text.length - from) + 1);
      const inserted = randomText(random, random(3));
      index = index.edited({ from, oldTo, newTo: from + inserted.length }, inserted, text.slice(0, from) + inserted + text.slice(oldTo));
      assert.deepEqual(shape(index), shape(new LineIndex(index.text)));
    }
  });
});

describe('line index of a long text, kept in chunks', () => {
  // Thousands of lines: edits that join, split, empty and grow the index's chunks of lines.
  it('equals the index of the edited text after each of a chain of edits anywhere, small and large', () => {
    const random = seededRandom(23);
    let index = new LineIndex(randomText(random, 6000));
    for (let step = 0; step < 300; step++) {
      const text = index.text;
      const from = random(text.length + 1);
      // Mostly a keystroke; now and then thousands of lines removed or pasted in.
      const large = random(10) === 0;
      const oldTo = from + random(Math.min(large ? 4000 : 3, text.length - from) + 1);
      const inserted = randomText(random, large ? random(3000) : random(3));
      index = index.edited({ from, oldTo, newTo: from + inserted.length }, inserted, text.slice(0, from) + inserted + text.slice(oldTo));
      const fresh = new LineIndex(index.text);
      assert.equal(index.lineCount, fresh.lineCount);
      for (let l = 0; l < fresh.lineCount; l++) assert.equal(index.lineStart(l), fresh.lineStart(l), `line ${l} after step ${step}`);
      for (let k = 0; k < 200; k++) {
        const o = random(index.text.length + 1);
        assert.deepEqual(index.position(o), fresh.position(o), `offset ${o} after step ${step}`);
      }
    }
  });

  it('leaves the index it was made from as it was', () => {
    const random = seededRandom(29);
    const text = randomText(random, 5000);
    const before = new LineIndex(text);
    const starts = Array.from({ length: before.lineCount }, (_, l) => before.lineStart(l));
    before.edited({ from: 10, oldTo: 2000, newTo: 13 }, 'a\nb', text.slice(0, 10) + 'a\nb' + text.slice(2000));
    before.edited({ from: text.length, oldTo: text.length, newTo: text.length + 1 }, '\n', text + '\n');
    assert.deepEqual(Array.from({ length: before.lineCount }, (_, l) => before.lineStart(l)), starts);
  });
});

describe('open document', () => {
  it('answers as the library document does after the same ranged and whole changes', () => {
    const random = seededRandom(5);
    let library = TextDocument.create('file:///a.partnership', 'partnership', 1, 'term\r\nnorm\rx\n');
    let open = OpenText.create('file:///a.partnership', 'partnership', 1, library.getText());
    for (let version = 2; version < 400; version++) {
      const text = library.getText();
      // Positions past a line's end or past the last line too: both documents clamp them.
      const start = { line: random(library.lineCount + 2) - 1, character: random(6) };
      const end = random(2) ? start : { line: start.line + random(2), character: random(6) };
      const change = random(30) === 0 ? { text: randomText(random, 5) } : { range: { start, end }, text: randomText(random, random(3)) };
      library = TextDocument.update(library, [change], version);
      const updated = open.update([change], version);
      open = updated.document;
      assert.equal(open.getText(), library.getText(), `after ${JSON.stringify(change)} on ${JSON.stringify(text)}`);
      assert.equal(open.lineCount, library.lineCount);
      for (let line = -1; line <= library.lineCount; line++) {
        assert.deepEqual(open.getLineRange(line), library.getLineRange(line), `line ${line} of ${JSON.stringify(open.getText())}`);
        assert.equal(open.getEOLCharacters(line), library.getEOLCharacters(line));
        for (let character = 0; character < 4; character++) assert.equal(open.offsetAt({ line, character }), library.offsetAt({ line, character }));
      }
      if ('range' in change) assert.ok(updated.change, 'a ranged change says where the text changed');
      else assert.equal(updated.change, undefined);
    }
  });
});
