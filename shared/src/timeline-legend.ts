// The timeline's legend: each mark, fill and rule drawn as in the picture, with its word, in
// groups that wrap to the width. It says what every colour means in shapes and words.

import { OCCURRENCE_STATUSES, PERIOD_STATUSES, STATUS_WORDS } from './timeline-marks';
import { textWidth } from './timeline-scale';
import { lineShape, markShape, rectShape, textShape, type TimelineShape } from './timeline-shapes';

const SIZE = 11;
const LINE = 18;
const SWATCH = 14;
const GAP = 12;

interface Entry {
  readonly word: string;
  /** Draws the entry's sample in the box that starts at x, centred on y. */
  readonly sample: (x: number, y: number) => TimelineShape[];
}

/** The legend's shapes from `top`, within `left` to `right`; returns them and the height taken. */
export function legendShapes(top: number, left: number, right: number, on: string): { shapes: TimelineShape[]; height: number } {
  const groups: [string, Entry[]][] = [
    ['Duties:', OCCURRENCE_STATUSES.map((s) => ({ word: STATUS_WORDS[s], sample: (x, y) => [markShape(s, x + SWATCH / 2, y, `tl-${s}`)] }))],
    ['KPI periods:', PERIOD_STATUSES.map((s) => ({
      word: STATUS_WORDS[s],
      sample: (x, y) => [rectShape(x + 1, y - 5, SWATCH - 2, 10, `tl-cell-${s}`)],
    }))],
    ['Also:', [
      { word: 'event recorded', sample: (x, y) => [markShape('event', x + SWATCH / 2, y, 'tl-event')] },
      { word: 'exclusive grant', sample: (x, y) => [rectShape(x, y - 5, SWATCH, 10, 'tl-grant')] },
      { word: 'term starts or ends', sample: (x, y) => [lineShape(x + SWATCH / 2, y - 7, x + SWATCH / 2, y + 7, 'tl-term')] },
      { word: 'variation takes effect', sample: (x, y) => [lineShape(x + SWATCH / 2, y - 7, x + SWATCH / 2, y + 7, 'tl-variation')] },
      { word: `status on ${on}`, sample: (x, y) => [lineShape(x + SWATCH / 2, y - 7, x + SWATCH / 2, y + 7, 'tl-on')] },
    ]],
  ];
  const shapes: TimelineShape[] = [];
  let y = top + LINE / 2;
  for (const [heading, entries] of groups) {
    let x = left;
    shapes.push(textShape(heading, x, y + SIZE * 0.35, SIZE, 'tl-muted'));
    x += textWidth(heading, SIZE) + 6;
    for (const e of entries) {
      const width = SWATCH + 4 + textWidth(e.word, SIZE);
      if (x + width > right && x > left) {
        x = left + 12;
        y += LINE;
      }
      shapes.push(...e.sample(x, y), textShape(e.word, x + SWATCH + 4, y + SIZE * 0.35, SIZE, 'tl-text'));
      x += width + GAP;
    }
    y += LINE;
  }
  return { shapes, height: y - LINE / 2 - top };
}
