// When a norm applies, in the words of the matrix's "When" column: `every 6 months from
// 2006-10-01`, `by 2015-11`, `when BreachNotice`, `within 10 working days of BreachNotice`,
// `12 months before expiry (2020-03-31)`. Dates are shown as written; a day worked out (a
// deadline counted from the term's ends) follows in brackets. Only a standing obligation (no
// deadline, no `every`, no event) applies "throughout the term".

import type { NormModel } from '../model/semantic';
import { countBack } from '../model/norm-meaning';
import type { Duration } from '../syntax/ast';
import { qnameText } from '../syntax/ast';
import type { CalendarName } from '../values/bank-holidays';
import { formatDay } from '../values/dates';
import { describeDuration } from '../services/describe';

/** `10 working days`, `1 month`: the hover's words. */
export const durationWords = (d: Pick<Duration, 'count' | 'unit'>): string => describeDuration(d);

/** `every month`, `every 3 months`. */
export function everyWords(d: Duration): string {
  // `every month` rather than `every 1 month`.
  return d.count === 1 ? `every ${durationWords(d).slice(2)}` : `every ${durationWords(d)}`;
}

/** What the matrix needs beyond the norm: the term's last day as varied, and the calendar. */
export interface WhenContext {
  readonly termEnd: number | null;
  readonly calendar: CalendarName;
}

/**
 * The words of each norm's "When", with the context they were made in: a norm's model is made
 * anew whenever anything it says may have changed, so the words stand while the context does.
 */
const words = new WeakMap<NormModel, { readonly context: WhenContext; readonly text: string }>();

/**
 * `keep` false: the words are made and not kept (the command line writes each row once, and a
 * large contract's words for every norm would stay in memory to the end).
 */
export function whenOf(norm: NormModel, context: WhenContext, keep = true): string {
  const known = words.get(norm);
  if (known && known.context.termEnd === context.termEnd && known.context.calendar === context.calendar) return known.text;
  const text = whenWords(norm, context);
  if (keep) words.set(norm, { context, text });
  return text;
}

function whenWords(norm: NormModel, context: WhenContext): string {
  const parts: string[] = [];
  const deadline = norm.deadline;
  const due = deadline?.node;
  // A deadline counted from an event says the event itself; `when` adds only the others.
  const countedFrom = due?.anchor?.kind === 'QName' ? qnameText(due.anchor) : null;
  const events = (norm.node.block?.items ?? []).flatMap((i) => (i.kind === 'When' ? i.events.map(qnameText) : [])).filter((e) => e !== countedFrom);
  if (events.length > 0) parts.push(`when ${[...new Set(events)].join(' or ')}`);
  const from = norm.from ? `from ${norm.from.at.kind === 'Date' ? norm.from.at.text : norm.from.at.kind === 'Anchor' ? norm.from.at.word : qnameText(norm.from.at)}` : '';
  const until = norm.until ? `until ${norm.until.at.kind === 'Date' ? norm.until.at.text : 'expiry'}` : '';
  if (norm.every) {
    // One phrase, as the lines read together: `every 1 month from GoLive until 2016-03`.
    const start = from || (due?.date ? `from ${due.date.text}` : '');
    parts.push([everyWords(norm.every.duration), start, until].filter(Boolean).join(' '));
  }
  if (due && !(norm.every && due.date)) {
    if (due.date) parts.push(`by ${due.date.text}`);
    else if (due.duration && due.anchor?.kind === 'Anchor' && due.anchor.word === 'expiry') {
      const day = context.termEnd === null ? null : countBack(context.termEnd, due.duration, context.calendar);
      parts.push(`${durationWords(due.duration)} before expiry${day === null ? '' : ` (${formatDay(day)})`}`);
    } else if (due.duration && due.anchor) {
      const anchor = due.anchor.kind === 'Anchor' ? due.anchor.word : qnameText(due.anchor);
      const day = due.anchor.kind === 'Anchor' && deadline?.day != null ? ` (${formatDay(deadline.day)})` : '';
      parts.push(`within ${durationWords(due.duration)} of ${anchor}${day}`);
    }
  }
  if (!norm.every) parts.push(...[from, until].filter(Boolean));
  if (norm.notice) parts.push(`on ${durationWords(norm.notice)}’ notice`);
  if (parts.length === 0 || (parts.length === 1 && norm.notice)) {
    if (norm.node.keyword === 'obligation') parts.unshift('throughout the term');
  }
  return parts.join(', ');
}
