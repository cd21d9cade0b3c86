// What every check family receives: the meaning of every file checked together, helpers to
// describe things in the document's own words, and the sink for its diagnostics.

import type { Diagnostic, FileSpan, RelatedInformation } from '../diagnostics/diagnostic';
import type { KpiSymbol, PartnershipSymbol, ScopeSymbol } from '../binding/symbols';
import type { FileModel, Grant, NormModel, OpenScope } from '../model/semantic';
import type { Program } from '../program/program';
import { qnameText } from '../syntax/ast';
import { formatDay, type Period } from '../values/dates';

export interface CheckContext {
  readonly program: Program;
  readonly models: readonly FileModel[];
  /** Every grant whose period is valid, from every file checked together. */
  readonly grants: readonly Grant[];
  /** The grants whose scope lies in the same scope tree as `scope`: the only ones that can touch it. */
  grantsNear(scope: ScopeSymbol): readonly Grant[];
  /** Every norm of every file checked together. */
  norms(): readonly NormModel[];
  /** `open` statements that are not themselves in error (P203). */
  validOpens(): readonly OpenScope[];
  /** Declarations some reference names (as its target). */
  referenced(): ReadonlySet<PartnershipSymbol>;
  /** KPIs some norm is `measured-by`. */
  measuredKpis(): ReadonlySet<KpiSymbol>;
  emit(diagnostic: Diagnostic): void;
}

/** A check family: runs on one file, reading the whole program as it needs. */
export type Check = (ctx: CheckContext, model: FileModel) => void;

export function spanOf(file: string, node: { start: number; end: number }): FileSpan {
  return { file, start: node.start, end: node.end };
}

export function related(file: string, node: { start: number; end: number }, message: string): RelatedInformation {
  return { file, start: node.start, end: node.end, message };
}

/** `SB holds exclusive rights over ICT.Core from 2006-04-01 to 2021-03-31 (clause 2.3.1)`. */
export function describeGrant(g: Grant): string {
  return `${qnameText(g.node.holder)} holds exclusive rights over ${qnameText(g.node.scope)} ${describePeriod(g.period)}${g.node.clause ? ` (clause ${g.node.clause.value})` : ''}`;
}

export function describePeriod(p: Period | null): string {
  if (!p) return '';
  if (p.from <= -1e9 && p.to >= 1e9) return 'at all times';
  if (p.from <= -1e9) return `until ${formatDay(p.to)}`;
  if (p.to >= 1e9) return `from ${formatDay(p.from)}`;
  if (p.from === p.to) return `on ${formatDay(p.from)}`;
  return `from ${formatDay(p.from)} to ${formatDay(p.to)}`;
}
