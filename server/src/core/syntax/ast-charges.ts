// The syntax of charges and variations (language-v2.md sections 4 and 6). See ast.ts.

import type { Block, Clause, DateLit, Note, QName, Quantity, ScopeLine, Span, StringLit, Word, Ident } from './ast-base';

export interface Charge extends Span {
  readonly kind: 'Charge';
  readonly name: Ident;
  readonly title: StringLit | null;
  readonly block: Block<ChargeItem> | null;
}

export type ChargeItem = Pays | AmountLine | ScopeLine | Indexed | CreditCap | Clause | Note;

export interface Pays extends Span {
  readonly kind: 'Pays';
  readonly payer: QName;
  readonly payee: QName;
}

/** `£100m per year from 2011-04-01`; `per` lists the units in order (`per seat per month`). */
export interface AmountLine extends Span {
  readonly kind: 'AmountLine';
  readonly amount: Quantity;
  readonly per: readonly Word[];
  readonly from: DateLit | null;
  readonly until: DateLit | null;
}

export interface Indexed extends Span {
  readonly kind: 'Indexed';
  readonly text: StringLit;
}

export interface CreditCap extends Span {
  readonly kind: 'CreditCap';
  readonly share: Quantity;
  readonly per: Word;
}

export interface Variation extends Span {
  readonly kind: 'Variation';
  readonly name: Ident;
  readonly title: StringLit | null;
  readonly block: Block<VariationItem> | null;
}

export type VariationItem = Varies | Agreed | Effective | TermTo | EndsExclusive | EndsOpen | Ends | Returns | Clause | Note;

export interface Varies extends Span {
  readonly kind: 'Varies';
  readonly partnership: QName;
}

export interface Agreed extends Span {
  readonly kind: 'Agreed';
  readonly date: DateLit;
}

export interface Effective extends Span {
  readonly kind: 'Effective';
  readonly date: DateLit;
}

export interface TermTo extends Span {
  readonly kind: 'TermTo';
  readonly date: DateLit;
}

export interface EndsExclusive extends Span {
  readonly kind: 'EndsExclusive';
  readonly holder: QName;
  readonly scope: QName;
}

export interface EndsOpen extends Span {
  readonly kind: 'EndsOpen';
  readonly scope: QName;
}

/** `ends <norm | kpi | charge | body>` */
export interface Ends extends Span {
  readonly kind: 'Ends';
  readonly target: QName;
}

export interface Returns extends Span {
  readonly kind: 'Returns';
  readonly scope: QName;
  readonly to: QName | null;
}
