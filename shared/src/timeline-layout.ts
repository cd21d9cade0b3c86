// Lays a partnership's timeline (timeline.ts) out as plain shapes for a given width: labels of
// the rows on the left, then from the top the labels of the vertical rules (the term's ends,
// each variation, the day shown), the time axis, a row per scope with its exclusive grants as
// bars, the obligations' occurrences as marks in a few lanes, a strip per KPI with a cell per
// measurement period, the events, and the legend. No DOM: the same shapes make the HTML
// status page's SVG and the preview's. Work grows with the number of items (marks are sorted
// once; each is placed against at most a few lanes).

import type { Timeline, TimelineSource } from './timeline';
import { legendShapes } from './timeline-legend';
import { MARK_RADIUS, STATUS_WORDS } from './timeline-marks';
import { axisTicks, dayOf, Lanes, type Scale, scaleOf, textWidth, truncate } from './timeline-scale';
import { lineShape, markShape, rectShape, textShape, type TimelineShape } from './timeline-shapes';

export type { TimelineShape } from './timeline-shapes';

export interface TimelineLayout {
  readonly width: number;
  readonly height: number;
  /** What the picture shows, in words, for a screen reader. */
  readonly label: string;
  /** In drawing order: grid and rules first, marks and texts over them. */
  readonly shapes: readonly TimelineShape[];
}

const PAD = 8;
const FONT = 12;
const SMALL = 11;
const LANE = 14;
const STRIP = 16;
const CELL = 10;
const MARK_LANES = 4;
const RULE_LANES = 3;
/** The narrowest width laid out: a narrower pane scales the picture down. */
export const MIN_WIDTH = 320;

interface Rule {
  readonly day: number;
  readonly label: string;
  readonly cls: string;
  readonly tooltip: string;
  readonly source?: TimelineSource;
}

export function layoutTimeline(t: Timeline, width: number): TimelineLayout {
  const W = Math.max(MIN_WIDTH, Math.round(width));
  const labelWidth = Math.min(200, Math.max(96, Math.round(W * 0.2)));
  const scale = scaleOf(...domain(t), PAD + labelWidth + 12, W - PAD - MARK_RADIUS - 2);
  const back: TimelineShape[] = [];
  const front: TimelineShape[] = [];
  const rowLabel = (text: string, y: number, tooltip: string, source?: TimelineSource): void => {
    const shown = truncate(text, FONT, labelWidth);
    front.push(textShape(shown, PAD, y + FONT * 0.35, FONT, 'tl-text', 'start', { tooltip, ...(source ? { source } : {}) }));
  };
  const heading = (text: string, y: number): number => {
    front.push(textShape(truncate(text, SMALL, W - 2 * PAD), PAD, y + 13, SMALL, 'tl-muted'));
    return y + 18;
  };

  const rules = rulesOf(t);
  let y = PAD + ruleLabels(rules, scale, W, PAD, front) + 4;
  const axisTop = y;
  y = axis(scale, y, back, front);
  const rowsTop = y;

  const scopes = groupBy(t.grants, (g) => g.scope);
  if (scopes.size > 0) y = heading('Exclusive grants', y);
  for (const [scope, grants] of scopes) {
    const lanes = new Lanes(3);
    const placed = [...grants].sort((a, b) => dayOf(a.from) - dayOf(b.from)).map((g) => ({ g, lane: lanes.place(scale.x(dayOf(g.from)), scale.x(dayOf(g.to) + 1)) }));
    rowLabel(scope, y + (lanes.count * LANE) / 2 + 1, `Exclusive grants over ${scope}`, placed[0].g.source);
    for (const { g, lane } of placed) {
      const x1 = scale.x(dayOf(g.from));
      const x2 = Math.max(x1 + 2, scale.x(dayOf(g.to) + 1));
      const top = y + 2 + lane * LANE;
      const tooltip = `${g.holder}${g.holderTitle ? ` (${g.holderTitle})` : ''} holds ${scope} exclusively, ${g.from} to ${g.to}${g.except.length ? `, except ${g.except.join(', ')}` : ''}`;
      front.push(rectShape(x1, top, x2 - x1, LANE - 2, 'tl-grant', { tooltip, source: g.source }));
      if (textWidth(g.holder, SMALL) + 6 <= x2 - x1) front.push(textShape(g.holder, x1 + 3, top + SMALL * 0.85, SMALL, 'tl-grant-label'));
    }
    y += lanes.count * LANE + 4;
  }

  const occurrences = t.obligations.flatMap((o) => o.occurrences.map((x) => ({ o, x, at: scale.x(dayOf(x.day)) }))).sort((a, b) => a.at - b.at);
  if (occurrences.length > 0) {
    const lanes = new Lanes(MARK_LANES);
    const placed = occurrences.map((m) => ({ ...m, lane: lanes.place(m.at - MARK_RADIUS - 1, m.at + MARK_RADIUS + 1) }));
    rowLabel('Obligations', y + (lanes.count * LANE) / 2 + 2, 'Each obligation’s occurrences, at the day each is due (or arose)');
    for (const { o, x, at, lane } of placed) {
      const tooltip = `${o.name}${o.title ? ` ${o.title}` : ''}: ${STATUS_WORDS[x.status]}; ${x.detail}`;
      front.push(markShape(x.status, at, y + 2 + LANE / 2 + lane * LANE, `tl-${x.status}`, { tooltip, source: o.source }));
    }
    y += lanes.count * LANE + 6;
  }

  if (t.kpis.length > 0) y = heading('KPI periods', y);
  const termStart = scale.x(dayOf(t.term.start));
  const termEnd = scale.x(dayOf(t.term.end) + 1);
  for (const k of t.kpis) {
    rowLabel(k.name, y + STRIP / 2, `${k.name}${k.title ? ` ${k.title}` : ''}`, k.source);
    const top = y + (STRIP - CELL) / 2;
    back.push(rectShape(termStart, top, termEnd - termStart, CELL, 'tl-strip'));
    for (const p of k.periods) {
      const x1 = scale.x(dayOf(p.start));
      const x2 = scale.x(dayOf(p.end) + 1);
      const tooltip = `${k.name} ${p.start} to ${p.end}: ${STATUS_WORDS[p.status]}; ${p.detail}`;
      front.push(rectShape(x1, top, Math.max(0.5, x2 - x1 - 0.4), CELL, `tl-cell-${p.status}`, { tooltip, source: k.source }));
    }
    y += STRIP;
  }

  if (t.events.length > 0) {
    const lanes = new Lanes(MARK_LANES);
    const placed = t.events.map((e) => ({ e, at: scale.x(dayOf(e.day)) })).map((m) => ({ ...m, lane: lanes.place(m.at - MARK_RADIUS - 1, m.at + MARK_RADIUS + 1) }));
    y += 4;
    rowLabel('Events', y + (lanes.count * LANE) / 2 + 1, 'Events recorded in the results files');
    for (const { e, at, lane } of placed) {
      const tooltip = `${e.name}${e.title ? ` ${e.title}` : ''}, ${e.day}${e.note ? `: ${e.note}` : ''}`;
      front.push(markShape('event', at, y + 1 + LANE / 2 + lane * LANE, 'tl-event', { tooltip, source: e.source }));
    }
    y += lanes.count * LANE + 4;
  }

  for (const r of rules) {
    const x = scale.x(r.day);
    back.push(lineShape(x, axisTop, x, Math.max(y, rowsTop + 8), r.cls, { tooltip: r.tooltip, ...(r.source ? { source: r.source } : {}) }));
  }
  const legend = legendShapes(y + 12, PAD, W - PAD, t.on);
  return { width: W, height: Math.ceil(y + 12 + legend.height + PAD), label: summary(t), shapes: [...back, ...front, ...legend.shapes] };
}

/** The first and last day shown: the term's, widened to take in the day shown and every item. */
function domain(t: Timeline): [number, number] {
  let from = dayOf(t.term.start);
  let to = dayOf(t.term.end) + 1;
  const take = (day: string, after = 0): void => {
    const d = dayOf(day);
    if (d < from) from = d;
    if (d + after > to) to = d + after;
  };
  take(t.on);
  for (const g of t.grants) take(g.from), take(g.to, 1);
  for (const v of t.variations) take(v.day);
  for (const o of t.obligations) for (const x of o.occurrences) take(x.day);
  for (const e of t.events) take(e.day);
  return [from, to];
}

function rulesOf(t: Timeline): Rule[] {
  const term = t.term.source ? { source: t.term.source } : {};
  return [
    { day: dayOf(t.term.start), label: 'start', cls: 'tl-term', tooltip: `The term starts on ${t.term.start}`, ...term },
    { day: dayOf(t.term.end) + 1, label: 'end', cls: 'tl-term', tooltip: `The term ends on ${t.term.end}${t.variations.some((v) => v.termTo) ? ' (as varied)' : ''}`, ...term },
    ...t.variations.map((v) => ({
      day: dayOf(v.day), label: v.name, cls: 'tl-variation', source: v.source,
      tooltip: `Variation ${v.name}${v.title ? ` ${v.title}` : ''} takes effect on ${v.day}${v.termTo ? `; the term now ends on ${v.termTo}` : ''}`,
    })),
    { day: dayOf(t.on), label: `on ${t.on}`, cls: 'tl-on', tooltip: `The statuses are those on ${t.on}` },
  ];
}

/** Each rule's label above the axis, in up to three lanes; a label with no room is left to the rule's tooltip. */
function ruleLabels(rules: readonly Rule[], scale: Scale, width: number, top: number, out: TimelineShape[]): number {
  const lanes = new Lanes(RULE_LANES);
  const boxes = rules.map((r) => {
    const x = scale.x(r.day);
    const w = textWidth(r.label, SMALL);
    const toLeft = x + 3 + w > width - PAD;
    return { r, x: toLeft ? x - 3 : x + 3, anchor: toLeft ? ('end' as const) : ('start' as const), start: toLeft ? x - 3 - w : x + 3, w };
  }).filter((b) => b.start >= PAD).sort((a, b) => a.start - b.start);
  const placed = boxes.map((b) => ({ b, lane: lanes.fit(b.start, b.start + b.w + 4) }));
  for (const { b, lane } of placed) {
    if (lane === null) continue;
    out.push(textShape(b.r.label, b.x, top + SMALL + lane * (SMALL + 4), SMALL, b.r.cls === 'tl-on' ? 'tl-text' : 'tl-muted', b.anchor, { tooltip: b.r.tooltip, ...(b.r.source ? { source: b.r.source } : {}) }));
  }
  return Math.max(1, lanes.count) * (SMALL + 4);
}

/** The axis line, its ticks and labels from `top`, and a faint line down from each labelled year; returns the y below it. */
function axis(scale: Scale, top: number, back: TimelineShape[], front: TimelineShape[]): number {
  back.push(lineShape(scale.left, top, scale.right, top, 'tl-axis'));
  let lastEnd = -Infinity;
  for (const tick of axisTicks(scale, SMALL)) {
    back.push(lineShape(tick.x, top, tick.x, top + (tick.major ? 6 : 3), 'tl-tick'));
    if (!tick.label) continue;
    const w = textWidth(tick.label, SMALL);
    // A label keeps clear of the one before it and of the picture's right edge.
    if (tick.x + 2 < lastEnd + 4 || tick.x + 2 + w > scale.right + MARK_RADIUS + 2) continue;
    front.push(textShape(tick.label, tick.x + 2, top + 6 + SMALL, SMALL, tick.major ? 'tl-text' : 'tl-muted'));
    lastEnd = tick.x + 2 + w;
  }
  return top + 6 + SMALL + 8;
}

function summary(t: Timeline): string {
  const counts = new Map<string, number>();
  const count = (word: string): void => void counts.set(word, (counts.get(word) ?? 0) + 1);
  for (const o of t.obligations) for (const x of o.occurrences) count(`${x.status === 'due-soon' ? 'due soon' : x.status} occurrences`);
  for (const k of t.kpis) for (const p of k.periods) count(`${p.status} periods`);
  const parts = [...counts].map(([word, n]) => `${n} ${word}`);
  return `Timeline of ${t.title || t.partnership}: term ${t.term.start} to ${t.term.end}, ${t.grants.length} exclusive grants, ${t.variations.length} variations, ${t.events.length} events; on ${t.on}: ${parts.join(', ') || 'nothing due or measured'}.`;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
