// The meaning of one file, with every reference resolved to its declaration and every period
// worked out as the brief defines it. Checks, the matrix and the export read this, not the
// syntax tree. Statements whose references do not resolve are left out (their P101 says why).
// Each unit's meaning is worked out on its own (unit-meaning.ts).

import type { BodySymbol, ChargeSymbol, KpiSymbol, NormSymbol, PartySymbol, ScopeSymbol, VariationSymbol } from '../binding/symbols';
import type {
  AmountLine, Approves, Baseline, Calendar, ContractValue, Credit, CreditCap, DateLit, Duration, EscalatesTo, Exclusive,
  Interface, Kpi, Measured, Objective, Open, Partnership, Pays, QName, Target,
  Term, Threshold, Unit, Variation, Weight,
} from '../syntax/ast';
import type { CalendarName } from '../values/bank-holidays';
import { dayNumber, lastDayNumber, type Period } from '../values/dates';
import type { ChunkedList } from '../values/chunked-list';
import type { NormModel } from './norm-model';

export { NormModel, type Deadline } from './norm-model';
export { notesIn } from './notes';

export interface Grant {
  readonly file: string;
  /** The unit it is written in: its nodes count their offsets from the unit's start. */
  readonly unit: Unit;
  readonly node: Exclusive;
  readonly holder: PartySymbol;
  readonly scope: ScopeSymbol;
  /** Carve-outs that lie strictly inside the granted scope (others are P205 and remove nothing). */
  readonly carveOuts: readonly ScopeSymbol[];
  /** Carve-outs written outside the granted scope. */
  readonly strayCarveOuts: readonly { readonly scope: ScopeSymbol; readonly node: QName }[];
  /** Null when a written date is impossible or the period ends before it starts. */
  readonly period: Period | null;
  /** True when no `to` is written: the grant ends with the term as varied. */
  readonly endsWithTerm: boolean;
}

export interface OpenScope {
  readonly file: string;
  /** The unit it is written in: its nodes count their offsets from the unit's start. */
  readonly unit: Unit;
  readonly node: Open;
  readonly scope: ScopeSymbol;
}

export interface InterfaceLink {
  readonly file: string;
  /** The unit it is written in: its nodes count their offsets from the unit's start. */
  readonly unit: Unit;
  readonly node: Interface;
  readonly a: ScopeSymbol;
  readonly b: ScopeSymbol;
}

export interface KpiModel {
  readonly file: string;
  /** The unit it is written in: its nodes count their offsets from the unit's start. */
  readonly unit: Unit;
  readonly symbol: KpiSymbol;
  readonly node: Kpi;
  readonly owner: PartySymbol | null;
  readonly hasOwnerLine: boolean;
  readonly scope: ScopeSymbol | null;
  /** The first target written. */
  readonly target: Target | null;
  /** Every target, in the order written (ramped targets carry `from`). */
  readonly targets: readonly Target[];
  readonly threshold: Threshold | null;
  readonly thresholds: readonly Threshold[];
  readonly measured: Measured | null;
  readonly baseline: Baseline | null;
  readonly weight: Weight | null;
  readonly credits: readonly CreditModel[];
  readonly notes: readonly string[];
}

export interface CreditModel {
  readonly node: Credit;
  /** The charge a percentage credit is a share of, when it resolved. */
  readonly charge: ChargeSymbol | null;
}

export interface ChargeModel {
  readonly file: string;
  readonly unit: Unit;
  readonly symbol: ChargeSymbol;
  readonly pays: Pays | null;
  readonly payer: PartySymbol | null;
  readonly payee: PartySymbol | null;
  readonly amounts: readonly AmountLine[];
  readonly scope: ScopeSymbol | null;
  readonly indexed: string | null;
  readonly cap: CreditCap | null;
  readonly clause: string | null;
  readonly notes: readonly string[];
}

/** One change a variation makes, with what it names. */
export type VariationChange =
  | { readonly kind: 'ends-exclusive'; readonly node: import('../syntax/ast').EndsExclusive; readonly holder: PartySymbol; readonly scope: ScopeSymbol }
  | { readonly kind: 'ends-open'; readonly node: import('../syntax/ast').EndsOpen; readonly scope: ScopeSymbol }
  | { readonly kind: 'ends'; readonly node: import('../syntax/ast').Ends; readonly target: NormSymbol | KpiSymbol | ChargeSymbol | BodySymbol }
  | { readonly kind: 'returns'; readonly node: import('../syntax/ast').Returns; readonly scope: ScopeSymbol; readonly to: PartySymbol | null };

export interface VariationModel {
  readonly file: string;
  readonly unit: Unit;
  readonly symbol: VariationSymbol;
  readonly node: Variation;
  /** The file of the partnership it varies: its own file unless `varies` names an import. Null when `varies` names nothing known. */
  readonly variedFile: string | null;
  readonly variedName: string | null;
  readonly agreed: DateLit | null;
  readonly effective: DateLit | null;
  /** The day the changes take effect (`effective`, else `agreed`); null when neither is a valid date. */
  readonly effectiveDay: number | null;
  /** `term to <date>`: the new last day of the term. */
  readonly termTo: DateLit | null;
  readonly changes: readonly VariationChange[];
  readonly clause: string | null;
  readonly notes: readonly string[];
}

export interface Approval {
  readonly unit: Unit;
  readonly node: Approves;
  readonly scope: ScopeSymbol;
}

export interface BodyModel {
  readonly file: string;
  readonly unit: Unit;
  readonly symbol: BodySymbol;
  readonly chair: PartySymbol | null;
  readonly members: readonly PartySymbol[];
  readonly approvals: readonly Approval[];
  readonly meets: Duration | null;
  readonly escalation: { readonly node: EscalatesTo; readonly body: BodySymbol } | null;
  readonly notes: readonly string[];
}

export interface FileModel {
  readonly file: string;
  readonly partnership: Partnership;
  readonly termNode: Term | null;
  /** The unit of the term line, when there is one. */
  readonly termUnit: Unit | null;
  /** The term, when written and valid; checks that need it skip files without one. */
  readonly term: Period | null;
  readonly grants: readonly Grant[];
  readonly opens: readonly OpenScope[];
  readonly interfaces: readonly InterfaceLink[];
  readonly norms: ChunkedList<NormModel>;
  readonly kpis: readonly KpiModel[];
  readonly bodies: readonly BodyModel[];
  readonly charges: readonly ChargeModel[];
  readonly variations: readonly VariationModel[];
  /** The partnership's own `note` lines. */
  readonly notes: readonly string[];
  readonly values: readonly ContractValue[];
  readonly objectives: readonly Objective[];
  /** The calendar line, when written. */
  readonly calendarNode: Calendar | null;
  /** Whose bank holidays working days skip (the default when none or an unknown one is written). */
  readonly calendar: CalendarName;
}

/** A charge's amount line is a fixed charge when its units are exactly `per year`, `per quarter` or `per month`. */
export function fixedPeriodOf(line: AmountLine): 'year' | 'quarter' | 'month' | null {
  if (line.per.length !== 1) return null;
  const word = line.per[0].text;
  return word === 'year' || word === 'quarter' || word === 'month' ? word : null;
}

/** The day a date stands for where it starts a period: a month's or a year's first day. */
export function validDay(date: DateLit | null): number | null {
  return date ? dayNumber(date.text) : null;
}

/** The day a date stands for where it ends a period or is a deadline: a month's or a year's last day. */
export function validEndDay(date: DateLit | null): number | null {
  return date ? lastDayNumber(date.text) : null;
}

/** The term when both dates are valid and in order (P301 and P302 report the others). */
export function termPeriod(term: Term | null): Period | null {
  if (!term) return null;
  const from = validDay(term.from);
  const to = validEndDay(term.to);
  if (from === null || to === null || to < from) return null;
  return { from, to };
}
