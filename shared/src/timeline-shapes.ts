// The plain shapes a timeline is laid out as: rectangles, lines, mark paths and texts with
// coordinates, each with its class (its paint and status), an optional tooltip and the source
// it goes to. The HTML status page writes them as an SVG string, the preview as SVG elements.

import type { TimelineSource } from './timeline';
import { MARK_RADIUS, type MarkPart, markParts, textClasses } from './timeline-marks';
import { textWidth } from './timeline-scale';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

interface ShapeBase {
  readonly cls: string;
  readonly tooltip?: string;
  readonly source?: TimelineSource;
}

export interface RectShape extends ShapeBase {
  readonly kind: 'rect';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface LineShape extends ShapeBase {
  readonly kind: 'line';
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** A mark: its parts (painted as one, by its class) and the box it fits in. */
export interface MarkShape extends ShapeBase {
  readonly kind: 'mark';
  readonly parts: readonly MarkPart[];
  readonly box: Box;
}

export interface TextShape extends ShapeBase {
  readonly kind: 'text';
  /** Where the baseline starts (`start`), is centred (`middle`) or ends (`end`). */
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly anchor: 'start' | 'middle' | 'end';
  readonly size: number;
  /** The classes of its size and anchor (`tl-s11`, `tl-a-end`), besides `cls`. */
  readonly textClasses: readonly string[];
  /** The box the text is estimated to take (see `textWidth`). */
  readonly box: Box;
}

export type TimelineShape = RectShape | LineShape | MarkShape | TextShape;

export const round = (v: number): number => Math.round(v * 10) / 10;

type Extra = Pick<ShapeBase, 'tooltip' | 'source'>;

export function textShape(text: string, x: number, y: number, size: number, cls: string, anchor: TextShape['anchor'] = 'start', extra: Extra = {}): TextShape {
  const width = textWidth(text, size);
  const boxX = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
  return { kind: 'text', x: round(x), y: round(y), text, anchor, size, textClasses: textClasses(size, anchor), cls, box: { x: round(boxX), y: round(y - size * 0.9), width: round(width), height: round(size * 1.2) }, ...extra };
}

export function markShape(kind: Parameters<typeof markParts>[0], x: number, y: number, cls: string, extra: Extra = {}): MarkShape {
  const r = MARK_RADIUS + 1;
  return { kind: 'mark', parts: markParts(kind, x, y), cls, box: { x: round(x - r), y: round(y - r), width: 2 * r, height: 2 * r }, ...extra };
}

export function rectShape(x: number, y: number, width: number, height: number, cls: string, extra: Extra = {}): RectShape {
  return { kind: 'rect', x: round(x), y: round(y), width: round(width), height: round(height), cls, ...extra };
}

export function lineShape(x1: number, y1: number, x2: number, y2: number, cls: string, extra: Extra = {}): LineShape {
  return { kind: 'line', x1: round(x1), y1: round(y1), x2: round(x2), y2: round(y2), cls, ...extra };
}
