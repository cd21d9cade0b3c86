// The matrix's money section: each charge with its payer, payee and amounts over time, and the
// fixed charges by contract year with their totals. Amounts follow the term as varied and stop
// on the day a variation ended their charge.

import type { ChargeModel } from '../model/semantic';
import { fixedPeriodOf } from '../model/semantic';
import { dayNumber, formatDay, type Period } from '../values/dates';
import type { MatrixCharge, MatrixChargeYear, MatrixMoney } from '../../../../shared/out/matrix';
import { addFractions as add, type Fraction, ZERO_FRACTION as ZERO } from '../values/exact-sums';
import { amountPeriods, type AmountPeriod, amountWords, contractYears, fixedInYear, MOST_YEARS, moneyText, periodWords } from './money';
import type { SectionContext } from './sections';
import { marksOf } from './variation-marks';

/** The days a charge's amounts apply: the term as varied, cut at the day a variation ended the charge. */
function periodsOf(c: SectionContext, charge: ChargeModel): AmountPeriod[] {
  const term = c.model.term;
  if (!term) return [];
  const ended = c.marks.ended.get(charge.symbol);
  const lastDay = ended ? dayNumber(ended.day) : null;
  const periods = amountPeriods(charge.amounts, term, Math.min(c.marks.termEnd ?? term.to, lastDay ?? Infinity));
  return lastDay === null ? periods : periods.map((p) => ({ ...p, to: Math.min(p.to, lastDay) })).filter((p) => p.from <= p.to);
}

export function moneySection(c: SectionContext): MatrixMoney {
  const charges = c.model.charges;
  const periods = new Map(charges.map((ch) => [ch, periodsOf(c, ch)] as const));
  const rows: MatrixCharge[] = charges.map((ch) => {
    const written = periods.get(ch)!;
    return {
      name: ch.symbol.name,
      title: ch.symbol.title ?? '',
      doc: ch.symbol.doc ?? '',
      notes: ch.notes,
      line: c.lineAt(ch.unit, ch.symbol.decl.start),
      payer: ch.payer ? c.partyId(ch.payer) : '',
      payee: ch.payee ? c.partyId(ch.payee) : '',
      amounts: ch.amounts.map((line) => {
        const p = written.find((w) => w.line === line);
        const dates = [line.from ? `from ${line.from.text}` : '', line.until ? `until ${line.until.text}` : ''].filter(Boolean).join(' ');
        return { amount: amountWords(line), period: p ? periodWords(p.from, p.to) : dates, fixed: fixedPeriodOf(line) !== null };
      }),
      scope: ch.scope ? c.scopeName(ch.scope) : '',
      indexed: ch.indexed ?? '',
      creditCap: ch.cap ? `${ch.cap.share.digits}% per ${ch.cap.per.text}` : '',
      clause: ch.clause ?? '',
      changes: marksOf(c.marks, ch.symbol, ch.amounts.some((a) => !a.until)),
    };
  });
  // One currency per charge, its first amount's (P703 reports the others, which count for nothing
  // here); a column for each charge with a fixed amount that applies on some day of the term.
  const fixed = charges.filter((ch) => periods.get(ch)!.some((p) => fixedPeriodOf(p.line) && p.line.amount.currency === ch.amounts[0].amount.currency));
  const currencyOf = (ch: ChargeModel): string => ch.amounts[0].amount.currency ?? 'GBP';
  const empty = { charges: rows, fixedCharges: fixed.map((ch) => ch.symbol.name), years: [], totals: [], total: '' };
  if (fixed.length === 0) return { ...empty, yearsNote: '' };
  const term = c.model.term;
  if (!term) return { ...empty, yearsNote: 'No table by contract year: the term is missing or not a valid period.' };
  const varied: Period = { from: term.from, to: c.marks.termEnd ?? term.to };
  const years = contractYears(varied);
  if (!years) return { ...empty, yearsNote: `No table by contract year: the term has more than ${MOST_YEARS} years.` };

  const columnTotals: Fraction[] = fixed.map(() => ZERO);
  const grand = new Map<string, Fraction>();
  const sumText = (sums: ReadonlyMap<string, Fraction>): string => [...sums].map(([currency, f]) => moneyText(currency, f)).join('; ');
  const yearRows: MatrixChargeYear[] = years.map((year, i) => {
    const rowSums = new Map<string, Fraction>();
    const amounts = fixed.map((ch, column) => {
      const currency = currencyOf(ch);
      const inYear = fixedInYear(periods.get(ch)!.filter((p) => p.line.amount.currency === currency), year);
      if (inYear.numerator === 0n) return '';
      columnTotals[column] = add(columnTotals[column], inYear);
      rowSums.set(currency, add(rowSums.get(currency) ?? ZERO, inYear));
      grand.set(currency, add(grand.get(currency) ?? ZERO, inYear));
      return moneyText(currency, inYear);
    });
    const part = year.to - year.from + 1 < year.length ? `, ${year.to - year.from + 1} of ${year.length} days` : '';
    return { label: `Year ${i + 1}`, period: `${formatDay(year.from)} to ${formatDay(year.to)}${part}`, amounts, total: sumText(rowSums) };
  });
  return {
    ...empty,
    years: yearRows,
    totals: fixed.map((ch, column) => moneyText(currencyOf(ch), columnTotals[column])),
    total: sumText(grand),
    yearsNote: '',
  };
}
