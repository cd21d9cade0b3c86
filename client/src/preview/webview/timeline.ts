// The timeline picture in the preview: the shapes of shared/src/timeline-layout.ts built as SVG
// elements (document text only through `textContent`, never as markup), painted from the
// theme through the paints' CSS custom properties (set through the CSSOM, which the page's
// content security policy allows), with each shape that has a source focusable and going to
// it on a click, Enter or Space.

import type { Timeline, TimelineSource } from '../../../../shared/out/timeline';
import { layoutTimeline, type TimelineShape } from '../../../../shared/out/timeline-layout';
import { type Paint, paintDeclarations, PAINTS, PATTERNS } from '../../../../shared/out/timeline-marks';

const SVG = 'http://www.w3.org/2000/svg';
const FONT = 'var(--vscode-font-family, system-ui, sans-serif)';
/** Pattern ids are unique per picture: several may be on the page at once. */
let pictures = 0;

function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Readonly<Record<string, string | number>> = {}): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

function paint(node: SVGElement, cls: string): void {
  node.classList.add(cls);
  const p: Paint | undefined = PAINTS[cls];
  if (p) for (const [property, value] of paintDeclarations(p)) node.style.setProperty(property, value);
}

/**
 * The picture of `timeline` laid out for `width` px (the pane's width), 100% wide so that it
 * scales when the pane changes until it is built again. `onReveal` receives the source of a
 * mark, bar, rule or label the reader activates.
 */
export function buildTimeline(timeline: Timeline, width: number, onReveal: (source: TimelineSource) => void): SVGSVGElement {
  const layout = layoutTimeline(timeline, width);
  const id = `tl${++pictures}`;
  const svg = svgEl('svg', { viewBox: `0 0 ${layout.width} ${layout.height}`, width: '100%', role: 'group', 'aria-label': layout.label });
  svg.classList.add('tl');
  const defs = svg.appendChild(svgEl('defs'));
  for (const p of PATTERNS) {
    const pattern = defs.appendChild(svgEl('pattern', { id: `${id}-${p.name}`, width: p.size, height: p.size, patternUnits: 'userSpaceOnUse' }));
    for (const l of p.lines) paint(pattern.appendChild(svgEl('line', { x1: l.x1, y1: l.y1, x2: l.x2, y2: l.y2 })), l.cls);
    for (const d of p.dots) paint(pattern.appendChild(svgEl('circle', { cx: d.cx, cy: d.cy, r: d.r })), d.cls);
  }
  for (const shape of layout.shapes) svg.appendChild(shapeEl(shape, id, onReveal));
  return svg;
}

function shapeEl(s: TimelineShape, id: string, onReveal: (source: TimelineSource) => void): SVGElement {
  let node: SVGElement;
  switch (s.kind) {
    case 'rect':
      node = svgEl('rect', { x: s.x, y: s.y, width: s.width, height: s.height, ...(s.pattern ? { fill: `url(#${id}-${s.pattern})` } : {}) });
      break;
    case 'line':
      node = svgEl('line', { x1: s.x1, y1: s.y1, x2: s.x2, y2: s.y2 });
      break;
    case 'path':
      node = svgEl('path', { d: s.d });
      break;
    case 'text':
      node = svgEl('text', { x: s.x, y: s.y, 'font-size': s.size, ...(s.anchor === 'start' ? {} : { 'text-anchor': s.anchor }) });
      node.textContent = s.text;
      node.style.setProperty('font-family', FONT);
      break;
  }
  paint(node, s.cls);
  if (s.tooltip) node.appendChild(svgEl('title')).textContent = s.tooltip;
  if (s.source) revealing(node, s.source, s.tooltip, onReveal);
  return node;
}

function revealing(node: SVGElement, source: TimelineSource, tooltip: string | undefined, onReveal: (source: TimelineSource) => void): void {
  node.setAttribute('tabindex', '0');
  node.setAttribute('role', 'button');
  node.setAttribute('aria-label', `${tooltip ? `${tooltip}. ` : ''}Show line ${source.line} in the editor`);
  node.style.setProperty('cursor', 'pointer');
  node.addEventListener('click', () => onReveal(source));
  node.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onReveal(source);
  });
}
