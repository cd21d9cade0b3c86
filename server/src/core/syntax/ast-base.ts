// The leaves of the syntax tree (grammar/partnership.peggy) and the lines every block may
// hold: spans, names, literals, blocks, and the `note`, `clause` and `scope` lines. See ast.ts.

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Ident extends Span {
  readonly kind: 'Ident';
  readonly text: string;
}

/** A dotted reference such as `ICT.Core.Telephony`; a plain name has one part. */
export interface QName extends Span {
  readonly kind: 'QName';
  /** The name as written: `ICT.Core.Telephony`, or `BCC`. */
  readonly text: string;
  /**
   * Its parts, made from `text` each time they are read (a contract has hundreds of thousands of
   * references, and few readers need their parts): read `text` where the whole name will do,
   * and `firstPart` for the name looked up first.
   */
  readonly parts: readonly Ident[];
}

export interface StringLit extends Span {
  readonly kind: 'String';
  readonly value: string;
  readonly unterminated?: boolean;
}

/** A date as written: `YYYY-MM-DD`, or `YYYY-MM` and `YYYY` for a stretch of days. */
export interface DateLit extends Span {
  readonly kind: 'Date';
  readonly text: string;
}

export type DurationUnit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year' | 'working-day';

export interface Duration extends Span {
  readonly kind: 'Duration';
  readonly count: number;
  readonly unit: DurationUnit;
}

export type QuantityUnit = 'percent' | 'number' | 'money' | 'duration';

export interface Quantity extends Span {
  readonly kind: 'Quantity';
  readonly unit: QuantityUnit;
  /** ISO currency code for money (`£` is GBP), otherwise null. */
  readonly currency: string | null;
  /** The written amount without thousands separators, e.g. `1.5`. */
  readonly digits: string;
  readonly scale: 'k' | 'm' | 'bn' | null;
  /** The unit of a duration (`4 hours`), otherwise null. */
  readonly duration: DurationUnit | null;
}

/** A closed word of a line: an endeavours level, a unit price's noun, a cap's period. */
export interface Word extends Span {
  readonly kind: 'Word';
  readonly text: string;
}

/** `start` (the term's first day) or `expiry` (its last day as varied) in a deadline or period. */
export interface Anchor extends Span {
  readonly kind: 'Anchor';
  readonly word: 'start' | 'expiry';
}

export interface Comparator extends Span {
  readonly kind: 'Comparator';
  readonly op: '>=' | '<=' | '>' | '<' | '=';
}

export interface Junk extends Span {
  readonly kind: 'Junk';
  readonly context: 'file' | 'partnership' | 'scope' | 'norm' | 'kpi' | 'body' | 'charge' | 'variation';
}

export interface Block<Item> extends Span {
  readonly kind: 'Block';
  readonly items: readonly (Item | Junk)[];
  readonly closed: boolean;
}

export interface LexicalError extends Span {
  readonly kind: 'string' | 'comment';
}

/** `note "…"`: what the language cannot say, for the reader; in every block, repeatable. */
export interface Note extends Span {
  readonly kind: 'Note';
  readonly text: StringLit;
}

export interface Clause extends Span {
  readonly kind: 'Clause';
  readonly text: StringLit;
}

/** `scope <ref>` inside a norm or a KPI. */
export interface ScopeLine extends Span {
  readonly kind: 'ScopeLine';
  readonly scope: QName;
}
