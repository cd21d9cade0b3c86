// What every check family receives: the file it checks, read-only; the declared lookups into
// every file checked together; helpers to describe things in the document's own words; and
// the sink for its diagnostics.

import type { Declarations } from '../binding/declare';
import type { Diagnostic, FileSpan, RelatedInformation } from '../diagnostics/diagnostic';
import type { ProgramLookup } from '../facts/lookups';
import type { FileModel, Grant, NormModel } from '../model/semantic';
import { qnameText, type Unit } from '../syntax/ast';
import { formatDay, type Period } from '../values/dates';

/** What a check sees of the file it checks. */
export interface CheckInput {
  readonly file: string;
  readonly text: string;
  readonly declarations: Declarations;
}

export interface CheckContext {
  /** The file being checked. A check reads other files only through `read`. */
  readonly input: CheckInput;
  /** Facts from every file checked together, looked up by the declaration they concern. */
  read<K, V>(lookup: ProgramLookup<K, V>, key: K): V;
  emit(diagnostic: Diagnostic): void;
}

/** A check of one file, reading the rest of the program through its queries. */
export type Check = (ctx: CheckContext, model: FileModel) => void;

/**
 * A check of one norm of a file. It reads other statements only through its context's queries,
 * and reports only in the norm's own file, so its result can be kept for a norm an edit did not
 * touch while what it looked up is unchanged.
 */
export type NormCheck = (ctx: CheckContext, norm: NormModel, model: FileModel) => void;

/**
 * A check of one unit alone (a party's role, a declaration's titles): it reads nothing else,
 * so its findings are kept by the unit's identity for as long as the unit stands.
 */
export type UnitCheck = (ctx: { readonly file: string; emit(diagnostic: Diagnostic): void }, unit: Unit) => void;

/** A family of checks: what it checks once per file, once per unit, and once per norm. */
export interface CheckFamily {
  readonly name: string;
  readonly file?: Check;
  readonly unit?: UnitCheck;
  /**
   * The kinds of unit the unit check finds anything in: it is given only those. Absent: every
   * unit (a declaration's titles, which every kind of declaration has).
   */
  readonly unitKinds?: ReadonlySet<UnitKind>;
  readonly norm?: NormCheck;
  /**
   * The kinds of statement whose units the file check reads, through the model, the
   * declarations or the text, given a model of the file; null when it reads the whole file.
   * Its findings are kept while no unit of those kinds changed, nor the partnership's name or
   * title, nor any lookup it made (checks/file-results.ts). Absent: it runs again whenever the
   * file's model is new.
   */
  readonly fileReads?: (model: FileModel) => ReadonlySet<UnitKind> | null;
}

/** The kind of a top-level statement. */
export type UnitKind = Unit['node']['kind'];

/** The kinds a file check reads, as a set. */
export function kinds(...list: UnitKind[]): ReadonlySet<UnitKind> {
  return new Set(list);
}

/** Where a node is written: its file and, for a node inside a unit, the unit its offsets count from. */
export interface Owner {
  readonly file: string;
  readonly unit?: Unit | null;
}

export function spanOf(owner: Owner, node: { start: number; end: number }): FileSpan {
  return owner.unit ? { file: owner.file, unit: owner.unit, start: node.start, end: node.end } : { file: owner.file, start: node.start, end: node.end };
}

export function related(owner: Owner, node: { start: number; end: number }, message: string): RelatedInformation {
  return { ...spanOf(owner, node), message };
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
