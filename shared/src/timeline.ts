// The timeline picture of a partnership's ledger as plain data: the term as varied, its
// variations, the exclusive grants, the obligations' occurrences with their status, the KPIs'
// measurement periods and the events recorded, on one day. Built by
// server/src/core/ledger/timeline.ts; laid out by timeline-layout.ts for the HTML status page
// and the editor's preview alike. Every text is document text: renderers show it as text only.

import type { OccurrenceStatus, PeriodStatus } from './ledger-statuses';

/** Where an item is declared (or recorded, for an event's row): the file as shown, and its 1-based line. */
export interface TimelineSource {
  readonly file: string;
  readonly line: number;
}

export interface TimelineVariation {
  /** The day it takes effect, `YYYY-MM-DD`. */
  readonly day: string;
  readonly name: string;
  readonly title: string;
  /** The term's new last day, when it moved the term's end. */
  readonly termTo?: string;
  readonly source: TimelineSource;
}

/** An exclusive grant over a scope, as varied (a returned scope splits it in two bars). */
export interface TimelineGrant {
  /** The scope's dotted path: `ICT.Core`. */
  readonly scope: string;
  readonly holder: string;
  readonly holderTitle: string;
  readonly from: string;
  readonly to: string;
  /** Scopes carved out of it. */
  readonly except: readonly string[];
  readonly source: TimelineSource;
}

export interface TimelineOccurrence {
  /** The due day, or the day it arose for an occurrence without a deadline. */
  readonly day: string;
  readonly status: OccurrenceStatus;
  /** In words: `due 2016-04-01, 110 days overdue`. */
  readonly detail: string;
}

export interface TimelineObligation {
  readonly name: string;
  readonly title: string;
  readonly source: TimelineSource;
  readonly occurrences: readonly TimelineOccurrence[];
}

export interface TimelinePeriod {
  readonly start: string;
  readonly end: string;
  readonly status: PeriodStatus;
  /** In words: `99.1%, target >= 99.5%, credit £20000.00`. */
  readonly detail: string;
}

export interface TimelineKpi {
  readonly name: string;
  readonly title: string;
  readonly source: TimelineSource;
  /** The periods that ended on or before the day. */
  readonly periods: readonly TimelinePeriod[];
}

/** One occurrence of an event, from a results file's row. */
export interface TimelineEvent {
  readonly day: string;
  readonly name: string;
  readonly title: string;
  readonly note: string;
  /** The row that records it. */
  readonly source: TimelineSource;
}

export interface Timeline {
  readonly partnership: string;
  readonly title: string;
  /** The day the statuses are for. */
  readonly on: string;
  /** The term as varied. */
  readonly term: { readonly start: string; readonly end: string; readonly source?: TimelineSource };
  readonly variations: readonly TimelineVariation[];
  readonly grants: readonly TimelineGrant[];
  readonly obligations: readonly TimelineObligation[];
  readonly kpis: readonly TimelineKpi[];
  readonly events: readonly TimelineEvent[];
}
