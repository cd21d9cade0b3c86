// Runs every conformance case: the shared corpus of the brief and the project's own cases.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCase } from '../helpers/markers';
import { ownCorpus, sharedCorpus, sharedCorpusV2 } from '../helpers/paths';

function casesIn(corpus: string): string[] {
  return fs.readdirSync(corpus, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(corpus, e.name)).sort();
}

describe('conformance corpus', () => {
  it('finds the shared corpus beside the repository', () => {
    assert.ok(fs.existsSync(sharedCorpus), `expected the shared corpus at ${sharedCorpus}`);
    assert.ok(casesIn(sharedCorpus).length >= 13);
  });

  it('finds the second version\'s corpus beside the repository', () => {
    assert.ok(casesIn(sharedCorpusV2).length >= 8);
  });

  for (const [label, corpus] of [['shared', sharedCorpus], ['second version\'s', sharedCorpusV2], ['own', ownCorpus]] as const) {
    if (!fs.existsSync(corpus)) continue;
    describe(`${label} cases`, () => {
      for (const folder of casesIn(corpus)) {
        it(path.basename(folder), () => {
          assert.deepEqual(runCase(folder), []);
        });
      }
    });
  }
});
