// The timeline picture in the preview: the shapes of shared/src/timeline-layout.ts built as SVG
// elements, document text only through `textContent` and numbers through the SVG DOM (never
// markup, attributes or inline styles), painted by class from the theme, with each shape that
// has a source focusable and going to it on a click, Enter or Space.

import type { Timeline, TimelineSource } from '../../../../shared/out/timeline';
import { layoutTimeline, type TimelineShape } from '../../../../shared/out/timeline-layout';
import { type MarkPart, PATTERNS } from '../../../../shared/out/timeline-marks';

const SVG = 'http://www.w3.org/2000/svg';
const USER_SPACE = 1; // SVGUnitTypes.SVG_UNIT_TYPE_USERSPACEONUSE
const PERCENTAGE = 2; // SVGLength.SVG_LENGTHTYPE_PERCENTAGE

const svgEl = <K extends keyof SVGElementTagNameMap>(tag: K, classes: readonly string[] = []): SVGElementTagNameMap[K] => {
  const node = document.createElementNS(SVG, tag);
  if (classes.length > 0) node.classList.add(...classes);
  return node;
};

/** Sets lengths through the SVG DOM (`rect.x.baseVal.value`): no attribute is written as text. */
function lengths(node: SVGElement, values: Readonly<Record<string, number>>): void {
  const target = node as unknown as Record<string, SVGAnimatedLength>;
  for (const [name, value] of Object.entries(values)) target[name].baseVal.value = value;
}

/**
 * The picture of `timeline` laid out for `width` px (the pane's width), 100% wide so that it
 * scales when the pane changes until it is built again. `onReveal` receives the source of a
 * mark, bar, rule or label the reader activates. Its colours, sizes and fill patterns come from
 * `timelineCss()` (shared/src/timeline-marks.ts), which the page's stylesheet must hold; each
 * picture carries the patterns under the same ids, so a page with several draws them alike.
 */
export function buildTimeline(timeline: Timeline, width: number, onReveal: (source: TimelineSource) => void): SVGSVGElement {
  const layout = layoutTimeline(timeline, width);
  const svg = svgEl('svg', ['tl']);
  Object.assign(svg.viewBox.baseVal, { x: 0, y: 0, width: layout.width, height: layout.height });
  svg.width.baseVal.newValueSpecifiedUnits(PERCENTAGE, 100);
  svg.role = 'group';
  svg.ariaLabel = layout.label;
  const defs = svg.appendChild(svgEl('defs'));
  for (const p of PATTERNS) {
    const pattern = defs.appendChild(svgEl('pattern'));
    pattern.id = `tl-${p.name}`;
    lengths(pattern, { width: p.size, height: p.size });
    pattern.patternUnits.baseVal = USER_SPACE;
    for (const l of p.lines) lengths(pattern.appendChild(svgEl('line', [l.cls])), { x1: l.x1, y1: l.y1, x2: l.x2, y2: l.y2 });
    for (const d of p.dots) lengths(pattern.appendChild(svgEl('circle', [d.cls])), { cx: d.cx, cy: d.cy, r: d.r });
  }
  for (const shape of layout.shapes) svg.appendChild(shapeEl(svg, shape, onReveal));
  return svg;
}

function shapeEl(svg: SVGSVGElement, s: TimelineShape, onReveal: (source: TimelineSource) => void): SVGElement {
  let node: SVGElement;
  switch (s.kind) {
    case 'rect':
      lengths((node = svgEl('rect', [s.cls])), { x: s.x, y: s.y, width: s.width, height: s.height });
      break;
    case 'line':
      lengths((node = svgEl('line', [s.cls])), { x1: s.x1, y1: s.y1, x2: s.x2, y2: s.y2 });
      break;
    case 'mark':
      node = svgEl('g', [s.cls]);
      for (const part of s.parts) node.appendChild(partEl(svg, part));
      break;
    case 'text': {
      const text = svgEl('text', [s.cls, ...s.textClasses]);
      for (const [list, value] of [[text.x, s.x], [text.y, s.y]] as const) {
        const length = svg.createSVGLength();
        length.value = value;
        list.baseVal.appendItem(length);
      }
      text.textContent = s.text;
      node = text;
      break;
    }
  }
  if (s.tooltip) node.appendChild(svgEl('title')).textContent = s.tooltip;
  if (s.source) revealing(node, s.source, s.tooltip, onReveal);
  return node;
}

function partEl(svg: SVGSVGElement, p: MarkPart): SVGElement {
  switch (p.kind) {
    case 'circle': {
      const circle = svgEl('circle');
      lengths(circle, { cx: p.cx, cy: p.cy, r: p.r });
      return circle;
    }
    case 'line': {
      const line = svgEl('line');
      lengths(line, { x1: p.x1, y1: p.y1, x2: p.x2, y2: p.y2 });
      return line;
    }
    case 'polygon': {
      const polygon = svgEl('polygon');
      for (const [x, y] of p.points) {
        const point = svg.createSVGPoint();
        point.x = x;
        point.y = y;
        polygon.points.appendItem(point);
      }
      return polygon;
    }
  }
}

function revealing(node: SVGElement, source: TimelineSource, tooltip: string | undefined, onReveal: (source: TimelineSource) => void): void {
  node.tabIndex = 0;
  node.role = 'button';
  node.ariaLabel = `${tooltip ? `${tooltip}. ` : ''}Show line ${source.line} in the editor`;
  node.addEventListener('click', () => onReveal(source));
  node.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onReveal(source);
  });
}
