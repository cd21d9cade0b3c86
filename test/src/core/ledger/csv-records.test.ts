// Reading CSV records (csv-records.ts): a plain file is read in one pass; it must come to
// exactly what csv-parse, reading record by record, comes to, whatever the line breaks, quotes,
// blank lines and characters, and anything not plain is left to csv-parse.
import * as assert from 'node:assert/strict';
import { readCsvRecords, readRecordByRecord, readWhole } from '../../../../server/out/core/ledger/csv-records';

/** A small deterministic generator (mulberry32), so that a failure names its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['done', 'R01', '2015-11-20', '99.5%', 'é', '😀', ' ', '', '"a ""quoted"" note"', '"two\nlines"', '"x,y"', '""', 'a"b', '"open'];
const BREAKS = ['\n', '\r\n', '\r', '\n\n', '\r\n\r\n'];

function csvText(next: () => number): string {
  const rows: string[] = [];
  const count = Math.floor(next() * 8);
  for (let r = 0; r < count; r++) {
    const fields = Math.floor(next() * 5) + 1;
    const row = Array.from({ length: fields }, () => PIECES[Math.floor(next() * PIECES.length)]).join(',');
    rows.push(row + BREAKS[Math.floor(next() * BREAKS.length)]);
  }
  const text = rows.join('');
  return next() < 0.3 ? text.replace(/[\r\n]+$/, '') : text;
}

describe('reading CSV records', () => {
  it('places the records of a file read whole as reading record by record does', () => {
    let whole = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const text = csvText(random(seed));
      const fast = readCsvRecords(text);
      const careful = readRecordByRecord(text, Infinity);
      assert.deepEqual(fast, careful, `seed ${seed}: ${JSON.stringify(text)}`);
      if (careful.problems.length === 0) {
        assert.notEqual(readWhole(text, Infinity), null, `seed ${seed}: read whole, as it has no problem`);
        whole++;
      }
    }
    assert.ok(whole > 500, `enough files without a problem (${whole}) to try the whole reading`);
  });

  it('reads the edges of a plain file as csv-parse does, and leaves what is not plain to it', () => {
    const plain = ['', 'a', 'a,', ',', '\n', 'a\r\rb', 'a\r\nb\n', '"x"', '"x",', '"a ""b"""\r\n"c\r\nd",e', 'kind,name\n\n\ndone,R01', '"",""'];
    for (const text of plain) {
      assert.notEqual(readWhole(text, Infinity), null, JSON.stringify(text));
      assert.deepEqual(readWhole(text, Infinity), readRecordByRecord(text, Infinity), JSON.stringify(text));
    }
    for (const text of ['a"b', '"x"y', '"open', '"x" ,y', ' "x"', '"a""', `${'x'.repeat(150_000)}\n`]) assert.equal(readWhole(text, Infinity), null, JSON.stringify(text).slice(0, 40));
  });

  it('reads record by record past the most records asked for, saying where the text goes on', () => {
    const text = 'kind,name\n' + 'done,R01\n'.repeat(5);
    const table = readCsvRecords(text, 3);
    assert.equal(table.records.length, 3);
    assert.equal(table.rest, text.indexOf('done', text.indexOf('done', text.indexOf('done') + 1) + 1));
  });
});
