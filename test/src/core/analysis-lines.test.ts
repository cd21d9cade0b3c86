// An analysis gives every reader of a file's lines one index: the host's when it keeps one for
// the file's very text (the editor does, edit by edit), else one made for the text and kept.
import * as assert from 'node:assert/strict';
import { Analysis } from '../../../server/out/core/analysis/analysis';
import { parseDocument } from '../../../server/out/core/syntax/parse';
import { LineIndex } from '../../../server/out/core/text/line-index';

const file = '/contracts/a.partnership';
const text = 'partnership A "A" {\n  term 2010-01-01 to 2020-12-31\n}\n';

describe('an analysis\'s line indexes', () => {
  it('takes the host\'s index for the file\'s text, and makes one otherwise, once', () => {
    const kept = new LineIndex(text);
    const withLines = new Analysis([{ file, text }], { readFile: () => undefined, lines: (f, t) => (f === file && t === text ? kept : undefined) });
    assert.equal(withLines.lines(file), kept);

    // The host keeps each file's parse while its text is the same, as the editor does.
    const parsed = parseDocument(file, text);
    const host = { readFile: () => undefined, parse: () => parsed };
    const without = new Analysis([{ file, text }], host);
    const made = without.lines(file);
    assert.notEqual(made, kept);
    assert.equal(made.text, text);
    assert.equal(made.lineCount, 4);
    assert.equal(without.lines(file), made, 'made once for the text');
    // A later analysis of the unchanged file shares it.
    const later = new Analysis([{ file, text }], host, without);
    assert.equal(later.lines(file), made);
  });

  it('gives an empty index for a file it does not hold', () => {
    const analysis = new Analysis([{ file, text }], { readFile: () => undefined });
    assert.equal(analysis.lines('/contracts/other.partnership').lineCount, 1);
  });
});
