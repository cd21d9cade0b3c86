// Every dated item of the ledger (ledger.md, `partnership calendar`): obligation occurrences
// (those whose events are in results files too), the term's first and last day, grants
// starting and ending, variations taking effect, and the last day of each KPI measurement
// period. Each item has a UID made of what it is, so the same item keeps it from run to run.

import type { NormModel } from '../model/semantic';
import { formatDay } from '../values/dates';
import type { Ledger } from './ledger';

export type CalendarKind = 'obligation-due' | 'term-start' | 'term-end' | 'grant-start' | 'grant-end' | 'variation' | 'period-end';

export interface CalendarItem {
  readonly uid: string;
  readonly date: string;
  readonly kind: CalendarKind;
  readonly partnership: string;
  /** The declaration it belongs to (a norm, a KPI, a variation, a grant's holder), or the partnership's name. */
  readonly name: string;
  readonly summary: string;
  readonly description: string;
  /** The note of the results row behind the item (the event that started an occurrence). */
  readonly note?: string;
  readonly file: string;
}

export interface CalendarRange {
  readonly from?: number;
  readonly to?: number;
}

export function calendarItems(ledger: Ledger, range: CalendarRange = {}): CalendarItem[] {
  const items: CalendarItem[] = [];
  const seen = new Map<string, number>();
  for (const e of ledger.evaluate(null)) {
    const { model, term, displayFile } = e.source;
    const partnership = model.partnership.name.text;
    const who = model.partnership.title?.value || partnership;
    const add = (day: number, kind: CalendarKind, name: string, summary: string, description: string, note?: string): void => {
      if ((range.from !== undefined && day < range.from) || (range.to !== undefined && day > range.to)) return;
      const date = formatDay(day);
      const key = `${kind}.${partnership}.${name}.${date}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      items.push({ uid: `${key}${n > 1 ? '.' + n : ''}@partnership-language-tools`, date, kind, partnership, name, summary, description, ...(note ? { note } : {}), file: displayFile });
    };
    add(term.from, 'term-start', partnership, `Term of ${who} starts`, `${partnership}: the term runs from ${formatDay(term.from)} to ${formatDay(term.to)}.`);
    add(term.to, 'term-end', partnership, `Term of ${who} ends`, `${partnership}: the last day of the term (as varied).`);
    for (const g of model.grants) {
      if (!g.period) continue;
      const what = `${g.holder.name} holds ${g.scope.path} exclusively`;
      add(g.period.from, 'grant-start', `${g.holder.name}.${g.scope.path}`, `Exclusive grant starts: ${what}`, `${partnership}: ${what} from ${formatDay(g.period.from)}.`);
      add(g.period.to, 'grant-end', `${g.holder.name}.${g.scope.path}`, `Exclusive grant ends: ${what}`, `${partnership}: ${what} until ${formatDay(g.period.to)}.`);
    }
    for (const v of model.variations) {
      if (v.effectiveDay === null) continue;
      add(v.effectiveDay, 'variation', v.symbol.name, `Variation ${v.symbol.name} takes effect: ${v.symbol.title ?? ''}`.trim(), `${partnership}: ${v.symbol.title ?? v.symbol.name}${v.clause ? ` (clause ${v.clause})` : ''}.`);
    }
    for (const o of e.obligations) {
      const title = o.norm.symbol.title ?? o.norm.objectText ?? '';
      const summary = `${o.norm.symbol.name} due: ${title} for ${who}`;
      const line = normLine(o.norm);
      for (const x of o.occurrences) {
        if (x.draft.due === null) continue;
        add(x.draft.due, 'obligation-due', o.norm.symbol.name, summary, x.draft.trigger ? `${line} Arises on ${x.draft.trigger}.` : line, x.draft.triggerNote);
      }
    }
    for (const k of e.kpis) {
      for (const p of k.periods) {
        add(p.period.to, 'period-end', k.symbol.name, `${k.symbol.name} period ends: ${k.symbol.title ?? ''} for ${who}`.trim(), `${partnership}: the measurement period ${formatDay(p.period.from)} to ${formatDay(p.period.to)} of ${k.symbol.name} ends.`);
      }
    }
  }
  return items.sort((a, b) => cmp(a.date, b.date) || cmp(a.uid, b.uid));
}

/** The norm's line in words, with its clause: `SB must deliver "an operational plan" to BCC (clause R01).` */
function normLine(norm: NormModel): string {
  const object = norm.objectText !== null ? `"${norm.objectText}"` : norm.objectScope?.path ?? '';
  const to = norm.beneficiaries.length > 0 ? ` to ${norm.beneficiaries.map((b) => b.name).join(', ')}` : '';
  const line = [norm.subjects.map((s) => s.name).join(', '), norm.modal ?? '', norm.verb ?? '', object].filter((x) => x).join(' ') + to;
  return `${line}${norm.clause ? ` (clause ${norm.clause})` : ''}.`;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
