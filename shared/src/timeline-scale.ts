// Geometry helpers of the timeline's layout, without a DOM: days to x, the time axis's ticks
// and labels (spaced so that no two overlap), text widths estimated generously from the
// characters (a layout cannot measure), truncation with an ellipsis, and lanes that keep marks
// from hiding one another.

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Days since 1970-01-01 of a `YYYY-MM-DD` day. */
export function dayOf(text: string): number {
  return Math.round(Date.parse(`${text.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

const monthStart = (year: number, month: number): number => Math.round(Date.UTC(year, month, 1) / DAY_MS);
const yearOf = (day: number): number => new Date(day * DAY_MS).getUTCFullYear();

export interface Scale {
  readonly from: number;
  readonly to: number;
  readonly left: number;
  readonly right: number;
  /** The x of the start of a day. */
  readonly x: (day: number) => number;
}

export function scaleOf(from: number, to: number, left: number, right: number): Scale {
  const span = Math.max(1, to - from);
  return { from, to, left, right, x: (day) => left + ((Math.min(Math.max(day, from), to) - from) / span) * (right - left) };
}

/**
 * A generous estimate of the width of `text` at `size` px in the interface's sans-serif font:
 * wide letters, narrow letters and spaces apart, and a full em for characters beyond Latin.
 */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const c of text) {
    if (c === ' ' || /[.,:;'|!il1()\[\]]/.test(c)) em += 0.34;
    else if (/[A-Z@%&mwMW£€—…]/.test(c)) em += 0.82;
    else if (/[\u0000-\u024f]/.test(c)) em += 0.6;
    else em += 1;
  }
  return em * size;
}

/** `text` cut with an ellipsis so that it fits `width` (the whole text when it fits). */
export function truncate(text: string, size: number, width: number): string {
  if (textWidth(text, size) <= width) return text;
  const chars = [...text];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (textWidth(chars.slice(0, mid).join('') + '…', size) <= width) low = mid;
    else high = mid - 1;
  }
  return chars.slice(0, low).join('') + '…';
}

export interface Tick {
  readonly x: number;
  readonly major: boolean;
  readonly label?: string;
}

/**
 * Ticks at the start of each year (and of months, where a year is wide enough), labelled every
 * 1, 2, 5, 10, 20, 50… years so that labels `size` px high keep a gap between them.
 */
export function axisTicks(scale: Scale, size: number): Tick[] {
  const perYear = ((scale.right - scale.left) * 365.25) / Math.max(1, scale.to - scale.from);
  const yearLabel = textWidth('0000', size) + 10;
  const step = [1, 2, 5].flatMap((s) => [s, s * 10, s * 100, s * 1000]).sort((a, b) => a - b).find((s) => s * perYear >= yearLabel) ?? 10_000;
  const monthLabel = textWidth('Mmm', size) + 8;
  const monthsLabelled = step > 1 ? 0 : perYear >= 12 * monthLabel ? 1 : perYear >= 4 * monthLabel ? 3 : 0;
  const ticks: Tick[] = [];
  const first = yearOf(scale.from);
  const last = yearOf(scale.to);
  // At most a tick per year on the widest term: a century-long term stays a few hundred ticks.
  for (let year = first; year <= last + 1; year++) {
    const start = monthStart(year, 0);
    if (start >= scale.from && start <= scale.to) ticks.push({ x: scale.x(start), major: true, ...(year % step === 0 ? { label: String(year) } : {}) });
    if (perYear < 48) continue;
    for (let month = 1; month < 12; month++) {
      const day = monthStart(year, month);
      if (day < scale.from || day > scale.to) continue;
      const labelled = monthsLabelled > 0 && month % monthsLabelled === 0;
      ticks.push({ x: scale.x(day), major: false, ...(labelled ? { label: MONTHS[month] } : {}) });
    }
  }
  return ticks;
}

/**
 * First-fit lanes for items along x: an item goes in the first lane whose last item ends
 * before it starts, or a new lane while there are fewer than `max`; past that, `place` puts it
 * in the lane that ends first and `fit` refuses it. Items come in order of their start; each
 * costs at most `max` comparisons.
 */
export class Lanes {
  private readonly ends: number[] = [];

  constructor(private readonly max: number) {}

  place(start: number, end: number): number {
    const lane = this.fit(start, end);
    if (lane !== null) return lane;
    const earliest = this.ends.indexOf(Math.min(...this.ends));
    this.ends[earliest] = Math.max(this.ends[earliest], end);
    return earliest;
  }

  /** The lane an item goes in without overlapping another, or null when every lane is taken. */
  fit(start: number, end: number): number | null {
    let lane = this.ends.findIndex((e) => e < start);
    if (lane < 0 && this.ends.length < this.max) lane = this.ends.push(-Infinity) - 1;
    if (lane < 0) return null;
    this.ends[lane] = end;
    return lane;
  }

  get count(): number {
    return this.ends.length;
  }
}
