// A fixed-seed sample of the fuzzing properties, on every test run.
import * as assert from 'node:assert/strict';
import { checkText, runProperties, seedTexts } from './properties';

describe('properties for any input (fixed seed)', function () {
  this.timeout(120000);
  it('hold for every corpus and example file as written', () => {
    for (const text of seedTexts) checkText(text);
  });
  it('hold for 1,000 random, mutated, spliced, dateless and second-version texts', () => {
    const { cases, failures } = runProperties(200, 20261123);
    assert.deepEqual(failures, []);
    assert.equal(cases, 1000);
  });
});
