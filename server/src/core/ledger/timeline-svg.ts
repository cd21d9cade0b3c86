// The timeline's shapes (shared/src/timeline-layout.ts) as an SVG string for the HTML status
// page: every text and tooltip escaped, a `<title>` per shape that has a tooltip, colours, sizes
// and fill patterns by class (timeline-marks.ts, CSS custom properties), 100% wide with a viewBox so it
// scales. A page holds the picture laid out at a few widths and shows the one that suits the
// window (or, printed, A4 portrait): text keeps about the size it was laid out at.

import { layoutTimeline, type TimelineLayout, type TimelineShape } from '../../../../shared/out/timeline-layout';
import { type MarkPart, PATTERNS, timelineCss } from '../../../../shared/out/timeline-marks';
import type { Timeline } from '../../../../shared/out/timeline';
import { escapeHtml } from '../matrix/html';

const e = escapeHtml;

/** The widths a page lays each timeline out at, and the narrowest window each is shown in. */
export const PAGE_WIDTHS: readonly { readonly width: number; readonly fromWindow: number }[] = [
  { width: 560, fromWindow: 0 }, { width: 860, fromWindow: 900 }, { width: 1300, fromWindow: 1300 },
];

/** The picture; its cells' patterns come from `timelinePatternsSvg`, once on the page. */
export function renderTimelineSvg(layout: TimelineLayout): string {
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" class="tl" width="100%" viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-label="${e(layout.label)}">`];
  for (const s of layout.shapes) out.push(shapeSvg(s));
  out.push('</svg>');
  return out.join('');
}

/** The cells' fill patterns (`tl-hatch`…), in a picture of no size that every picture on the page refers to. */
export function timelinePatternsSvg(): string {
  const out = ['<svg xmlns="http://www.w3.org/2000/svg" class="tl tl-patterns" width="0" height="0" aria-hidden="true"><defs>'];
  for (const p of PATTERNS) {
    out.push(`<pattern id="tl-${p.name}" width="${p.size}" height="${p.size}" patternUnits="userSpaceOnUse">`);
    for (const l of p.lines) out.push(`<line x1="${l.x1}" y1="${l.y1}" x2="${l.x2}" y2="${l.y2}" class="${l.cls}"/>`);
    for (const d of p.dots) out.push(`<circle cx="${d.cx}" cy="${d.cy}" r="${d.r}" class="${d.cls}"/>`);
    out.push('</pattern>');
  }
  out.push('</defs></svg>');
  return out.join('');
}

function shapeSvg(s: TimelineShape): string {
  const title = s.tooltip ? `<title>${e(s.tooltip)}</title>` : '';
  const close = (tag: string): string => (title ? `>${title}</${tag}>` : '/>');
  switch (s.kind) {
    case 'rect':
      return `<rect x="${s.x}" y="${s.y}" width="${s.width}" height="${s.height}" class="${e(s.cls)}"${close('rect')}`;
    case 'line':
      return `<line x1="${s.x1}" y1="${s.y1}" x2="${s.x2}" y2="${s.y2}" class="${e(s.cls)}"${close('line')}`;
    case 'mark':
      return `<g class="${e(s.cls)}">${title}${s.parts.map(partSvg).join('')}</g>`;
    case 'text':
      return `<text x="${s.x}" y="${s.y}" class="${e([s.cls, ...s.textClasses].join(' '))}">${title}${e(s.text)}</text>`;
  }
}

function partSvg(p: MarkPart): string {
  switch (p.kind) {
    case 'circle':
      return `<circle cx="${p.cx}" cy="${p.cy}" r="${p.r}"/>`;
    case 'polygon':
      return `<polygon points="${p.points.map(([x, y]) => `${x},${y}`).join(' ')}"/>`;
    case 'line':
      return `<line x1="${p.x1}" y1="${p.y1}" x2="${p.x2}" y2="${p.y2}"/>`;
  }
}

/** The page's CSS for its timelines: paints, dark colours, which width shows in which window, and print. */
export function timelinePageCss(): string {
  const shown = PAGE_WIDTHS.map((w, i) => {
    const others = PAGE_WIDTHS.filter((_, j) => j !== i).map((o) => `.tl-w${o.width}`).join(', ');
    return `@media (min-width: ${w.fromWindow}px) { ${others} { display: none; } .tl-w${w.width} { display: block; } }`;
  });
  const narrow = PAGE_WIDTHS[0].width;
  return [
    '.tl-fit { margin: .5rem 0 1rem; } svg.tl-patterns { position: absolute; }',
    '@media (prefers-color-scheme: dark) { :root { --tl-good: #66bb6a; --tl-bad: #ef5350; --tl-worse: #ce93d8; --tl-warn: #ffb74d; --tl-open: #64b5f6; --tl-grant: #42a5f5; --tl-on-grant: #0d1b2a; --tl-event: #ba68c8; --tl-muted: #9e9e9e; } }',
    timelineCss(),
    ...shown,
    `@media print { .tl-fit { display: none !important; } .tl-fit.tl-w${narrow} { display: block !important; } }`,
  ].join('\n');
}

/** One partnership's timeline at each of the page's widths, in its own wrappers. */
export function timelineFigures(t: Timeline): string {
  return PAGE_WIDTHS.map((w) => `<div class="tl-fit tl-w${w.width}">${renderTimelineSvg(layoutTimeline(t, w.width))}</div>`).join('\n');
}
