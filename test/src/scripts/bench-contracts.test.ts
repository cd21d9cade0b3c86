// The benchmark's contracts (scripts/bench/second-version.js over the shared generator): every
// second-version construct is there in about its proportion, the same seed gives the same text,
// and the contract checks clean of errors, as the first version's did, so that the benchmark
// measures a contract a lawyer could have written rather than one full of findings.
import * as assert from 'node:assert/strict';
import { Analysis } from '../../../server/out/core/analysis/analysis';
import { generatedContract } from '../helpers/generated';

describe('the benchmark’s generated contracts', function () {
  this.timeout(60000);
  const norms = 1200;
  const text = generatedContract(norms);
  const count = (pattern: RegExp): number => text.match(new RegExp(pattern.source, 'gm'))?.length ?? 0;

  it('hold every construct of the second version in about its proportion', () => {
    assert.equal(count(/^ {2}event /), norms / 50);
    const triggered = count(/^ {4}due within \d+ working days of Event/) + count(/^ {4}when Event/) + count(/^ {4}every 1 month from Event\d+ until /);
    assert.ok(triggered > norms * 0.1 && triggered < norms * 0.2, `${triggered} triggered norms`);
    assert.equal(count(/^ {2}variation /), norms / 300);
    assert.ok(count(/^ {4}ends N\d+$/) > 0 && count(/^ {4}term to /) > 0);
    assert.ok(count(/^ {2}charge /) >= norms / 250 && count(/^ {4}£\d+m per year from /) > 0 && count(/^ {4}£\d+ per seat per month$/) > 0);
    assert.ok(count(/^ {4}credit \d+% of Charge\d+ when < /) > 0 && count(/^ {4}target .* from /) > 0 && count(/^ {4}credit-cap /) > 0);
    assert.ok(count(/^ {4}meets every /) >= 3 && count(/^ {4}escalates-to /) >= 2);
    for (const pattern of [/ as group of /, / as joint-venture of \w+ [\d.]+%, \w+ [\d.]+%$/, /^ {4}\w+, \w+ must /, /^ {4}due \d+ months before expiry$/, /^ {2}power /,
      /^ {4}endeavours /, /^ {4}note /, /^ {4}amount £/, /^ {2}value /, /^ {2}objective /, /^ {2}calendar /]) {
      assert.ok(count(pattern) > 0, `no ${pattern}`);
    }
  });

  it('are the same text for the same number of norms', () => {
    assert.equal(generatedContract(norms), text);
  });

  it('check clean of errors and warnings', () => {
    const file = '/bench/contract.partnership';
    const analysis = new Analysis([{ file, text }], { readFile: () => undefined });
    const found = analysis.diagnostics(file).filter((d) => d.severity === 'error' || d.severity === 'warning');
    assert.deepEqual(found.map((d) => `${d.code} ${d.message}`), []);
  });
});
