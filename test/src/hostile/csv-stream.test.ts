// Issue 16, the 50 MB matrix: the CSV is handed on in pieces of about 64 KB, row by row, never
// built as one string, and the pieces make exactly the CSV.
import * as assert from 'node:assert/strict';
import { buildMatrix } from '../../../server/out/core/matrix/model';
import { renderCsv, writeCsv } from '../../../server/out/core/matrix/csv';
import { checkBody } from '../helpers/program';

describe('streaming CSV', () => {
  it('a matrix of 5,000 norms is written in pieces of at most 64 KB and a row, which join to the CSV', () => {
    const norms = Array.from({ length: 5000 }, (_, i) => `  obligation N${i} "Deliver the monthly report, part ${i}" { B must deliver "report ${i}" due 2011-01-01 }`);
    const c = checkBody(norms.join('\n'));
    const matrix = buildMatrix(c.program, c.path('test.partnership'))!;
    const chunks: string[] = [];
    writeCsv(matrix, (chunk) => chunks.push(chunk));
    assert.ok(chunks.length >= 5, `${chunks.length} pieces`);
    for (const chunk of chunks) {
      assert.ok(chunk.length < 65536 + 1000, `a piece of ${chunk.length} characters`);
      assert.ok(chunk.endsWith('\r\n'), 'a piece ends at the end of a row');
    }
    assert.equal(chunks.join(''), renderCsv(matrix));
    assert.equal(chunks.join('').split('\r\n').length, 5002);
  });
});
