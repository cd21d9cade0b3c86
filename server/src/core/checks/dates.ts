// P301 impossible dates, P302 periods that end before they start, P303 dates outside the term.
// A date flagged P301 and a period flagged P302 take part in no other check. Every date is
// judged by the day it stands for: a date that starts a period (`from`, a term's first date)
// by its first day, one that ends a period or is a deadline (`to`, `until`, `due`) by its last.

import { report } from '../diagnostics/catalog';
import type { FileModel, NormModel } from '../model/semantic';
import type { Anchor, DateLit, Due, Duration, Norm, Term, Unit } from '../syntax/ast';
import { placesOfKind, placesOfKinds } from '../syntax/unit-starts';
import { dateProblem, dayNumber, formatDay, lastDayNumber, type Period } from '../values/dates';
import { type CheckContext, kinds, type Owner, related, spanOf, type UnitKind } from './context';

/** Whether a date starts a period (judged by its first day) or ends one (by its last). */
type Edge = 'start' | 'end';

/** A date as written, where it is written, and which edge of a period it gives. */
interface Dated {
  readonly owner: Owner;
  readonly date: DateLit;
  readonly edge: Edge;
}

/** The term P303 judges dates against, and where it is written (for related information). */
export interface TermBounds {
  readonly period: Period;
  readonly owner: Owner;
  readonly node: Term;
}

const DATED_KINDS = ['Term', 'Exclusive', 'Kpi', 'Charge', 'Variation'] as const;
const DATED_AND_NORM_KINDS = [...DATED_KINDS, 'Norm'] as const;
const DATES_READ = kinds(...DATED_KINDS);
const DATES_AND_NORMS_READ = kinds(...DATED_AND_NORM_KINDS);

/** What `checkDates` reads: the units with dates of their own, and the norm units when some norm has no model. */
export function datesRead(model: FileModel): ReadonlySet<UnitKind> {
  return someNormUnmodelled(model) ? DATES_AND_NORMS_READ : DATES_READ;
}

/**
 * Whether a norm of the file has no model of its own (a second declaration of a name): its
 * dates are checked with the file's, the others norm by norm. Usually every norm has a model,
 * which the count tells; the places of the norm units are kept from edit to edit.
 */
function someNormUnmodelled(model: FileModel): boolean {
  const units = model.partnership.block?.units;
  return (units ? placesOfKind(units, 'Norm').length : 0) > model.norms.length;
}

export function checkDates(ctx: CheckContext, model: FileModel): void {
  const file = model.file;
  const term = termBounds(model);
  const units = model.partnership.block?.units;
  if (!units) return;
  const modelled = someNormUnmodelled(model) ? new Set<Norm>(model.norms.map((n) => n.node)) : null;
  // Only the units with dates of their own (and the norms when some has no model): their places
  // are kept from edit to edit, so the check visits a few hundred units, not every norm.
  for (const place of placesOfKinds(units, modelled ? DATED_AND_NORM_KINDS : DATED_KINDS)) {
    const unit = units.at(place);
    const owner = { file, unit };
    const item = unit.node;
    switch (item.kind) {
      case 'Term':
        impossible(ctx, owner, item.from);
        impossible(ctx, owner, item.to);
        reversed(ctx, owner, item.from, item.to, 'term');
        break;
      case 'Exclusive':
        judge(ctx, term, [dated(owner, item.from, 'start'), dated(owner, item.to, 'end')], reversed(ctx, owner, item.from, item.to, 'exclusive grant'));
        break;
      case 'Norm':
        if (modelled && !modelled.has(item)) checkNormLines(ctx, owner, item, term);
        break;
      case 'Kpi':
        for (const line of item.block?.items ?? []) if (line.kind === 'Target') judge(ctx, term, [dated(owner, line.from, 'start')], false);
        break;
      case 'Charge':
        for (const line of item.block?.items ?? []) {
          if (line.kind !== 'AmountLine') continue;
          judge(ctx, term, [dated(owner, line.from, 'start'), dated(owner, line.until, 'end')], reversed(ctx, owner, line.from, line.until, 'amount line'));
        }
        break;
      case 'Variation':
        // A variation's own dates are judged against the term it varies by its own check (P803).
        for (const line of item.block?.items ?? []) {
          if (line.kind === 'Agreed' || line.kind === 'Effective' || line.kind === 'TermTo') impossible(ctx, owner, line.date);
        }
        break;
    }
  }
}

/** The dates of one norm: its `due` date, its `from` and its `until`. */
export function checkNormDates(ctx: CheckContext, norm: NormModel, model: FileModel): void {
  const term = termBounds(model);
  // A norm that gives a date line twice has every date it writes judged from its lines.
  if (norm.repeatsDateLine) checkNormLines(ctx, norm, norm.node, term);
  else checkMeaningDates(ctx, norm, term);
  const deadline = norm.deadline;
  // A deadline counted from start or back from expiry is judged by the day it falls on.
  if (term && deadline?.node.duration && deadline.anchor?.kind === 'Anchor') countedBeyond(ctx, term, norm, deadline.node, deadline.day);
}

/**
 * The dates of a norm that gives each date line once, from its meaning, which found the lines
 * and the day of its deadline as it was made: the norm's lines are not read again, and its
 * deadline's date not worked out again. The same findings as `checkNormLines`.
 */
function checkMeaningDates(ctx: CheckContext, norm: NormModel, term: TermBounds | null): void {
  const deadline = norm.deadline;
  const due = deadline?.node.date ?? null;
  const from = norm.from?.at.kind === 'Date' ? norm.from.at : null;
  const until = norm.until?.at.kind === 'Date' ? norm.until.at : null;
  if (due === null && from === null && until === null) return;
  // The period ends on its `until`; without one, a norm with only a fixed deadline ends on it.
  const end = norm.until ? until : !norm.every && !norm.triggered ? due : null;
  const periodReversed = reversed(ctx, norm, from, end, norm.node);
  // The day of a `due` date is the deadline's (its last day, as `judgeOne` reads it).
  if (from === null && until === null) {
    judgeDay(ctx, term, norm, due!, deadline!.day, periodReversed);
    return;
  }
  // In the order written, as the lines are judged.
  const written = [due, from, until].filter((d): d is DateLit => d !== null).sort((a, b) => a.start - b.start);
  for (const date of written) {
    const day = date === due ? deadline!.day : date === from ? dayNumber(date.text) : lastDayNumber(date.text);
    judgeDay(ctx, term, norm, date, day, periodReversed);
  }
}

function checkNormLines(ctx: CheckContext, owner: Owner, norm: Norm, term: TermBounds | null): void {
  const lines = norm.block?.items;
  if (!lines) return;
  // The first `from`, `until` and `due` lines make the period, as in the norm's meaning.
  let from: DateLit | null | undefined;
  let until: DateLit | null | undefined;
  let due: DateLit | null | undefined;
  let every = false;
  let triggered = false;
  // By index: this runs for every norm as a contract opens, when a `for … of` loop still makes an object for each step.
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.kind === 'Due') {
      if (due === undefined) due = line.date;
      triggered ||= line.anchor?.kind === 'QName';
    } else if (line.kind === 'From') {
      if (line.at.kind === 'QName') triggered = true;
      if (from === undefined) from = line.at.kind === 'Date' ? line.at : null;
    } else if (line.kind === 'Until') {
      if (until === undefined) until = line.at.kind === 'Date' ? line.at : null;
    } else if (line.kind === 'Every') every = true;
    else if (line.kind === 'When') triggered = true;
  }
  // The period ends on its `until`; without one, a norm with only a fixed deadline ends on it.
  const end = until !== undefined ? until : !every && !triggered ? due : null;
  const periodReversed = reversed(ctx, owner, from ?? null, end ?? null, norm);
  // Each date, in the order written, judged where it stands: no list of them is made.
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.kind === 'Due') {
      if (line.date) judgeOne(ctx, term, owner, line.date, 'end', periodReversed);
    } else if (line.kind === 'From' || line.kind === 'Until') {
      if (line.at.kind === 'Date') judgeOne(ctx, term, owner, line.at, line.kind === 'From' ? 'start' : 'end', periodReversed);
    }
  }
}

const dated = (owner: Owner, date: DateLit | null, edge: Edge): Dated | null => (date ? { owner, date, edge } : null);

/** P301 for each impossible date of `dates`; P303 for the others, unless their period is reversed. */
function judge(ctx: CheckContext, term: TermBounds | null, dates: readonly (Dated | null)[], periodReversed: boolean): void {
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i];
    if (d) judgeOne(ctx, term, d.owner, d.date, d.edge, periodReversed);
  }
}

function judgeOne(ctx: CheckContext, term: TermBounds | null, owner: Owner, date: DateLit, edge: Edge, periodReversed: boolean): void {
  judgeDay(ctx, term, owner, date, edge === 'start' ? dayNumber(date.text) : lastDayNumber(date.text), periodReversed);
}

/** `judgeOne` for a date whose day (null: impossible) is known. */
function judgeDay(ctx: CheckContext, term: TermBounds | null, owner: Owner, date: DateLit, day: number | null, periodReversed: boolean): void {
  if (day === null) impossible(ctx, owner, date);
  else if (!periodReversed && term) beyond(ctx, term, owner, date, day);
}

function impossible(ctx: CheckContext, owner: Owner, d: DateLit): void {
  const problem = dateProblem(d.text);
  if (problem) ctx.emit(report('P301', spanOf(owner, d), { date: d.text, reason: problem }));
}

/** P302 when both dates are valid and `to`'s last day is before `from`'s first; says whether it was. */
/** `of`: what the period belongs to, in words, or the norm it belongs to (named only when reported). */
function reversed(ctx: CheckContext, owner: Owner, from: DateLit | null, to: DateLit | null, of: string | Norm): boolean {
  if (!from || !to) return false;
  const start = dayNumber(from.text);
  const end = lastDayNumber(to.text);
  if (start === null || end === null || end >= start) return false;
  const what = typeof of === 'string' ? of : `${of.keyword} \`${of.name.text}\``;
  ctx.emit(report('P302', spanOf(owner, to), { from: from.text, to: to.text, what }, {
    related: [related(owner, from, `The ${what} starts on ${from.text}`)],
  }));
  return true;
}

const bounds = new WeakMap<FileModel, TermBounds | null>();

/** The term of the file as written, when it is valid: one object per model, which every norm's check reads. */
function termBounds(model: FileModel): TermBounds | null {
  let found = bounds.get(model);
  if (found === undefined) {
    found = model.term && model.termNode ? { period: model.term, owner: { file: model.file, unit: model.termUnit as Unit | null }, node: model.termNode } : null;
    bounds.set(model, found);
  }
  return found;
}

/** P303 at the duration of `within … of start` or `… before expiry` when the day it gives (null: too far to count) is outside `term`. */
function countedBeyond(ctx: CheckContext, term: TermBounds, norm: NormModel, due: Due, day: number | null): void {
  const { from, to } = term.period;
  if (day !== null && day >= from && day <= to) return;
  const anchor = due.anchor as Anchor;
  const words = anchor.word === 'start' ? `${durationText(due.duration!)} after start` : `${durationText(due.duration!)} before expiry`;
  ctx.emit(report('P303', spanOf(norm, due.duration!), { date: `The deadline ${words}`, day: day === null ? 'more than ten thousand years away' : formatDay(day), from: formatDay(from), to: formatDay(to) }, {
    related: [related(term.owner, term.node, 'The partnership\'s term')],
  }));
}

/** P303 when the valid date `d`, standing for `day`, lies outside `term`. */
export function beyond(ctx: CheckContext, term: TermBounds, owner: Owner, d: DateLit, day: number): void {
  const { from, to } = term.period;
  if (day >= from && day <= to) return;
  // A month or a year is shown with the day it stands for here: `due 2006` is 2006-12-31.
  const written = formatDay(day) === d.text ? undefined : formatDay(day);
  ctx.emit(report('P303', spanOf(owner, d), { date: d.text, day: written, from: formatDay(from), to: formatDay(to) }, {
    related: [related(term.owner, term.node, 'The partnership\'s term')],
  }));
}

/** `10 working days`, `1 month`: a duration in words. */
function durationText(d: Duration): string {
  const unit = d.unit === 'working-day' ? 'working day' : d.unit;
  return `${d.count} ${unit}${d.count === 1 ? '' : 's'}`;
}
