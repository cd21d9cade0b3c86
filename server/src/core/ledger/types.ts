// Where each duty, KPI and credit stands on a day: the ledger as plain data, exactly the JSON
// that `partnership status --format json` prints (schemas/partnership-status.schema.json), so
// that every renderer, the editor's code lens and its status view read one shape.

import type { OccurrenceStatus, PeriodStatus } from '../../../../shared/out/ledger-statuses';

export type { OccurrenceStatus, PeriodStatus };

export interface Money {
  /** An exact decimal with two places: `1234.50`. */
  readonly amount: string;
  readonly currency: string;
}

export interface OccurrenceState {
  /** The day it is due (`YYYY-MM-DD`); absent for one without a deadline (`when` alone). */
  readonly due?: string;
  /** The day it arose: the event's, the completed obligation's, the term's first day, or the day after the previous one was due. */
  readonly arises: string;
  /** What started it: `BreachNotice 2016-05-03`, `R01 done 2015-11-20`. */
  readonly trigger?: string;
  readonly status: OccurrenceStatus;
  readonly done?: string;
  /** Calendar days after the due date it was done (a `late` occurrence). */
  readonly daysLate?: number;
  /** Calendar days since it fell due (an `overdue` occurrence). */
  readonly daysOverdue?: number;
  /** The note of the row that completed or waived it, as written. */
  readonly note?: string;
}

export interface ObligationState {
  readonly name: string;
  readonly title: string;
  readonly clause?: string;
  /** 1-based line of its declaration. */
  readonly line: number;
  readonly occurrences: readonly OccurrenceState[];
}

export interface PeriodState {
  readonly start: string;
  readonly end: string;
  readonly status: PeriodStatus;
  /** The result as written in the results file. */
  readonly value?: string;
  /** The target in force on the period's last day, as written (`>= 99.5%`). */
  readonly target?: string;
  readonly credit?: Money;
  readonly note?: string;
}

export interface KpiState {
  readonly name: string;
  readonly title: string;
  readonly line: number;
  /** How often it is measured, as written (`monthly`, `2 weeks`). */
  readonly measured?: string;
  readonly periods: readonly PeriodState[];
}

export interface CreditYear {
  readonly start: string;
  readonly end: string;
  /** Credits earned in the year, before the cap. */
  readonly earned: Money;
  /** Credits payable after the cap. */
  readonly payable: Money;
  /** What the cap removed (earned less payable). */
  readonly capRemoved: Money;
}

export interface ChargeState {
  readonly name: string;
  readonly title: string;
  readonly line: number;
  /** The cap as written (`12% per year`). */
  readonly cap?: string;
  readonly creditsByYear: readonly CreditYear[];
}

export interface PartnershipState {
  readonly name: string;
  readonly title: string;
  readonly file: string;
  /** The term as varied. */
  readonly term: { readonly start: string; readonly end: string };
  readonly obligations: readonly ObligationState[];
  readonly kpis: readonly KpiState[];
  readonly charges: readonly ChargeState[];
}

export interface LedgerSummary {
  readonly overdue: number;
  readonly dueSoon: number;
  readonly failedPeriods: number;
  readonly missingPeriods: number;
  /** Credits payable (after caps), by currency. */
  readonly creditsOwed: readonly Money[];
}

export interface LedgerStatus {
  readonly on: string;
  readonly partnerships: readonly PartnershipState[];
  readonly summary: LedgerSummary;
}
