// The preview's status view as a change to the one the preview holds, so that an edit to a
// results file sends the parts of the view it changed rather than the whole (a large
// contract's view is megabytes, most of it the KPIs' periods, which an obligation's row leaves
// alone). A part is the same when it holds the very rows the earlier answer held: the server
// keeps each row and each strip by the state it was made from, and nothing is changed once
// made, so the same objects say the same things.

import type { StatusView } from './status-view';

/** The parts of a status view an answer may name as unchanged. */
export const STATUS_PARTS = ['obligations', 'kpis', 'charges', 'timelineObligations', 'timelineKpis', 'timelineEvents'] as const;
export type StatusPart = (typeof STATUS_PARTS)[number];

/** The answer to `partnership/status`. */
export interface StatusAnswer {
  readonly id: string;
  /** The answer this one is a change to, or null for a whole view. */
  readonly base: string | null;
  /** Parts the same as the base's: sent empty, to be taken from it. */
  readonly unchanged: readonly StatusPart[];
  readonly view: StatusView;
}

function partOf(view: StatusView, part: StatusPart): readonly unknown[] {
  switch (part) {
    case 'obligations': return view.obligations;
    case 'kpis': return view.kpis;
    case 'charges': return view.charges;
    case 'timelineObligations': return view.timeline.obligations;
    case 'timelineKpis': return view.timeline.kpis;
    case 'timelineEvents': return view.timeline.events;
  }
}

/** `view` with the parts named in `from` taken from it, the others as they are. */
function withParts(view: StatusView, parts: readonly StatusPart[], from: (part: StatusPart) => readonly unknown[]): StatusView {
  const take = <T>(part: StatusPart, own: readonly T[]): readonly T[] => (parts.includes(part) ? (from(part) as readonly T[]) : own);
  return {
    ...view,
    obligations: take('obligations', view.obligations),
    kpis: take('kpis', view.kpis),
    charges: take('charges', view.charges),
    timeline: {
      ...view.timeline,
      obligations: take('timelineObligations', view.timeline.obligations),
      kpis: take('timelineKpis', view.timeline.kpis),
      events: take('timelineEvents', view.timeline.events),
    },
  };
}

const sameItems = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** `view` as a change to `base` (null: a whole view), under the new answer's `id`. */
export function statusAnswer(base: { readonly id: string; readonly view: StatusView } | null, view: StatusView, id: string): StatusAnswer {
  if (!base) return { id, base: null, unchanged: [], view };
  const unchanged = STATUS_PARTS.filter((part) => sameItems(partOf(base.view, part), partOf(view, part)));
  return { id, base: base.id, unchanged, view: withParts(view, unchanged, () => []) };
}

/**
 * The whole view an answer describes, given the view of the answer the preview holds (null for
 * none). Null when the answer is a change to another answer than the one held.
 */
export function applyStatusAnswer(held: { readonly id: string; readonly view: StatusView } | null, answer: StatusAnswer): StatusView | null {
  if (answer.base === null) return answer.view;
  if (!held || held.id !== answer.base) return null;
  return withParts(answer.view, answer.unchanged, (part) => partOf(held.view, part));
}
