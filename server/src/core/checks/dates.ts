// P301 impossible dates, P302 periods that end before they start, P303 dates outside the term.
// A date flagged P301 and a period flagged P302 take part in no other check.

import { report } from '../diagnostics/catalog';
import type { FileModel } from '../model/semantic';
import type { DateLit } from '../syntax/ast';
import { dateProblem, dayNumber, formatDay } from '../values/dates';
import { type CheckContext, related, spanOf } from './context';

export function checkDates(ctx: CheckContext, model: FileModel): void {
  {
    const file = model.file;
    const valid = (d: DateLit | null): d is DateLit => d !== null && dateProblem(d.text) === null;
    const inBrokenPeriod = new Set<DateLit>();
    const outsideTerm: DateLit[] = [];

    const period = (from: DateLit | null, to: DateLit | null, what: string): void => {
      if (!valid(from) || !valid(to) || dayNumber(to.text)! >= dayNumber(from.text)!) return;
      inBrokenPeriod.add(from).add(to);
      ctx.emit(report('P302', spanOf(file, to), { from: from.text, to: to.text, what }, {
        related: [related(file, from, `The ${what} starts on ${from.text}`)],
      }));
    };

    const dates: DateLit[] = [];
    for (const item of model.partnership.block?.items ?? []) {
      if (item.kind === 'Term') {
        dates.push(item.from, item.to);
        period(item.from, item.to, 'term');
      } else if (item.kind === 'Exclusive') {
        if (item.from) dates.push(item.from);
        if (item.to) dates.push(item.to);
        period(item.from, item.to, 'exclusive grant');
        outsideTerm.push(...[item.from, item.to].filter((d): d is DateLit => d !== null));
      } else if (item.kind === 'Norm') {
        for (const line of item.block?.items ?? []) {
          if (line.kind === 'Due') {
            dates.push(line.date);
            outsideTerm.push(line.date);
          } else if (line.kind === 'Every' && line.from) {
            dates.push(line.from);
            outsideTerm.push(line.from);
          }
        }
      }
    }
    for (const d of dates) {
      const problem = dateProblem(d.text);
      if (problem) ctx.emit(report('P301', spanOf(file, d), { date: d.text, reason: problem }));
    }
    const term = model.term;
    if (!term || !model.termNode) return;
    for (const d of outsideTerm) {
      if (!valid(d) || inBrokenPeriod.has(d)) continue;
      const day = dayNumber(d.text)!;
      if (day >= term.from && day <= term.to) continue;
      ctx.emit(report('P303', spanOf(file, d), { date: d.text, from: formatDay(term.from), to: formatDay(term.to) }, {
        related: [related(file, model.termNode, 'The partnership\'s term')],
      }));
    }
  }
}
