// The check of the status view the language server answers `partnership/status` with
// (shared/src/status-view.ts), before the extension passes it on and again when the page gets it.

import type { StandingStatus, StatusCharge, StatusKpi, StatusObligation, StatusView } from '../../../shared/out/status-view';
import { STATUS_PARTS, type StatusAnswer, type StatusPart } from '../../../shared/out/status-delta';
import { arrayOf, isBoolean, isLine, isString, nullable, oneOf, shape } from './checks';
import { isTimeline, OCCURRENCES } from './timeline-protocol';

export type { StatusView };

const STANDINGS: Readonly<Record<StandingStatus, true>> = { ...OCCURRENCES, none: true };
const strings = arrayOf(isString);

export const isStatusView = shape<StatusView>({
  on: isString,
  today: isString,
  tracked: isBoolean,
  partnership: shape<StatusView['partnership']>({ name: isString, title: isString, term: isString, file: isString }),
  summary: strings,
  obligations: arrayOf(shape<StatusObligation>({ name: isString, title: isString, line: isLine, status: oneOf(STANDINGS), standing: isString, counts: isString })),
  kpis: arrayOf(shape<StatusKpi>({
    name: isString, title: isString, line: isLine, measured: isString, counts: isString, credits: isString,
  })),
  charges: arrayOf(shape<StatusCharge>({
    name: isString, title: isString, line: isLine, cap: isString,
    years: arrayOf(shape<StatusCharge['years'][number]>({ period: isString, earned: isString, payable: isString, removed: isString })),
  })),
  timeline: isTimeline,
}) as (value: unknown) => value is StatusView;

const PARTS: Readonly<Record<StatusPart, true>> = Object.fromEntries(STATUS_PARTS.map((p) => [p, true])) as Record<StatusPart, true>;

/** The server's answer: a status view, whole or as a change to the one the preview holds. */
export const isStatusAnswer = shape<StatusAnswer>({
  id: isString,
  base: nullable(isString),
  unchanged: arrayOf(oneOf(PARTS)),
  view: isStatusView,
}) as (value: unknown) => value is StatusAnswer;
