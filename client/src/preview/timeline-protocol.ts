// The check of the timeline's data (shared/src/timeline.ts) inside the status view the language
// server answers with: closed shapes, as every message of the preview.

import type { OccurrenceStatus, PeriodStatus } from '../../../shared/out/ledger-statuses';
import type { Timeline, TimelineEvent, TimelineGrant, TimelineKpi, TimelineObligation, TimelineSource, TimelineVariation } from '../../../shared/out/timeline';
import { arrayOf, type Check, isLine, isString, oneOf, shape } from './checks';

export const OCCURRENCES: Readonly<Record<OccurrenceStatus, true>> = { done: true, late: true, overdue: true, due: true, 'due-soon': true, waived: true };
export const PERIODS: Readonly<Record<PeriodStatus, true>> = { met: true, failed: true, breached: true, missing: true, waived: true };

const isSource = shape<TimelineSource>({ file: isString, line: isLine });
const strings = arrayOf(isString);

/** A term with or without the place it is declared. */
const isTerm: Check = (v) => shape<Timeline['term']>({ start: isString, end: isString, source: isSource })(v) || shape<Omit<Timeline['term'], 'source'>>({ start: isString, end: isString })(v);

/** A variation with or without a new end of the term. */
const isVariation: Check = (v) =>
  shape<TimelineVariation>({ day: isString, name: isString, title: isString, termTo: isString, source: isSource })(v)
  || shape<Omit<TimelineVariation, 'termTo'>>({ day: isString, name: isString, title: isString, source: isSource })(v);

export const isTimeline = shape<Timeline>({
  partnership: isString,
  title: isString,
  on: isString,
  term: isTerm,
  variations: arrayOf(isVariation),
  grants: arrayOf(shape<TimelineGrant>({ scope: isString, holder: isString, holderTitle: isString, from: isString, to: isString, except: strings, source: isSource })),
  obligations: arrayOf(shape<TimelineObligation>({
    name: isString, title: isString, source: isSource,
    occurrences: arrayOf(shape<TimelineObligation['occurrences'][number]>({ day: isString, status: oneOf(OCCURRENCES), detail: isString })),
  })),
  kpis: arrayOf(shape<TimelineKpi>({
    name: isString, title: isString, source: isSource,
    periods: arrayOf(shape<TimelineKpi['periods'][number]>({ start: isString, end: isString, status: oneOf(PERIODS), detail: isString })),
  })),
  events: arrayOf(shape<TimelineEvent>({ day: isString, name: isString, title: isString, note: isString, source: isSource })),
}) as (value: unknown) => value is Timeline;
