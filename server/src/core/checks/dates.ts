// P301 impossible dates, P302 periods that end before they start, P303 dates outside the term.
// A date flagged P301 and a period flagged P302 take part in no other check.

import { report } from '../diagnostics/catalog';
import type { FileModel, NormModel } from '../model/semantic';
import type { DateLit, Norm } from '../syntax/ast';
import { dateProblem, dayNumber, formatDay } from '../values/dates';
import { type CheckContext, type Owner, related, spanOf } from './context';

export function checkDates(ctx: CheckContext, model: FileModel): void {
  const file = model.file;
  const inBrokenPeriod = new Set<DateLit>();
  const outsideTerm: Dated[] = [];
  const dates: Dated[] = [];

  const period = (owner: Owner, from: DateLit | null, to: DateLit | null, what: string): void => {
    if (!valid(from) || !valid(to) || dayNumber(to.text)! >= dayNumber(from.text)!) return;
    inBrokenPeriod.add(from).add(to);
    ctx.emit(report('P302', spanOf(owner, to), { from: from.text, to: to.text, what }, {
      related: [related(owner, from, `The ${what} starts on ${from.text}`)],
    }));
  };

  let normCount = 0;
  const units = model.partnership.block?.units ?? [];
  for (const unit of units) {
    const item = unit.node;
    const owner = { file, unit };
    if (item.kind === 'Term') {
      dates.push({ owner, date: item.from }, { owner, date: item.to });
      period(owner, item.from, item.to, 'term');
    } else if (item.kind === 'Exclusive') {
      for (const date of [item.from, item.to]) {
        if (!date) continue;
        dates.push({ owner, date });
        outsideTerm.push({ owner, date });
      }
      period(owner, item.from, item.to, 'exclusive grant');
    } else if (item.kind === 'Norm') {
      normCount++;
    }
  }
  // A norm with no model of its own (a second declaration of a name) has its dates checked
  // here; the others norm by norm. Usually every norm has a model, which the count tells.
  if (normCount > model.norms.length) {
    const modelled = new Set<Norm>(model.norms.map((n) => n.node));
    for (const unit of units) {
      const item = unit.node;
      if (item.kind !== 'Norm' || modelled.has(item)) continue;
      for (const date of normDates(item)) {
        dates.push({ owner: { file, unit }, date });
        outsideTerm.push({ owner: { file, unit }, date });
      }
    }
  }
  for (const d of dates) impossible(ctx, d.owner, d.date);
  for (const d of outsideTerm) if (!inBrokenPeriod.has(d.date) && valid(d.date)) beyond(ctx, model, d.owner, d.date, dayNumber(d.date.text)!);
}

/** A date and where it is written. */
interface Dated {
  readonly owner: Owner;
  readonly date: DateLit;
}

/** The dates of one norm: its `due` date and the start of its `every`. */
export function checkNormDates(ctx: CheckContext, norm: NormModel, model: FileModel): void {
  const lines = norm.node.block?.items;
  if (!lines) return;
  // Checked for every norm: each date is looked up once, and no list of dates is made.
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const date = line.kind === 'Due' ? line.date : line.kind === 'From' || line.kind === 'Until' ? (line.at.kind === 'Date' ? line.at : null) : null;
    if (!date) continue;
    const day = dayNumber(date.text);
    if (day === null) impossible(ctx, norm, date);
    else beyond(ctx, model, norm, date, day);
  }
}

function normDates(norm: Norm): DateLit[] {
  const dates: DateLit[] = [];
  for (const line of norm.block?.items ?? []) {
    if (line.kind === 'Due' && line.date) dates.push(line.date);
    else if ((line.kind === 'From' || line.kind === 'Until') && line.at.kind === 'Date') dates.push(line.at);
  }
  return dates;
}

const valid = (d: DateLit | null): d is DateLit => d !== null && dateProblem(d.text) === null;

function impossible(ctx: CheckContext, owner: Owner, d: DateLit): void {
  const problem = dateProblem(d.text);
  if (problem) ctx.emit(report('P301', spanOf(owner, d), { date: d.text, reason: problem }));
}

/** P303 when the valid date `d`, on `day`, lies outside the partnership's term. */
function beyond(ctx: CheckContext, model: FileModel, owner: Owner, d: DateLit, day: number): void {
  const term = model.term;
  if (!term || !model.termNode) return;
  if (day >= term.from && day <= term.to) return;
  ctx.emit(report('P303', spanOf(owner, d), { date: d.text, from: formatDay(term.from), to: formatDay(term.to) }, {
    related: [related({ file: model.file, unit: model.termUnit }, model.termNode, 'The partnership\'s term')],
  }));
}
