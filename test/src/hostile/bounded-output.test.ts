// Issue 16, item 1: a statement that conflicts with hundreds of others names a few of them and
// says how many more, and carries at most 20 related locations, so output grows with the input
// rather than with its square.
import * as assert from 'node:assert/strict';
import { check, checkBody } from '../helpers/program';
import type { Diagnostic } from '../../../server/out/core/diagnostics/diagnostic';

const COUNT = 300;

function bounded(found: readonly Diagnostic[], code: string): void {
  assert.ok(found.length > 0, `some ${code}`);
  for (const d of found) {
    assert.ok(d.message.length < 600, `${code} message of ${d.message.length} characters`);
    assert.ok(d.related.length <= 20, `${code} with ${d.related.length} related locations`);
  }
}

describe('bounded counterparts (P602, P201, P202, P203)', () => {
  it(`${COUNT} norms contradicting ${COUNT} others: each P602 names three and says how many more`, () => {
    const must = Array.from({ length: COUNT }, (_, i) => `  obligation O${i} "o" { B must file "monthly report" due 2011-01-01 }`);
    const mustNot = Array.from({ length: COUNT }, (_, i) => `  prohibition N${i} "n" { B must not file "monthly report" }`);
    const c = checkBody([...must, ...mustNot].join('\n'));
    const found = c.diagnostics('test.partnership').filter((d) => d.code === 'P602');
    assert.equal(found.length, 2 * COUNT);
    bounded(found, 'P602');
    const first = found[0];
    assert.match(first.message, /\(see prohibition `N0`, prohibition `N1`, prohibition `N2` and 297 more\)/);
    assert.equal(first.related.length, 20);
  });

  it(`${COUNT} grants over one scope: each P201 counts every other grant but names three`, () => {
    const parties = Array.from({ length: COUNT }, (_, i) => `  party S${i} "S${i}" as supplier`);
    const grants = Array.from({ length: COUNT }, (_, i) => `  exclusive S${i} over ICT`);
    const c = checkBody(['  scope ICT "ICT"', ...parties, ...grants, '  open ICT', '  obligation W "w" { A must run ICT due 2012-01-01 }'].join('\n'));
    const diagnostics = c.diagnostics('test.partnership');
    const p201 = diagnostics.filter((d) => d.code === 'P201');
    assert.equal(p201.length, COUNT);
    bounded(p201, 'P201');
    assert.match(p201[0].message, new RegExp(`overlaps ${COUNT - 1} other exclusive grants: .* and ${COUNT - 4} more\\.`));
    bounded(diagnostics.filter((d) => d.code === 'P202'), 'P202');
    bounded(diagnostics.filter((d) => d.code === 'P203'), 'P203');
  });
});

describe('a partnership without a term (P202)', () => {
  it('a grant and a norm without dates are P202 "at all times", not an internal error', () => {
    const text = 'partnership X "x" {\n  party A "A" as client\n  party B "B" as supplier\n  scope S "S"\n  exclusive A over S\n  obligation O "o" { B must run S }\n}\n';
    const c = check({ 'x.partnership': text });
    assert.deepEqual(c.codes('x.partnership', ['error']), ['1:13 P107', '6:22 P202']);
    assert.equal(c.diagnostics('x.partnership').find((d) => d.code === 'P202')!.message, 'A holds exclusive rights over S at all times; this obligation gives that work (S) to B at all times.');
  });
});
