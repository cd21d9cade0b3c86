// The preview's status view of one partnership on one day, as the language server sends it:
// where each obligation stands, each KPI's periods, each charge's credits against its cap, and
// a summary. Plain data, every text as written or worked out; the page shows it as text only.

import type { OccurrenceStatus } from './ledger-statuses';
import type { Timeline } from './timeline';

/** An obligation's most pressing status; `none` when nothing has arisen. */
export type StandingStatus = OccurrenceStatus | 'none';

export interface StatusObligation {
  readonly name: string;
  readonly title: string;
  /** 1-based line of its declaration in the previewed file. */
  readonly line: number;
  /** The most pressing status among its occurrences: what the row is tinted by. */
  readonly status: StandingStatus;
  /** `overdue since 2016-04-01 · next due 2016-10-01`. */
  readonly standing: string;
  /** `3 done, 1 late, 1 overdue`. */
  readonly counts: string;
}

export interface StatusKpi {
  readonly name: string;
  readonly title: string;
  readonly line: number;
  readonly measured: string;
  /** `118 met, 2 failed`. */
  readonly counts: string;
  /** Credits its periods earned, before any cap: `£70000.00`, empty when none. */
  readonly credits: string;
}

export interface StatusCreditYear {
  readonly period: string;
  readonly earned: string;
  readonly payable: string;
  readonly removed: string;
}

export interface StatusCharge {
  readonly name: string;
  readonly title: string;
  readonly line: number;
  /** `0.5% per year`, empty without a cap. */
  readonly cap: string;
  readonly years: readonly StatusCreditYear[];
}

export interface StatusView {
  /** The day the view is for, and today (the view's default day), `YYYY-MM-DD`. */
  readonly on: string;
  readonly today: string;
  /** Whether any results row names something of the partnership. */
  readonly tracked: boolean;
  /** `file`: the previewed file's path as the workspace shows it (sources in it are revealed in place). */
  readonly partnership: { readonly name: string; readonly title: string; readonly term: string; readonly file: string };
  /** One line each: `Overdue duties: 2`. */
  readonly summary: readonly string[];
  readonly obligations: readonly StatusObligation[];
  readonly kpis: readonly StatusKpi[];
  readonly charges: readonly StatusCharge[];
  /**
   * The timeline picture's data, thinned for a side pane when the contract is large; its KPIs
   * are `kpis` in the same order, with their periods (the strips of the view).
   */
  readonly timeline: Timeline;
}
