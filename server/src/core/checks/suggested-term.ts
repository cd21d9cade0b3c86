// The term the P107 quick fix proposes, from what the document itself says, so that the same
// document always gets the same fix (never from today's date, which would make the fix, and
// every test of it, depend on the day it runs).

export interface SuggestedTerm {
  readonly from: string;
  readonly to: string;
}

const DATE = /\b\d{4}-\d{2}-\d{2}\b/g;
/** A year as agreements write it in titles and sources: `"Strategic Partnership Agreement, 2006"`. */
const YEAR = /\b(?:19|20)\d{2}\b/g;

/**
 * From the earliest to the latest date written anywhere in the text; with one date, from it to
 * 31 December ten years later; with no date, from 1 January of the earliest year written to 31
 * December ten years later; null when the text names no date and no year.
 */
export function suggestedTerm(text: string): SuggestedTerm | null {
  const dates = [...text.matchAll(DATE)].map((m) => m[0]).sort();
  const years = dates.length > 0 ? [] : [...text.matchAll(YEAR)].map((m) => m[0]).sort();
  const from = dates[0] ?? (years.length > 0 ? `${years[0]}-01-01` : null);
  if (from === null) return null;
  const to = dates.length > 1 ? dates[dates.length - 1] : `${Number(from.slice(0, 4)) + 10}-12-31`;
  return { from, to };
}
