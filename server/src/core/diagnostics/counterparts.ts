// Bounds what a diagnostic says about its counterparts. A statement may conflict with
// thousands of others (a norm repeated 2,000 times, 2,000 grants over one scope); listing every
// one in each of their diagnostics makes output grow with the square of the input. A message
// names the first few and says how many more; related information is capped likewise.

import type { RelatedInformation } from './diagnostic';

/** Counterparts a message names before it says "and N more". */
export const NAMED_COUNTERPARTS = 3;
/** Related locations one diagnostic carries at most. */
export const RELATED_COUNTERPARTS = 20;

/**
 * `a, b and c`, or `a, b, c and 17 more` when there are more than `NAMED_COUNTERPARTS`.
 * `describe` runs only for the counterparts named, so a long list costs nothing to word.
 */
export function nameCounterparts<T>(items: readonly T[], describe: (item: T) => string, conjunction: 'and' | 'or' = 'and'): string {
  const named = items.slice(0, NAMED_COUNTERPARTS).map(describe);
  const rest = items.length - named.length;
  if (rest > 0) return `${named.join(', ')} ${conjunction} ${rest} more`;
  if (named.length <= 1) return named.join('');
  return `${named.slice(0, -1).join(', ')} ${conjunction} ${named[named.length - 1]}`;
}

/** Related information for the first `RELATED_COUNTERPARTS` counterparts. */
export function relatedCounterparts<T>(items: readonly T[], toRelated: (item: T) => RelatedInformation): RelatedInformation[] {
  const out: RelatedInformation[] = [];
  for (let i = 0; i < items.length && i < RELATED_COUNTERPARTS; i++) out.push(toRelated(items[i]));
  return out;
}
