// The meaning of one file, with every reference resolved to its declaration and every period
// worked out as the brief defines it. Checks, the matrix and the export read this, not the
// syntax tree. Statements whose references do not resolve are left out (their P101 says why).
// Each unit's meaning is worked out on its own (unit-meaning.ts).

import type { BodySymbol, KpiSymbol, NormSymbol, PartySymbol, ScopeSymbol } from '../binding/symbols';
import type {
  Approves, DateLit, Every, Exclusive, Interface, Kpi, Measured, ModalValue, Norm, NormLine, Open, Partnership, QName, Target,
  Note, Term, Threshold, Unit,
} from '../syntax/ast';
import { dayNumber, type Period } from '../values/dates';

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

export interface NormModel {
  readonly file: string;
  /** The unit it is written in: its nodes count their offsets from the unit's start. */
  readonly unit: Unit;
  readonly symbol: NormSymbol;
  readonly node: Norm;
  readonly line: NormLine | null;
  readonly subject: PartySymbol | null;
  readonly modal: ModalValue | null;
  readonly verb: string | null;
  /** The work itself, when the object is a scope reference. */
  readonly objectScope: ScopeSymbol | null;
  /** The description, when the object is quoted. */
  readonly objectText: string | null;
  readonly beneficiary: PartySymbol | null;
  readonly scopeLine: ScopeSymbol | null;
  readonly accountable: PartySymbol | null;
  readonly consulted: readonly PartySymbol[];
  readonly informed: readonly PartySymbol[];
  readonly kpis: readonly KpiSymbol[];
  readonly due: DateLit | null;
  readonly every: Every | null;
  readonly otherwise: string | null;
  readonly clause: string | null;
  /** Its `note` lines, in order. */
  readonly notes: readonly string[];
  /** The days the norm applies; null when one of its dates is impossible. */
  readonly period: Period | null;
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
  readonly target: Target | null;
  readonly threshold: Threshold | null;
  readonly measured: Measured | null;
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
  readonly norms: readonly NormModel[];
  readonly kpis: readonly KpiModel[];
  readonly bodies: readonly BodyModel[];
  /** The partnership's own `note` lines. */
  readonly notes: readonly string[];
}

const NONE: readonly never[] = [];

/** The `note` lines among some statements, in order. */
export function notesIn(items: readonly { readonly kind: string }[]): readonly string[] {
  let notes: string[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.kind === 'Note') (notes ??= []).push((item as Note).text.value);
  }
  return notes ?? NONE;
}

export function validDay(date: DateLit | null): number | null {
  return date ? dayNumber(date.text) : null;
}

/** The term when both dates are valid and in order (P301 and P302 report the others). */
export function termPeriod(term: Term | null): Period | null {
  if (!term) return null;
  const from = validDay(term.from);
  const to = validDay(term.to);
  if (from === null || to === null || to < from) return null;
  return { from, to };
}
