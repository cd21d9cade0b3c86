// The pieces of the exported model that the second version's constructs are made of: dates as
// written with the day they stand for, durations, values (money as exact decimal strings, never
// floats), deadlines, charges and variations. Shapes are published in
// schemas/partnership-model.schema.json.

import type { ChargeModel, KpiModel, NormModel, VariationModel } from './semantic';
import { fixedPeriodOf, validDay, validEndDay } from './semantic';
import type { DateLit, Duration, Quantity, VariationItem, Junk } from '../syntax/ast';
import { qnameText } from '../syntax/ast';
import { formatDay, type Period } from '../values/dates';
import { formatDecimal, formatQuantity, quantityValue } from '../values/decimal';
import { amountPeriods } from '../matrix/money';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined };

/**
 * A date as written and the day it stands for: a start (`from`, a term's first date,
 * `agreed`, `effective`) is its stretch's first day, an end or a deadline its last; `day` is
 * null for an impossible date.
 */
export function writtenDate(date: DateLit | null, role: 'start' | 'end'): Json {
  if (!date) return null;
  const day = role === 'start' ? validDay(date) : validEndDay(date);
  return { written: date.text, day: day === null ? null : formatDay(day) };
}

export function duration(d: Duration | null): Json {
  return d ? { count: d.count, unit: d.unit } : null;
}

/** A value: money with its currency, a percentage, a number or a duration, with its exact amount as a decimal string. */
export function value(q: Quantity): Json {
  return {
    unit: q.unit,
    ...(q.currency ? { currency: q.currency } : {}),
    ...(q.unit === 'duration' && q.duration ? { duration: q.duration } : {}),
    amount: formatDecimal(quantityValue(q)),
    written: formatQuantity(q) + (q.unit === 'duration' && q.duration ? ` ${q.duration}` : ''),
  };
}

export function period(p: Period | null): Json {
  if (!p) return null;
  return { from: p.from <= -1e9 ? null : formatDay(p.from), to: p.to >= 1e9 ? null : formatDay(p.to) };
}

/** The second version's lines of a norm. */
export function normLines(n: NormModel): Record<string, Json> {
  const d = n.deadline;
  const anchor = d?.node.anchor;
  return {
    subjects: n.line ? n.line.subjects.map(qnameText) : [],
    beneficiaries: n.line ? n.line.beneficiaries.map(qnameText) : [],
    deadline: d
      ? {
        form: d.form,
        date: writtenDate(d.node.date, 'end'),
        duration: duration(d.node.duration),
        anchor: !anchor ? null : anchor.kind === 'Anchor' ? { kind: anchor.word } : { kind: d.anchor?.kind === 'norm' ? 'obligation' : d.anchor?.kind === 'event' ? 'event' : 'unknown', name: qnameText(anchor) },
        day: d.day === null ? null : formatDay(d.day),
      }
      : null,
    when: n.when.map((e) => e.name),
    from: !n.from ? null : n.from.at.kind === 'Date' ? { date: writtenDate(n.from.at, 'start') } : n.from.at.kind === 'Anchor' ? { anchor: n.from.at.word } : { event: qnameText(n.from.at) },
    until: !n.until ? null : n.until.at.kind === 'Date' ? { date: writtenDate(n.until.at, 'end') } : { anchor: n.until.at.word },
    triggered: n.triggered,
    amount: n.amount ? value(n.amount) : null,
    endeavours: n.endeavours,
    notice: duration(n.notice),
  };
}

/** The second version's lines of a KPI. */
export function kpiLines(k: KpiModel): Record<string, Json> {
  return {
    targets: k.targets.map((t) => ({ comparator: t.comparator.op, value: value(t.value), from: writtenDate(t.from, 'start') })),
    thresholds: k.thresholds.map((t) => ({ comparator: t.comparator.op, value: value(t.value), consequence: t.consequence?.value ?? null })),
    baseline: k.baseline ? { value: value(k.baseline.value), text: k.baseline.text?.value ?? null } : null,
    weight: k.weight ? value(k.weight.value) : null,
    credits: k.credits.map((c) => ({
      amount: value(c.node.amount),
      of: c.node.charge ? qnameText(c.node.charge) : null,
      comparator: c.node.comparator.op,
      value: value(c.node.value),
    })),
  };
}

export function charge(c: ChargeModel, term: Period | null): Json {
  const periods = term ? amountPeriods(c.amounts, term) : [];
  return {
    name: c.symbol.name,
    title: c.symbol.title ?? '',
    doc: c.symbol.doc,
    payer: c.pays ? qnameText(c.pays.payer) : null,
    payee: c.pays ? qnameText(c.pays.payee) : null,
    amounts: c.amounts.map((a) => ({
      amount: value(a.amount),
      per: a.per.map((w) => w.text),
      fixed: fixedPeriodOf(a),
      from: writtenDate(a.from, 'start'),
      until: writtenDate(a.until, 'end'),
      period: period(periods.find((p) => p.line === a) ?? null),
    })),
    scope: c.scope?.path ?? null,
    indexed: c.indexed,
    creditCap: c.cap ? { share: value(c.cap.share), per: c.cap.per.text } : null,
    clause: c.clause,
    notes: [...c.notes],
  };
}

function change(item: VariationItem | Junk): Json[] {
  switch (item.kind) {
    case 'EndsExclusive': return [{ kind: 'ends-exclusive', holder: qnameText(item.holder), scope: qnameText(item.scope) }];
    case 'EndsOpen': return [{ kind: 'ends-open', scope: qnameText(item.scope) }];
    case 'Ends': return [{ kind: 'ends', target: qnameText(item.target) }];
    case 'Returns': return [{ kind: 'returns', scope: qnameText(item.scope), to: item.to ? qnameText(item.to) : null }];
    default: return [];
  }
}

export function variation(v: VariationModel, partnershipName: string): Json {
  const items = v.node.block?.items ?? [];
  const varies = items.find((i) => i.kind === 'Varies');
  return {
    name: v.symbol.name,
    title: v.symbol.title ?? '',
    doc: v.symbol.doc,
    varies: varies?.kind === 'Varies' ? qnameText(varies.partnership) : partnershipName,
    agreed: writtenDate(v.agreed, 'start'),
    effective: writtenDate(v.effective, 'start'),
    takesEffect: v.effectiveDay === null ? null : formatDay(v.effectiveDay),
    termTo: writtenDate(v.termTo, 'end'),
    changes: items.flatMap(change),
    clause: v.clause,
    notes: [...v.notes],
  };
}
