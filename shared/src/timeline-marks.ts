// How each status of the timeline looks. Every status has a shape or fill pattern of its own
// as well as a colour, so nothing is told by colour alone: occurrences are circles, a circle
// with a bar, a triangle, a diamond or a dash; KPI periods are solid, hatched, cross-hatched,
// outlined or dotted. Colours are CSS custom properties (`--tl-done`), falling back to the VS
// Code theme's chart colours, then to fixed ones, so a page or the preview can set them.

import type { OccurrenceStatus, PeriodStatus } from './ledger-statuses';

export const OCCURRENCE_STATUSES: readonly OccurrenceStatus[] = ['done', 'late', 'overdue', 'due', 'due-soon', 'waived'];
export const PERIOD_STATUSES: readonly PeriodStatus[] = ['met', 'failed', 'breached', 'missing', 'waived'];

/** Half the width of a mark. */
export const MARK_RADIUS = 5;

const n = (v: number): number => Math.round(v * 10) / 10;

/** A part of a mark: marks are made of circles, polygons and lines, which SVG elements can hold without markup. */
export type MarkPart =
  | { readonly kind: 'circle'; readonly cx: number; readonly cy: number; readonly r: number }
  | { readonly kind: 'polygon'; readonly points: readonly (readonly [number, number])[] }
  | { readonly kind: 'line'; readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number };

/** The parts of the mark of an occurrence (or an event) centred on (x, y). */
export function markParts(kind: OccurrenceStatus | 'event', x: number, y: number): MarkPart[] {
  const r = MARK_RADIUS;
  const polygon = (...points: [number, number][]): MarkPart => ({ kind: 'polygon', points: points.map(([px, py]) => [n(x + px), n(y + py)] as const) });
  switch (kind) {
    case 'done':
    case 'due':
      return [{ kind: 'circle', cx: n(x), cy: n(y), r: r - 0.5 }];
    case 'late':
      return [{ kind: 'circle', cx: n(x), cy: n(y), r: r - 1 }, { kind: 'line', x1: n(x), y1: n(y - r - 1), x2: n(x), y2: n(y + r + 1) }];
    case 'overdue':
      return [polygon([0, -r - 0.5], [r + 0.5, r - 0.5], [-r - 0.5, r - 0.5])];
    case 'due-soon':
      return [polygon([0, -r], [r, 0], [0, r], [-r, 0])];
    case 'waived':
      return [{ kind: 'line', x1: n(x - r), y1: n(y), x2: n(x + r), y2: n(y) }];
    case 'event':
      return [polygon([1 - r, 1 - r], [r - 1, 1 - r], [r - 1, r - 1], [1 - r, r - 1])];
  }
}

/** A paint: the colour variables of a class's fill and stroke, with a width and a dash. */
export interface Paint {
  readonly fill?: string;
  readonly stroke?: string;
  readonly strokeWidth?: number;
  readonly dash?: string;
}

/** Each colour's custom property (`--tl-good`), the VS Code theme colour it falls back to, and a fixed one last. */
const COLOURS = {
  good: ['charts-green', '#2e7d32'], bad: ['charts-red', '#c62828'], worse: ['charts-purple', '#8e24aa'], warn: ['charts-orange', '#b36b00'],
  open: ['charts-blue', '#1565c0'], muted: ['descriptionForeground', '#757575'], text: ['editor-foreground', 'CanvasText'],
  back: ['editor-background', 'Canvas'], grant: ['charts-blue', '#1565c0'], 'on-grant': ['editor-background', '#fff'],
  event: ['charts-purple', '#6a1b9a'], line: ['panel-border', '#8888'],
} as const;
const colour = (name: keyof typeof COLOURS): string => `var(--tl-${name}, var(--vscode-${COLOURS[name][0]}, ${COLOURS[name][1]}))`;
const [GOOD, BAD, WORSE, WARN, OPEN, MUTED, TEXT, BACK, GRANT, ON_GRANT, EVENT, LINE] = (
  ['good', 'bad', 'worse', 'warn', 'open', 'muted', 'text', 'back', 'grant', 'on-grant', 'event', 'line'] as const
).map(colour);

/** Every class the layout gives a shape, with its paint; pattern-filled cells take their fill from the pattern. */
export const PAINTS: Readonly<Record<string, Paint>> = {
  'tl-done': { fill: GOOD, stroke: GOOD, strokeWidth: 1 },
  'tl-late': { fill: BAD, stroke: BAD, strokeWidth: 2 },
  'tl-overdue': { fill: BAD, stroke: BAD, strokeWidth: 1 },
  'tl-due': { fill: BACK, stroke: OPEN, strokeWidth: 2 },
  'tl-due-soon': { fill: BACK, stroke: WARN, strokeWidth: 2 },
  'tl-waived': { fill: 'none', stroke: MUTED, strokeWidth: 3 },
  'tl-event': { fill: EVENT, stroke: EVENT, strokeWidth: 1 },
  'tl-cell-met': { fill: GOOD },
  'tl-cell-failed': { fill: 'url(#tl-hatch)', stroke: BAD, strokeWidth: 0.5 },
  'tl-cell-breached': { fill: 'url(#tl-cross)', stroke: WORSE, strokeWidth: 0.5 },
  'tl-cell-missing': { fill: BACK, stroke: WARN, strokeWidth: 1 },
  'tl-cell-waived': { fill: 'url(#tl-dots)', stroke: MUTED, strokeWidth: 1 },
  'tl-strip': { fill: 'none', stroke: LINE, strokeWidth: 1 },
  'tl-p-failed': { stroke: BAD, strokeWidth: 1.5 },
  'tl-p-breached': { stroke: WORSE, strokeWidth: 1.2 },
  'tl-p-waived': { fill: MUTED },
  'tl-grant': { fill: GRANT, stroke: GRANT, strokeWidth: 1 },
  'tl-grant-label': { fill: ON_GRANT },
  'tl-term': { fill: 'none', stroke: TEXT, strokeWidth: 2 },
  'tl-variation': { fill: 'none', stroke: TEXT, strokeWidth: 1.5, dash: '5 3' },
  'tl-on': { fill: 'none', stroke: BAD, strokeWidth: 1.5, dash: '1.5 2.5' },
  'tl-axis': { fill: 'none', stroke: MUTED, strokeWidth: 1 },
  'tl-tick': { fill: 'none', stroke: MUTED, strokeWidth: 1 },
  'tl-grid': { fill: 'none', stroke: LINE, strokeWidth: 1 },
  'tl-text': { fill: TEXT },
  'tl-muted': { fill: MUTED },
  'tl-heading': { fill: TEXT },
};

export type PatternName = 'hatch' | 'cross' | 'dots';

/**
 * A fill pattern: a square of `size` px drawn with lines and dots in the classes' paints. Its
 * element's id is `tl-<name>`, which the cells' paints name; every picture's copy is the same.
 */
export interface Pattern {
  readonly name: PatternName;
  readonly size: number;
  readonly lines: readonly { readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number; readonly cls: string }[];
  readonly dots: readonly { readonly cx: number; readonly cy: number; readonly r: number; readonly cls: string }[];
}

export const PATTERNS: readonly Pattern[] = [
  { name: 'hatch', size: 4, lines: [{ x1: -1, y1: 5, x2: 5, y2: -1, cls: 'tl-p-failed' }, { x1: -1, y1: 1, x2: 1, y2: -1, cls: 'tl-p-failed' }, { x1: 3, y1: 5, x2: 5, y2: 3, cls: 'tl-p-failed' }], dots: [] },
  { name: 'cross', size: 4, lines: [{ x1: 0, y1: 4, x2: 4, y2: 0, cls: 'tl-p-breached' }, { x1: 0, y1: 0, x2: 4, y2: 4, cls: 'tl-p-breached' }], dots: [] },
  { name: 'dots', size: 3, lines: [], dots: [{ cx: 1.5, cy: 1.5, r: 1.1, cls: 'tl-p-waived' }] },
];

/** The word for each status, as the legend and tooltips say it. */
export const STATUS_WORDS: Readonly<Record<OccurrenceStatus | PeriodStatus, string>> = {
  done: 'done', late: 'done late', overdue: 'overdue', due: 'due', 'due-soon': 'due within 30 days', waived: 'waived',
  met: 'met', failed: 'failed', breached: 'breached', missing: 'no result',
};

/** Texts' sizes and anchors are classes too: the preview sets no attribute or style. */
export const textClasses = (size: number, anchor: 'start' | 'middle' | 'end'): string[] => [`tl-s${size}`, ...(anchor === 'start' ? [] : [`tl-a-${anchor}`])];

/** CSS for every class, within `svg.tl`: what the HTML page and the preview both apply. */
export function timelineCss(): string {
  const paints = Object.entries(PAINTS).map(([cls, p]) => `svg.tl .${cls} { ${paintDeclarations(p).map(([k, v]) => `${k}: ${v};`).join(' ')} }`);
  return [
    'svg.tl { display: block; height: auto; }',
    'svg.tl text { font-family: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", sans-serif); }',
    'svg.tl .tl-s11 { font-size: 11px; } svg.tl .tl-s12 { font-size: 12px; } svg.tl .tl-a-middle { text-anchor: middle; } svg.tl .tl-a-end { text-anchor: end; }',
    'svg.tl [tabindex] { cursor: pointer; } svg.tl [tabindex]:focus-visible { outline: 2px solid var(--vscode-focusBorder, Highlight); }',
    ...paints,
  ].join('\n');
}

function paintDeclarations(p: Paint): [string, string][] {
  const out: [string, string][] = [];
  if (p.fill) out.push(['fill', p.fill]);
  if (p.stroke) out.push(['stroke', p.stroke], ['stroke-width', String(p.strokeWidth ?? 1)]);
  if (p.dash) out.push(['stroke-dasharray', p.dash]);
  return out;
}
