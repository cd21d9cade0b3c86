// The meaning of one norm: its parties, its lines and the days it applies, as the brief's
// rules give them from the norm alone and the term as written. What a variation changes is
// applied later (model/varied.ts), so a norm's meaning never depends on another file.

import type { EventSymbol, KpiSymbol, NormSymbol, PartySymbol, ScopeSymbol } from '../binding/symbols';
import type { Anchor, DateLit, Due, Duration, Every, From, Norm, NormLine, Quantity, Unit, Until } from '../syntax/ast';
import type { CalendarName } from '../values/bank-holidays';
import { ALL_TIME, type Period } from '../values/dates';
import { addDuration, subtractDuration } from '../values/durations';
import type { ReferenceReader } from './references';
import { validDay, validEndDay } from './semantic';
import { type Deadline, NormModel } from './norm-model';

const NONE: readonly never[] = [];

/** The term as the meaning of a unit sees it: its days as written and its calendar. */
export interface TermContext {
  readonly bounds: Period;
  readonly calendar: CalendarName;
}

export function normModel(file: string, unit: Unit, symbol: NormSymbol, node: Norm, term: TermContext, refs: ReferenceReader): NormModel {
  const lines = node.block?.items ?? NONE;
  let line: NormLine | null = null;
  let due: Due | null = null;
  let every: Every | null = null;
  let from: From | null = null;
  let until: Until | null = null;
  let repeatsDateLine = false;
  let when: readonly EventSymbol[] | undefined;
  let hasWhen = false;
  let amount: Quantity | null = null;
  let accountable: PartySymbol | null = null;
  let scopeLine: ScopeSymbol | null = null;
  let consulted: readonly PartySymbol[] | undefined;
  let informed: readonly PartySymbol[] | undefined;
  let kpis: readonly KpiSymbol[] | undefined;
  let subjects: readonly PartySymbol[] | undefined;
  let objectScope: ScopeSymbol | null = null;
  let beneficiaries: readonly PartySymbol[] | undefined;
  let anchor: EventSymbol | NormSymbol | Anchor | null = null;
  let fromEvent = false;
  // References are looked up in the order they are written, which is the order they are kept in.
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    switch (l.kind) {
      case 'NormLine':
        if (line) break;
        line = l;
        subjects = refs.targets(subjects, l.subjects, 'party');
        objectScope = l.object.kind === 'QName' ? refs.target(l.object, 'scope') : null;
        beneficiaries = refs.targets(beneficiaries, l.beneficiaries, 'party');
        break;
      case 'Due':
        if (due) {
          repeatsDateLine = true;
          break;
        }
        due = l;
        if (l.anchor?.kind === 'QName') anchor = refs.target(l.anchor, 'event') ?? refs.target(l.anchor, 'norm');
        else anchor = l.anchor;
        break;
      case 'Every':
        every ??= l;
        break;
      case 'From':
        if (from) {
          repeatsDateLine = true;
          break;
        }
        from = l;
        // A `from` that names an event, known or not, makes the norm arise on it.
        if (l.at.kind === 'QName') {
          refs.target(l.at, 'event');
          fromEvent = true;
        }
        break;
      case 'Until':
        if (until) repeatsDateLine = true;
        else until = l;
        break;
      case 'When':
        hasWhen = true;
        when = refs.targets(when, l.events, 'event');
        break;
      case 'NormAmount':
        amount ??= l.amount;
        break;
      case 'Accountable':
        accountable ??= refs.target(l.party, 'party');
        break;
      case 'Consulted':
        consulted = refs.targets(consulted, l.parties, 'party');
        break;
      case 'Informed':
        informed = refs.targets(informed, l.parties, 'party');
        break;
      case 'ScopeLine':
        scopeLine ??= refs.target(l.scope, 'scope');
        break;
      case 'MeasuredBy':
        kpis = refs.targets(kpis, l.kpis, 'kpi');
        break;
    }
  }
  const deadline = due ? deadlineOf(due, anchor, term) : null;
  // A deadline counted from an event or from an obligation, or from an unknown name, arises on it.
  const countedFromOccurrence = deadline?.form === 'within' && (deadline.anchor === null || deadline.anchor.kind !== 'Anchor');
  const triggered = hasWhen || fromEvent || countedFromOccurrence;
  const timing = periodOf(deadline, every, from, until, triggered, term);
  return new NormModel({
    file,
    unit,
    symbol,
    node,
    line,
    subjects: subjects ?? NONE,
    objectScope,
    beneficiaries: beneficiaries ?? NONE,
    scopeLine,
    accountable,
    consulted: consulted ?? NONE,
    informed: informed ?? NONE,
    kpis: kpis ?? NONE,
    deadline,
    every,
    from,
    until,
    repeatsDateLine,
    when: when ?? NONE,
    triggered,
    amount,
    period: timing.period,
    followsExpiry: timing.followsExpiry,
  });
}

function deadlineOf(node: Due, anchor: EventSymbol | NormSymbol | Anchor | null, term: TermContext): Deadline {
  if (node.date) return { node, form: 'date', anchor: null, day: validEndDay(node.date) };
  const duration = node.duration!;
  // Without a term there is no start or expiry to count from.
  const known = term.bounds.from > ALL_TIME.from && term.bounds.to < ALL_TIME.to;
  if (anchor?.kind === 'Anchor' && anchor.word === 'expiry') {
    return { node, form: 'before-expiry', anchor, day: known ? countBack(term.bounds.to, duration, term.calendar) : null };
  }
  if (anchor?.kind === 'Anchor' && anchor.word === 'start') {
    return { node, form: 'within', anchor, day: known ? countOn(term.bounds.from, duration, term.calendar) : null };
  }
  return { node, form: 'within', anchor, day: null };
}

/** Days a duration may span at most: ten thousand years. A longer one has no day (a count such as 999999999 working days). */
const LONGEST_SPAN_DAYS = 3_652_425;

const DAYS_PER_UNIT: Readonly<Record<Duration['unit'], number>> = {
  minute: 1 / 1440, hour: 1 / 24, day: 1, week: 7, month: 31, year: 366, 'working-day': 7 / 5,
};

/** The day a duration after `day` (minutes and hours count as the part of a day they take); null when it spans too long to count. */
export function countOn(day: number, d: Pick<Duration, 'count' | 'unit'>, calendar: CalendarName): number | null {
  if (d.count * DAYS_PER_UNIT[d.unit] > LONGEST_SPAN_DAYS) return null;
  if (d.unit === 'minute' || d.unit === 'hour') return day + Math.ceil(d.count / (d.unit === 'hour' ? 24 : 1440));
  return addDuration(day, d.count, d.unit, calendar);
}

export function countBack(day: number, d: Pick<Duration, 'count' | 'unit'>, calendar: CalendarName): number | null {
  if (d.count * DAYS_PER_UNIT[d.unit] > LONGEST_SPAN_DAYS) return null;
  if (d.unit === 'minute' || d.unit === 'hour') return day - Math.ceil(d.count / (d.unit === 'hour' ? 24 : 1440));
  return subtractDuration(day, d.count, d.unit, calendar);
}

const dayOfFrom = (from: From | null, term: TermContext): number | null | undefined => {
  if (!from) return undefined;
  if (from.at.kind === 'Date') return validDay(from.at);
  if (from.at.kind === 'Anchor') return term.bounds.from;
  return undefined; // an event: the window opens with the term
};

const dayOfUntil = (until: Until | null, term: TermContext): number | null | undefined => {
  if (!until) return undefined;
  return until.at.kind === 'Date' ? validEndDay(until.at as DateLit) : term.bounds.to;
};

/**
 * The brief's rules. With `every`: from its `from` (else the due date, else the term's first
 * day) to its `until` (else the term's last day). With only a fixed deadline: that day, or
 * from its `from` to that day. Otherwise (a standing duty, or one triggered by an event or
 * counted from one): from its `from` (else the term's first day) to its `until` (else the
 * term's last day). `until expiry` and a defaulted end follow the term as varied.
 */
function periodOf(deadline: Deadline | null, every: Every | null, from: From | null, until: Until | null, triggered: boolean, term: TermContext): { period: Period | null; followsExpiry: NormModel['followsExpiry'] } {
  const start = dayOfFrom(from, term);
  const end = dayOfUntil(until, term);
  if (start === null || end === null) return { period: null, followsExpiry: 'none' };
  const endFollows = end === undefined || (until !== null && until.at.kind === 'Anchor');
  if (deadline?.form === 'date' && deadline.day === null) return { period: null, followsExpiry: 'none' };
  const fixedDay = !triggered && deadline && deadline.day !== null ? deadline.day : undefined;
  // A written `from` date after the written day that ends the period is P302: no period.
  const writtenEnd = until?.at.kind === 'Date' ? end : until === null && !every && deadline?.form === 'date' ? fixedDay : undefined;
  if (from?.at.kind === 'Date' && start !== undefined && writtenEnd !== undefined && writtenEnd < start) return { period: null, followsExpiry: 'none' };
  if (every) {
    return { period: { from: start ?? fixedDay ?? term.bounds.from, to: end ?? term.bounds.to }, followsExpiry: endFollows ? 'end' : 'none' };
  }
  if (fixedDay !== undefined) {
    return { period: { from: start ?? fixedDay, to: fixedDay }, followsExpiry: deadline!.form === 'before-expiry' ? 'deadline' : 'none' };
  }
  return { period: { from: start ?? term.bounds.from, to: end ?? term.bounds.to }, followsExpiry: endFollows ? 'end' : 'none' };
}
