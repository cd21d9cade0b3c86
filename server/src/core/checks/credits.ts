// A KPI's service credits: P401 on their percentages, P402 for a credit that a passing value
// would earn (or whose condition is in another unit than a target), P407 for a credit that
// cannot be worked out (no measurement period, or a share of a charge without a fixed charge),
// P408 for a credit band that a worse result reaches but that earns less. A credit names a
// charge, which may be declared in another file: its model is read through `chargeModelOf`.

import type { ChargeSymbol } from '../binding/symbols';
import { report } from '../diagnostics/catalog';
import { chargeModelOf } from '../facts/lookups';
import { amountPeriods, hasFixedCharge, yearlyFixedAmountOn, type AmountPeriod } from '../model/charge-periods';
import type { CreditModel, FileModel, KpiModel } from '../model/semantic';
import { validDay } from '../model/semantic';
import { qnameText, type Measured } from '../syntax/ast';
import { formatQuantity, quantityValue } from '../values/decimal';
import { compareFractions, fractionOf, scaleFraction, type Fraction } from '../values/exact-sums';
import { type CheckContext, related, spanOf } from './context';
import { comparableUnit, conditionInterval, within, writtenCondition } from './kpi-values';
import { targetConflict } from './kpis';
import { checkPercentage, percentageOutOfRange } from './percentages';

export function checkCredits(ctx: CheckContext, model: FileModel): void {
  for (const kpi of model.kpis) {
    if (kpi.credits.length === 0) continue;
    // The targets kpis.ts compares thresholds with: in range, from a possible date.
    const targets = kpi.targets.filter((t) => !percentageOutOfRange(t.value) && (!t.from || validDay(t.from) !== null));
    const comparable: CreditModel[] = [];
    for (const credit of kpi.credits) {
      const node = credit.node;
      const badShare = checkPercentage(ctx, kpi, node.amount);
      const badCondition = checkPercentage(ctx, kpi, node.value);
      checkComputable(ctx, kpi, credit);
      if (badCondition) continue;
      const finding = targetConflict(targets, node);
      if (finding) {
        const { target, example } = finding;
        const params = { line: 'credit' as const, threshold: writtenCondition(node.comparator, node.value), target: writtenCondition(target.comparator, target.value) };
        const args = example === undefined ? { ...params, reason: 'unit' as const } : { ...params, reason: 'overlap' as const, example };
        ctx.emit(report('P402', spanOf(kpi, node.value), args, { related: [related(kpi, target, 'The target')] }));
      }
      if (!badShare) comparable.push(credit);
    }
    checkBands(ctx, kpi, comparable, model);
  }
}

/** P407, at the `credit` keyword: one per credit line. */
function checkComputable(ctx: CheckContext, kpi: KpiModel, credit: CreditModel): void {
  const at = spanOf(kpi, { start: credit.node.start, end: credit.node.start + 'credit'.length });
  if (!kpi.measured) {
    ctx.emit(report('P407', at, { name: kpi.symbol.name, reason: 'unmeasured' }));
    return;
  }
  if (credit.node.amount.unit !== 'percent') return;
  if (!credit.node.charge) {
    ctx.emit(report('P407', at, { name: kpi.symbol.name, reason: 'no-charge' }));
    return;
  }
  // A charge that did not resolve is P101 already.
  const charge = credit.charge ? ctx.read(chargeModelOf, credit.charge) : null;
  if (charge && !hasFixedCharge(charge.amounts)) ctx.emit(report('P407', at, { name: charge.symbol.name, reason: 'rate' }));
}

/** How a credit is written: `£5k when > 8 hours`, `2% of CoreCharge when < 99.5%`. */
function writtenCredit(credit: CreditModel): string {
  const n = credit.node;
  return `${formatQuantity(n.amount)}${n.charge ? ` of ${qnameText(n.charge)}` : ''} when ${writtenCondition(n.comparator, n.value)}`;
}

/**
 * P408: a credit whose condition holds only when another's does too (a worse result, as every
 * value meeting it meets the other) but that earns less on some day. One per credit line.
 */
function checkBands(ctx: CheckContext, kpi: KpiModel, credits: readonly CreditModel[], model: FileModel): void {
  const earnings = new Earnings(ctx, kpi.measured);
  for (const worse of credits) {
    const worseSet = conditionInterval(worse.node.comparator, worse.node.value);
    for (const other of credits) {
      if (other === worse || comparableUnit(other.node.value) !== comparableUnit(worse.node.value)) continue;
      const otherSet = conditionInterval(other.node.comparator, other.node.value);
      if (!within(worseSet, otherSet) || within(otherSet, worseSet) || !earnings.less(worse, other, model)) continue;
      const swap = (a: CreditModel, b: CreditModel) => ({ ...spanOf(kpi, { start: a.node.amount.start, end: (a.node.charge ?? a.node.amount).end }), newText: amountText(b) });
      ctx.emit(report('P408', spanOf(kpi, worse.node), { credit: writtenCredit(worse), other: writtenCredit(other) }, {
        related: [related(kpi, other.node, 'The credit for a better result')],
        fixes: [{ title: 'Swap the two credits\u2019 amounts', edits: [swap(worse, other), swap(other, worse)] }],
      }));
      break;
    }
  }
}

function amountText(credit: CreditModel): string {
  return formatQuantity(credit.node.amount) + (credit.node.charge ? ` of ${qnameText(credit.node.charge)}` : '');
}

/** What credits earn for one measurement period, compared exactly. */
class Earnings {
  private readonly periods = new Map<ChargeSymbol, readonly AmountPeriod[] | null>();
  private readonly perYear: Fraction | null;

  constructor(private readonly ctx: CheckContext, measured: Measured | null) {
    this.perYear = periodsPerYear(measured);
  }

  /** Whether `a` earns less than `b` on some day: directly when both are money of one currency or shares of one charge, else on each day a fixed amount starts. */
  less(a: CreditModel, b: CreditModel, model: FileModel): boolean {
    const x = a.node.amount;
    const y = b.node.amount;
    if (x.unit === 'money' && y.unit === 'money') return x.currency === y.currency && compareFractions(fractionOf(quantityValue(x)), fractionOf(quantityValue(y))) < 0;
    if (x.unit === 'percent' && y.unit === 'percent' && a.charge === b.charge) return a.charge !== null && compareFractions(fractionOf(quantityValue(x)), fractionOf(quantityValue(y))) < 0;
    const days = new Set<number>();
    for (const credit of [a, b]) for (const p of this.periodsOf(credit, model) ?? []) if (p.fixed && p.period) days.add(p.period.from);
    for (const day of days) {
      const ea = this.on(a, day, model);
      const eb = this.on(b, day, model);
      if (ea && eb && ea.currency === eb.currency && compareFractions(ea.amount, eb.amount) < 0) return true;
    }
    return false;
  }

  /** The credit's money for one measurement period in force on `day`, or null when it cannot be worked out. */
  private on(credit: CreditModel, day: number, model: FileModel): { currency: string; amount: Fraction } | null {
    const amount = credit.node.amount;
    if (amount.unit === 'money') return { currency: amount.currency!, amount: fractionOf(quantityValue(amount)) };
    const periods = this.periodsOf(credit, model);
    const yearly = periods ? yearlyFixedAmountOn(periods, day) : null;
    if (!yearly || !this.perYear) return null;
    // share% × yearly ÷ periods a year
    const share = fractionOf(quantityValue(amount));
    const perPeriod = scaleFraction(fractionOf(yearly.amount), share.numerator * this.perYear.denominator, share.denominator * 100n * this.perYear.numerator);
    return { currency: yearly.currency, amount: perPeriod };
  }

  private periodsOf(credit: CreditModel, model: FileModel): readonly AmountPeriod[] | null {
    const symbol = credit.charge;
    if (!symbol || credit.node.amount.unit !== 'percent') return null;
    let known = this.periods.get(symbol);
    if (known === undefined) {
      const charge = this.ctx.read(chargeModelOf, symbol);
      // The charge's periods follow its own file's term; a charge in this file follows this term.
      known = charge ? amountPeriods(charge.amounts, charge.file === model.file ? model.term : null) : null;
      this.periods.set(symbol, known);
    }
    return known;
  }
}

/** Measurement periods in a year: 12 for monthly, 4 for quarterly, 12/N for every N months; null when not a whole share of months. */
function periodsPerYear(measured: Measured | null): Fraction | null {
  const f = measured?.frequency;
  if (!f) return null;
  if (f.kind === 'Frequency') return f.text === 'monthly' ? { numerator: 12n, denominator: 1n } : f.text === 'quarterly' ? { numerator: 4n, denominator: 1n } : f.text === 'yearly' ? { numerator: 1n, denominator: 1n } : null;
  if (f.unit === 'month') return { numerator: 12n, denominator: BigInt(f.count) };
  if (f.unit === 'year') return { numerator: 1n, denominator: BigInt(f.count) };
  return null;
}
