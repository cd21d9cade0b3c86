// "Did you mean …?": the closest candidate by edit distance, or one whose title contains the
// unknown word (a lawyer types `Alpha` for the party `A` titled "Alpha Council").

export interface Candidate {
  readonly text: string;
  readonly title?: string;
}

export function closest(word: string, candidates: readonly Candidate[]): Candidate | undefined {
  return new CandidateIndex(candidates).closest(word, { spent: 0 });
}

/** Names longer than this get no suggestion: comparing them costs the square of their length. */
export const LONGEST_SUGGESTED_NAME = 64;
/** Name comparisons one file may spend on suggestions; past it, unknown names get none. */
export const SUGGESTION_BUDGET = 250_000;

/**
 * The candidates of one place, indexed once: by the length of their last part and of their
 * whole text (an edit distance within the limit needs a length within it), and by the words
 * of their titles. A file with thousands of unknown names then compares each with the
 * candidates of a near length, not with all of them.
 */
export class CandidateIndex {
  private readonly byLength = new Map<number, number[]>();
  private readonly byTitleWord = new Map<string, number[]>();
  private readonly lowerLast: string[] = [];
  private readonly lowerText: string[] = [];

  constructor(private readonly candidates: readonly Candidate[]) {
    candidates.forEach((c, i) => {
      const text = c.text.toLowerCase();
      const last = text.slice(text.lastIndexOf('.') + 1);
      this.lowerText.push(text);
      this.lowerLast.push(last);
      push(this.byLength, last.length, i);
      if (text.length !== last.length) push(this.byLength, text.length, i);
      for (const w of new Set((c.title ?? '').toLowerCase().split(/[^a-z0-9]+/))) if (w) push(this.byTitleWord, w, i);
    });
  }

  /**
   * The candidate of least distance within a third of the word (one whose title has the word
   * counts as at that limit), the earliest of equals; `cost.spent` counts the comparisons.
   */
  closest(word: string, cost: { spent: number }): Candidate | undefined {
    const lower = word.toLowerCase();
    const limit = Math.max(1, Math.floor(word.length / 3));
    const scores = new Map<number, number>();
    for (let length = lower.length - limit; length <= lower.length + limit; length++) {
      for (const i of this.byLength.get(length) ?? []) {
        if (scores.has(i)) continue;
        cost.spent++;
        const score = Math.min(distance(lower, this.lowerLast[i]), distance(lower, this.lowerText[i]));
        scores.set(i, score <= limit ? score : Infinity);
      }
    }
    for (const i of this.byTitleWord.get(lower) ?? []) if (!(scores.get(i)! <= limit)) scores.set(i, limit);
    let best = -1;
    let bestScore = Infinity;
    for (const [i, score] of scores) {
      if (score < bestScore || (score === bestScore && score < Infinity && i < best)) {
        best = i;
        bestScore = score;
      }
    }
    return best < 0 ? undefined : this.candidates[best];
  }
}

/**
 * Suggestions for the unknown names of one file: each place's candidates indexed once, each
 * unknown word answered once, and nothing suggested past `SUGGESTION_BUDGET` comparisons.
 */
export class Suggester {
  private readonly indexes = new Map<unknown, Map<string, { index: CandidateIndex; answers: Map<string, Candidate | undefined> }>>();
  private readonly cost = { spent: 0 };

  /** The closest of the candidates of `place` (any value naming it) for `expected` names. */
  closest(word: string, place: unknown, expected: string, candidates: () => readonly Candidate[]): Candidate | undefined {
    if (word.length > LONGEST_SUGGESTED_NAME || this.cost.spent > SUGGESTION_BUDGET) return undefined;
    let byKind = this.indexes.get(place);
    if (!byKind) this.indexes.set(place, (byKind = new Map()));
    let entry = byKind.get(expected);
    if (!entry) byKind.set(expected, (entry = { index: new CandidateIndex(candidates()), answers: new Map() }));
    if (entry.answers.has(word)) return entry.answers.get(word);
    const answer = entry.index.closest(word, this.cost);
    entry.answers.set(word, answer);
    return answer;
  }
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Math.abs(a.length - b.length);
  // Three rows suffice (a transposition looks two rows back): no table per comparison.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length];
}
