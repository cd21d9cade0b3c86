// The meaning of the language's constructs in plain words: a norm's timing ("due within 10
// working days of Notice of material breach (clause 40.1)"), amounts of money ("£100m a year
// from 2011-04-01"), targets ("at least 99.8% from 2009-04-01"), a variation's changes. Dates
// are shown as written (`by 2015-11`), money as a person writes it (`£35`, `EUR 2m`). Every
// function returns plain text, never markup: hovers escape it, the matrix renderers escape it
// their own way. Nothing here reads other files; a name the model does not resolve itself is
// asked of `nameOf`, else shown as written.

import type { ChargeSymbol, EventSymbol, NormSymbol, PartnershipSymbol } from '../binding/symbols';
import type { ChargeModel, CreditModel, NormModel, VariationChange, VariationModel } from '../model/semantic';
import { fixedPeriodOf } from '../model/semantic';
import type { AmountLine, Anchor, Comparator, CreditCap, DateLit, Duration, DurationUnit, Measured, Party, QName, Quantity, Target, Threshold } from '../syntax/ast';
import { qnameText } from '../syntax/ast';
import { formatDay } from '../values/dates';

/** What a name written in a statement refers to, when the caller knows (else null: the name as written). */
export type NameOf = (q: QName) => PartnershipSymbol | null;

const UNKNOWN: NameOf = () => null;

const UNIT_WORDS: Readonly<Record<DurationUnit, readonly [string, string]>> = {
  minute: ['minute', 'minutes'],
  hour: ['hour', 'hours'],
  day: ['day', 'days'],
  week: ['week', 'weeks'],
  month: ['month', 'months'],
  year: ['year', 'years'],
  'working-day': ['working day', 'working days'],
};

/** A date as written: `2015-11`, `2006`, `2011-04-01`. */
export function describeDate(date: DateLit): string {
  return date.text;
}

/** `10 working days`, `1 month`, `12 months`. */
export function describeDuration(d: Pick<Duration, 'count' | 'unit'>): string {
  const [one, many] = UNIT_WORDS[d.unit];
  return `${d.count} ${d.count === 1 ? one : many}`;
}

/** A value as a person writes it: `£100m`, `EUR 2m`, `99.5%`, `4 hours`, `20`. */
export function describeQuantity(q: Quantity): string {
  const amount = q.digits + (q.scale ?? '');
  switch (q.unit) {
    case 'percent':
      return amount + '%';
    case 'money':
      return q.currency === 'GBP' ? '£' + amount : `${q.currency} ${amount}`;
    case 'duration':
      return q.duration ? describeDuration({ count: Number(q.digits), unit: q.duration }) : amount;
    default:
      return amount;
  }
}

const COMPARATOR_WORDS: Readonly<Record<Comparator['op'], string>> = {
  '>=': 'at least',
  '<=': 'at most',
  '>': 'above',
  '<': 'below',
  '=': 'exactly',
};

/** `at least 99.5%`, `above 8 hours`. */
export function describeComparison(comparator: Comparator, value: Quantity): string {
  return `${COMPARATOR_WORDS[comparator.op]} ${describeQuantity(value)}`;
}

/** The units a fixed amount is counted in read `a year`; others `per seat per month`. */
const SINGLE_PERIODS = new Set(['year', 'quarter', 'month', 'week', 'day', 'hour']);

/** An amount line: `£100m a year from 2011-04-01`, `£35 per seat per month`, `EUR 2m a year`. */
export function describeAmount(line: AmountLine): string {
  const per = line.per.length === 1 && SINGLE_PERIODS.has(line.per[0].text) ? ` a ${line.per[0].text}` : line.per.map((w) => ` per ${w.text}`).join('');
  const from = line.from ? ` from ${describeDate(line.from)}` : '';
  const until = line.until ? ` until ${describeDate(line.until)}` : '';
  return `${describeQuantity(line.amount)}${per}${from}${until}`;
}

/** An event by its title and clause: `Notice of material breach (clause 40.1)`. */
export function describeEvent(event: EventSymbol): string {
  const clause = event.decl.clause ? ` (clause ${event.decl.clause.value})` : '';
  return `${event.title ?? event.name}${clause}`;
}

/** What a deadline or a period counts from or to: an event, an obligation being done, or a day of the term. */
function describeAnchor(anchor: EventSymbol | NormSymbol | Anchor | PartnershipSymbol | null, written: string): string {
  if (!anchor) return written;
  if (anchor.kind === 'Anchor') return anchor.word;
  if (anchor.kind === 'event') return describeEvent(anchor);
  if (anchor.kind === 'norm') return `${anchor.title ?? anchor.name} being done`;
  return anchor.title ?? anchor.name;
}

/**
 * A norm's deadline: `due by 2015-11`, `due within 10 working days of Notice of material
 * breach (clause 40.1)`, `due 12 months before expiry (2020-03-31)`, `due within 3 months of
 * start (2006-07-01)`; null without one. The day in brackets is the one the deadline stands
 * for in the term as written.
 */
export function describeDeadline(norm: NormModel): string | null {
  const deadline = norm.deadline;
  if (!deadline) return null;
  const { node } = deadline;
  if (node.date) return `due by ${describeDate(node.date)}`;
  if (!node.duration) return null;
  const day = deadline.day !== null ? ` (${formatDay(deadline.day)})` : '';
  const duration = describeDuration(node.duration);
  if (deadline.form === 'before-expiry') return `due ${duration} before expiry${day}`;
  const written = node.anchor ? (node.anchor.kind === 'Anchor' ? node.anchor.word : qnameText(node.anchor)) : '';
  return `due within ${duration} of ${describeAnchor(deadline.anchor, written)}${day}`;
}

/** `when Notice of material breach (clause 40.1) or The new service goes live`; null without `when`. */
export function describeWhen(norm: NormModel): string | null {
  return norm.when.length > 0 ? `when ${norm.when.map(describeEvent).join(' or ')}` : null;
}

/** `every 1 month from The new service goes live until 2016-03`, `from 2012-06`, `until expiry`; null with none of them. */
export function describeRecurrence(norm: NormModel, nameOf: NameOf = UNKNOWN): string | null {
  const parts: string[] = [];
  if (norm.every) parts.push(`every ${describeDuration(norm.every.duration)}`);
  const from = norm.from?.at;
  if (from) parts.push(`from ${from.kind === 'Date' ? describeDate(from) : from.kind === 'Anchor' ? from.word : describeAnchor(nameOf(from), qnameText(from))}`);
  const until = norm.until?.at;
  if (until) parts.push(`until ${until.kind === 'Date' ? describeDate(until) : until.word}`);
  return parts.length > 0 ? parts.join(' ') : null;
}

/** Every phrase of a norm's timing, in reading order: its deadline, its events, its recurrence and window. */
export function describeTiming(norm: NormModel, nameOf: NameOf = UNKNOWN): string[] {
  return [describeDeadline(norm), describeWhen(norm), describeRecurrence(norm, nameOf)].filter((p): p is string => p !== null);
}

const ENDEAVOURS_WORDS: Readonly<Record<string, string>> = {
  reasonable: 'reasonable endeavours',
  'all-reasonable': 'all reasonable endeavours',
  best: 'best endeavours',
};

/** The modal with how hard the subject must try: `must (reasonable endeavours)`, `may`. */
export function describeModal(norm: Pick<NormModel, 'modal' | 'endeavours'>): string {
  const modal = norm.modal ?? '';
  const effort = norm.endeavours ? ENDEAVOURS_WORDS[norm.endeavours] ?? `${norm.endeavours} endeavours` : null;
  return effort ? `${modal} (${effort})` : modal;
}

/** A power's notice: `on 6 months' notice`. */
export function describeNotice(d: Duration): string {
  return `on ${describeDuration(d)}${d.count === 1 ? "'s" : "'"} notice`;
}

/** `at least 99.8% from 2009-04-01`. */
export function describeTarget(target: Target): string {
  return `${describeComparison(target.comparator, target.value)}${target.from ? ` from ${describeDate(target.from)}` : ''}`;
}

/** `below 95%, otherwise critical failure`. */
export function describeThreshold(threshold: Threshold): string {
  return `${describeComparison(threshold.comparator, threshold.value)}${threshold.consequence ? `, otherwise ${threshold.consequence.value}` : ''}`;
}

/** `2% of Core ICT service charge when below 99.5%`, `£5k when above 8 hours`. */
export function describeCredit(credit: CreditModel): string {
  const { node } = credit;
  const of = node.charge ? ` of ${credit.charge ? chargeName(credit.charge) : qnameText(node.charge)}` : '';
  return `${describeQuantity(node.amount)}${of} when ${describeComparison(node.comparator, node.value)}`;
}

function chargeName(charge: ChargeSymbol): string {
  return charge.title ?? charge.name;
}

/** How often a KPI is measured: `monthly`, `every 2 weeks`. */
export function describeMeasured(measured: Measured): string {
  const f = measured.frequency;
  return f.kind === 'Frequency' ? f.text : `every ${describeDuration(f)}`;
}

/** `credits capped at 12% of the charge a year`. */
export function describeCreditCap(cap: CreditCap): string {
  return `credits capped at ${describeQuantity(cap.share)} of the charge a ${cap.per.text}`;
}

/** Who pays whom: `BCC → SB`, with the names as written; null without a `pays` line. */
export function describePayment(charge: ChargeModel): string | null {
  return charge.pays ? `${qnameText(charge.pays.payer)} → ${qnameText(charge.pays.payee)}` : null;
}

/** A charge's amount lines, fixed charges (`per year`, `per quarter`, `per month`) apart from rates. */
export function describeAmounts(charge: ChargeModel): { readonly fixed: readonly string[]; readonly rates: readonly string[] } {
  const fixed: string[] = [];
  const rates: string[] = [];
  for (const line of charge.amounts) (fixedPeriodOf(line) ? fixed : rates).push(describeAmount(line));
  return { fixed, rates };
}

/** When a variation was agreed and takes effect: `agreed 2017-12-15, effective 2018-04-01`; null with neither. */
export function describeVariationDates(variation: VariationModel): string | null {
  const parts = [variation.agreed ? `agreed ${describeDate(variation.agreed)}` : null, variation.effective ? `effective ${describeDate(variation.effective)}` : null];
  const written = parts.filter((p): p is string => p !== null);
  return written.length > 0 ? written.join(', ') : null;
}

/** One change in words, its names as written: `ends the exclusivity of SB over ICT.Core`. */
export function describeChange(change: VariationChange): string {
  switch (change.kind) {
    case 'ends-exclusive':
      return `ends the exclusivity of ${qnameText(change.node.holder)} over ${qnameText(change.node.scope)}`;
    case 'ends-open':
      return `ends ${qnameText(change.node.scope)} being open to the market`;
    case 'ends': {
      const title = change.target.title ? ` (${change.target.title})` : '';
      return `ends ${qnameText(change.node.target)}${title}`;
    }
    case 'returns':
      return `returns ${qnameText(change.node.scope)}${change.node.to ? ` to ${qnameText(change.node.to)}` : ''} (the scope leaves the contract)`;
  }
}

/** Every change of a variation in words, the new end of the term first. */
export function describeChanges(variation: VariationModel): string[] {
  const term = variation.termTo ? [`the term ends on ${describeDate(variation.termTo)}`] : [];
  return [...term, ...variation.changes.map(describeChange)];
}

/** A party's parents with their shares, as written: `BCC 19.9%, Capita 80.1%`; null without parents. */
export function describeParents(party: Party): string | null {
  if (party.parents.length === 0) return null;
  return party.parents.map((p, i) => {
    const share = party.shares[i];
    return share ? `${qnameText(p)} ${describeQuantity(share)}` : qnameText(p);
  }).join(', ');
}
