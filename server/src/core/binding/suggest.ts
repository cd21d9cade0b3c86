// "Did you mean …?": the closest candidate by edit distance, or one whose title contains the
// unknown word (a lawyer types `Alpha` for the party `A` titled "Alpha Council").

export interface Candidate {
  readonly text: string;
  readonly title?: string;
}

export function closest(word: string, candidates: readonly Candidate[]): Candidate | undefined {
  const lower = word.toLowerCase();
  let best: Candidate | undefined;
  let bestScore = Infinity;
  const limit = Math.max(1, Math.floor(word.length / 3));
  for (const c of candidates) {
    const last = c.text.slice(c.text.lastIndexOf('.') + 1);
    let score = Math.min(distance(lower, last.toLowerCase()), distance(lower, c.text.toLowerCase()));
    if (score > limit) {
      const words = (c.title ?? '').toLowerCase().split(/[^a-z0-9]+/);
      score = words.includes(lower) ? limit : Infinity;
    }
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Math.abs(a.length - b.length);
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => [i, ...new Array<number>(cols - 1).fill(0)]);
  for (let j = 0; j < cols; j++) d[0][j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
