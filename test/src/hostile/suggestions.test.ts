// Issue 16, item 6: "did you mean" indexes a place's candidates once and stops past a bound,
// and still suggests exactly what a comparison with every candidate would.
import * as assert from 'node:assert/strict';
import { CandidateIndex, distance, LONGEST_SUGGESTED_NAME, type Candidate } from '../../../server/out/core/binding/suggest';
import { checkBody } from '../helpers/program';
import { seededRandom } from '../helpers/random';

/** The definition: least edit distance within a third of the word, or a word of the title. */
function bruteForce(word: string, candidates: readonly Candidate[]): Candidate | undefined {
  const lower = word.toLowerCase();
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: Candidate | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const last = c.text.slice(c.text.lastIndexOf('.') + 1).toLowerCase();
    let score = Math.min(distance(lower, last), distance(lower, c.text.toLowerCase()));
    if (score > limit) score = (c.title ?? '').toLowerCase().split(/[^a-z0-9]+/).includes(lower) ? limit : Infinity;
    if (score < bestScore) [best, bestScore] = [c, score];
  }
  return best;
}

describe('did-you-mean suggestions (P101)', () => {
  it('the index suggests what comparing with every candidate suggests, on 1,000 random words', () => {
    const random = seededRandom(16);
    const word = (): string => Array.from({ length: 1 + random(9) }, () => 'abcdeXY'[random(7)]).join('');
    const candidates: Candidate[] = Array.from({ length: 200 }, () => ({ text: random(3) === 0 ? `Cat.${word()}` : word(), title: `${word()} ${word()}` }));
    const index = new CandidateIndex(candidates);
    for (let i = 0; i < 1000; i++) {
      const w = word();
      assert.equal(index.closest(w, { spent: 0 }), bruteForce(w, candidates), w);
    }
  });

  it('compares an unknown name only with candidates of a near length', () => {
    const candidates = Array.from({ length: 5000 }, (_, i) => ({ text: 'x'.repeat(4 + (i % 40)) }));
    const cost = { spent: 0 };
    new CandidateIndex(candidates).closest('xxxxy', cost);
    assert.ok(cost.spent <= 3 * 125, `${cost.spent} comparisons`);
  });

  it('a name longer than the bound gets no suggestion, however close a candidate', () => {
    const long = 'Council'.repeat(10);
    const c = checkBody(`  party ${long}x "The council" as client\n  obligation O "o" { ${long} must pay "fees" due 2011-01-01 }`);
    const p101 = c.diagnostics('test.partnership').find((d) => d.code === 'P101')!;
    assert.ok(long.length > LONGEST_SUGGESTED_NAME);
    assert.doesNotMatch(p101.message, /Did you mean/);
    assert.equal(p101.fixes.length, 0);
  });

  it('stops suggesting once a file has spent its comparisons, and still reports every unknown name', () => {
    // 1,000 parties of one length, and 1,000 misspelt references to them: a million comparisons.
    const parties = Array.from({ length: 1000 }, (_, i) => `  party P${String(i).padStart(5, '0')} "p" as supplier`);
    const norms = Array.from({ length: 1000 }, (_, i) => `  obligation O${i} "o" { Q${String(i).padStart(5, '0')} must pay "fees" due 2011-01-01 }`);
    const c = checkBody([...parties, ...norms].join('\n'));
    const p101 = c.diagnostics('test.partnership').filter((d) => d.code === 'P101');
    assert.equal(p101.length, 1000);
    const suggested = p101.filter((d) => d.message.includes('Did you mean')).length;
    assert.ok(suggested > 100 && suggested < 1000, `${suggested} of 1000 suggested`);
  });
});
