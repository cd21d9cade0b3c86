// How each status of the timeline looks. Every status has a shape or fill pattern of its own
// as well as a colour, so nothing is told by colour alone: occurrences are circles, a circle
// with a bar, a triangle, a diamond or a dash; KPI periods are solid, hatched, cross-hatched,
// outlined or dotted. Colours are CSS custom properties (`--tl-done`), falling back to the VS
// Code theme's chart colours, then to fixed ones, so a page or the preview can set them.

import type { TimelineOccurrenceStatus, TimelinePeriodStatus } from './timeline';

export const OCCURRENCE_STATUSES: readonly TimelineOccurrenceStatus[] = ['done', 'late', 'overdue', 'due', 'due-soon', 'waived'];
export const PERIOD_STATUSES: readonly TimelinePeriodStatus[] = ['met', 'failed', 'breached', 'missing', 'waived'];

/** Half the width of a mark. */
export const MARK_RADIUS = 5;

const n = (v: number): string => String(Math.round(v * 10) / 10);

const circle = (x: number, y: number, r: number): string => `M${n(x - r)} ${n(y)}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`;

/** The mark of an occurrence (or an event) centred on (x, y): its path data. */
export function markPath(kind: TimelineOccurrenceStatus | 'event', x: number, y: number): string {
  const r = MARK_RADIUS;
  switch (kind) {
    case 'done':
    case 'due':
      return circle(x, y, r - 0.5);
    case 'late':
      return `${circle(x, y, r - 1)}M${n(x)} ${n(y - r - 1)}V${n(y + r + 1)}`;
    case 'overdue':
      return `M${n(x)} ${n(y - r - 0.5)}L${n(x + r + 0.5)} ${n(y + r - 0.5)}H${n(x - r - 0.5)}Z`;
    case 'due-soon':
      return `M${n(x)} ${n(y - r)}L${n(x + r)} ${n(y)}L${n(x)} ${n(y + r)}L${n(x - r)} ${n(y)}Z`;
    case 'waived':
      return `M${n(x - r)} ${n(y)}H${n(x + r)}`;
    case 'event':
      return `M${n(x - r + 1)} ${n(y - r + 1)}h${2 * r - 2}v${2 * r - 2}h${2 - 2 * r}Z`;
  }
}

/** A paint: the colour variables of a class's fill and stroke, with a width and a dash. */
export interface Paint {
  readonly fill?: string;
  readonly stroke?: string;
  readonly strokeWidth?: number;
  readonly dash?: string;
}

const colour = (name: string, vscode: string, fixed: string): string => `var(--tl-${name}, var(--vscode-${vscode}, ${fixed}))`;
const GOOD = colour('good', 'charts-green', '#2e7d32');
const BAD = colour('bad', 'charts-red', '#c62828');
const WORSE = colour('worse', 'charts-purple', '#8e24aa');
const WARN = colour('warn', 'charts-orange', '#b36b00');
const OPEN = colour('open', 'charts-blue', '#1565c0');
const MUTED = colour('muted', 'descriptionForeground', '#757575');
const TEXT = colour('text', 'editor-foreground', 'CanvasText');
const BACK = colour('back', 'editor-background', 'Canvas');
const GRANT = colour('grant', 'charts-blue', '#1565c0');
const ON_GRANT = colour('on-grant', 'editor-background', '#fff');
const EVENT = colour('event', 'charts-purple', '#6a1b9a');
const LINE = colour('line', 'panel-border', '#8888');

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
  'tl-cell-failed': { stroke: BAD, strokeWidth: 0.5 },
  'tl-cell-breached': { stroke: WORSE, strokeWidth: 0.5 },
  'tl-cell-missing': { fill: BACK, stroke: WARN, strokeWidth: 1 },
  'tl-cell-waived': { stroke: MUTED, strokeWidth: 0.5 },
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

/** A fill pattern: a square of `size` px drawn with lines and dots in the classes' paints. */
export interface Pattern {
  readonly name: PatternName;
  readonly size: number;
  readonly lines: readonly { readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number; readonly cls: string }[];
  readonly dots: readonly { readonly cx: number; readonly cy: number; readonly r: number; readonly cls: string }[];
}

export const PATTERNS: readonly Pattern[] = [
  { name: 'hatch', size: 4, lines: [{ x1: -1, y1: 5, x2: 5, y2: -1, cls: 'tl-p-failed' }, { x1: -1, y1: 1, x2: 1, y2: -1, cls: 'tl-p-failed' }, { x1: 3, y1: 5, x2: 5, y2: 3, cls: 'tl-p-failed' }], dots: [] },
  { name: 'cross', size: 4, lines: [{ x1: 0, y1: 4, x2: 4, y2: 0, cls: 'tl-p-breached' }, { x1: 0, y1: 0, x2: 4, y2: 4, cls: 'tl-p-breached' }], dots: [] },
  { name: 'dots', size: 3, lines: [], dots: [{ cx: 1.5, cy: 1.5, r: 0.8, cls: 'tl-p-waived' }] },
];

/** The fill pattern of a period's status, if any: met is solid and missing outlined. */
export const PERIOD_PATTERN: Readonly<Record<TimelinePeriodStatus, PatternName | undefined>> = { met: undefined, failed: 'hatch', breached: 'cross', missing: undefined, waived: 'dots' };

/** The word for each status, as the legend and tooltips say it. */
export const STATUS_WORDS: Readonly<Record<TimelineOccurrenceStatus | TimelinePeriodStatus, string>> = {
  done: 'done', late: 'done late', overdue: 'overdue', due: 'due', 'due-soon': 'due within 30 days', waived: 'waived',
  met: 'met', failed: 'failed', breached: 'breached', missing: 'no result',
};

/** CSS for every class, scoped to `selector`: what the HTML page and the preview both apply. */
export function paintCss(selector: string): string {
  return Object.entries(PAINTS).map(([cls, p]) => `${selector} .${cls} { ${paintDeclarations(p).map(([k, v]) => `${k}: ${v};`).join(' ')} }`).join('\n');
}

/** A paint as CSS properties and values. */
export function paintDeclarations(p: Paint): [string, string][] {
  const out: [string, string][] = [];
  // A class without a fill leaves it to the shape's own `fill` attribute: a pattern's.
  if (p.fill) out.push(['fill', p.fill]);
  if (p.stroke) out.push(['stroke', p.stroke], ['stroke-width', String(p.strokeWidth ?? 1)]);
  if (p.dash) out.push(['stroke-dasharray', p.dash]);
  return out;
}
