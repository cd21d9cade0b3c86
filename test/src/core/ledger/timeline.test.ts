// The timeline picture: its data from a real contract and results file
// (test/fixtures/ledger/timeline: fifteen years, two grants, a scope returned, every status on
// 2024-06-15), the layout's geometry, and the SVG string with hostile titles and notes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { timelinesOf } from '../../../../server/out/core/ledger/timeline';
import { renderTimelineSvg } from '../../../../server/out/core/ledger/timeline-svg';
import { dayNumber } from '../../../../server/out/core/values/dates';
import type { Timeline } from '../../../../shared/out/timeline';
import { layoutTimeline, type TimelineLayout } from '../../../../shared/out/timeline-layout';
import { markParts, OCCURRENCE_STATUSES, PAINTS, PERIOD_STATUSES, STATUS_WORDS } from '../../../../shared/out/timeline-marks';
import type { Box } from '../../../../shared/out/timeline-shapes';
import { repoRoot } from '../../helpers/paths';
import { ledgerFor } from './ledger.test';

const folder = path.join(repoRoot, 'test', 'fixtures', 'ledger', 'timeline');

export function timelineOn(dir: string, on: string): Timeline[] {
  const ledger = ledgerFor(dir);
  return timelinesOf(ledger, ledger.status(dayNumber(on)!));
}

const boxOf = (s: TimelineLayout['shapes'][number]): Box =>
  s.kind === 'rect' ? s : s.kind === 'line' ? { x: Math.min(s.x1, s.x2), y: Math.min(s.y1, s.y2), width: Math.abs(s.x2 - s.x1), height: Math.abs(s.y2 - s.y1) } : s.box;
const overlap = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the timeline picture', () => {
  const [t] = timelineOn(folder, '2024-06-15');

  it('takes the term, variations and grants as varied, each with its source', () => {
    assert.deepEqual(t.term, { start: '2010-04-01', end: '2025-03-31', source: { file: 'harbour.partnership', line: 4 } });
    assert.deepEqual(t.variations.map((v) => [v.day, v.name, v.termTo, v.source.line]), [['2015-06-30', 'Extension2015', '2025-03-31', 48], ['2018-10-01', 'Telephony2018', undefined, 52]]);
    // The telephony returned on 2018-10-01 splits JV's grant: after it, Telephony is carved out.
    assert.deepEqual(t.grants.map((g) => [g.scope, g.holder, g.from, g.to, g.except, g.source.line]), [
      ['ICT.Core', 'JV', '2010-04-01', '2018-09-30', [], 14],
      ['ICT.Core', 'JV', '2018-10-01', '2025-03-31', ['ICT.Core.Telephony'], 14],
      ['ICT.Projects', 'Apps', '2012-01-01', '2016-12-31', [], 15],
    ]);
  });

  it('gives every status the ledger gives on the day, and the events recorded by then', () => {
    const statuses = new Set(t.obligations.flatMap((o) => o.occurrences.map((x) => x.status)));
    assert.deepEqual([...statuses].sort(), [...OCCURRENCE_STATUSES].sort());
    assert.deepEqual([...new Set(t.kpis.flatMap((k) => k.periods.map((p) => p.status)))].sort(), [...PERIOD_STATUSES].sort());
    const report = t.obligations.find((o) => o.name === 'AnnualReport')!;
    assert.deepEqual(report.source, { file: 'harbour.partnership', line: 19 });
    assert.deepEqual(report.occurrences[2], { day: '2012-07-01', status: 'late', detail: 'due 2012-07-01, done 2012-09-15, 76 days late' });
    assert.deepEqual(report.occurrences[9], { day: '2019-07-01', status: 'waived', detail: 'due 2019-07-01 (Agreed at the board)' });
    const availability = t.kpis.find((k) => k.name === 'Availability')!;
    assert.equal(availability.periods.length, 170, 'April 2010 to May 2024');
    assert.deepEqual(availability.periods[6], { start: '2010-10-01', end: '2010-10-31', status: 'failed', detail: '99.2%, target >= 99.5%' });
    assert.deepEqual(t.events, [
      { day: '2013-05-03', name: 'BreachNotice', title: 'Notice of material breach', note: 'Letter from the Head of ICT', source: { file: 'harbour.results.csv', line: 2 } },
      { day: '2021-02-10', name: 'BreachNotice', title: 'Notice of material breach', note: 'Second notice', source: { file: 'harbour.results.csv', line: 4 } },
    ]);
    const earlier = timelineOn(folder, '2015-01-01')[0];
    assert.deepEqual(earlier.events.map((e) => e.day), ['2013-05-03'], 'an event after the day is not shown');
  });

  for (const width of [320, 600, 900, 1400]) {
    it(`lays everything out inside the picture, with no text over another, at ${width} px`, () => {
      const layout = layoutTimeline(t, width);
      for (const s of layout.shapes) {
        const b = boxOf(s);
        assert.ok(b.x >= 0 && b.y >= 0 && b.x + b.width <= layout.width && b.y + b.height <= layout.height, `${s.kind} ${s.cls} at ${JSON.stringify(b)} is outside ${layout.width}×${layout.height}`);
      }
      const texts = layout.shapes.filter((s) => s.kind === 'text');
      for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
        assert.ok(!overlap(boxOf(texts[i]), boxOf(texts[j])), `'${(texts[i] as { text: string }).text}' overlaps '${(texts[j] as { text: string }).text}'`);
      }
    });
  }

  it('labels the years of a fifteen-year term at 600 px without crowding', () => {
    const layout = layoutTimeline(t, 600);
    const years = layout.shapes.filter((s) => s.kind === 'text' && /^\d{4}$/.test(s.text));
    assert.ok(years.length >= 5, `${years.length} year labels`);
    const gaps = years.slice(1).map((s, i) => boxOf(s).x - (boxOf(years[i]).x + boxOf(years[i]).width));
    assert.ok(Math.min(...gaps) >= 4, `gaps ${gaps}`);
  });

  it('gives each status its own shape or pattern, and a word in the legend', () => {
    const shapes = OCCURRENCE_STATUSES.map((s) => JSON.stringify(markParts(s, 0, 0)));
    // done and due share the circle, one filled and the other hollow; every other status has a shape of its own.
    assert.equal(new Set(shapes).size, shapes.length - 1);
    assert.equal(shapes[OCCURRENCE_STATUSES.indexOf('done')], shapes[OCCURRENCE_STATUSES.indexOf('due')]);
    assert.match(PAINTS['tl-due'].fill!, /--tl-back/);
    assert.match(PAINTS['tl-done'].fill!, /--tl-good/);
    // Cells: solid, hatched, cross-hatched, outlined (the background's fill), dotted.
    const fills = PERIOD_STATUSES.map((s) => PAINTS[`tl-cell-${s}`].fill!.replace(/var\(--tl-(\w+).*$/, '$1'));
    assert.deepEqual(fills, ['good', 'url(#tl-hatch)', 'url(#tl-cross)', 'back', 'url(#tl-dots)']);
    const words = layoutTimeline(t, 600).shapes.filter((s) => s.kind === 'text').map((s) => (s as { text: string }).text);
    for (const s of [...OCCURRENCE_STATUSES, ...PERIOD_STATUSES]) assert.ok(words.includes(STATUS_WORDS[s]), `legend has '${STATUS_WORDS[s]}'`);
    const marks = layoutTimeline(t, 600).shapes.filter((s) => s.kind === 'mark' && s.source);
    assert.deepEqual([...new Set(marks.map((m) => m.cls))].sort(), [...OCCURRENCE_STATUSES.map((s) => `tl-${s}`), 'tl-event'].sort());
  });

  it('cuts a long row label with an ellipsis and keeps the whole name in its tooltip', () => {
    const long = 'AvailabilityOfTheCoreServicesMeasuredAcrossEverySite';
    const layout = layoutTimeline({ ...t, kpis: [{ ...t.kpis[0], name: long }] }, 600);
    const label = layout.shapes.find((s) => s.kind === 'text' && s.tooltip?.startsWith(long));
    assert.ok(label && label.kind === 'text' && label.text.endsWith('…') && label.text.length < long.length, JSON.stringify(label));
  });

  it('lays out 200 KPIs of fifteen monthly years, a strip each, every period a cell', () => {
    const kpis = Array.from({ length: 200 }, (_, i) => ({ ...t.kpis[0], name: `K${i}` }));
    const layout = layoutTimeline({ ...t, kpis }, 600);
    assert.equal(layout.shapes.filter((s) => s.kind === 'rect' && s.cls.startsWith('tl-cell-') && s.source).length, 200 * 170);
    const strips = layout.shapes.filter((s) => s.kind === 'rect' && s.cls === 'tl-strip');
    assert.equal(strips.length, 200);
    assert.ok(strips.every((s, i) => i === 0 || boxOf(s).y >= boxOf(strips[i - 1]).y + boxOf(strips[i - 1]).height), 'one strip under another');
  });

  it('writes hostile titles and notes as text in the SVG, with bidirectional controls shown', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-timeline-'));
    const contract = fs.readFileSync(path.join(folder, 'harbour.partnership'), 'utf8')
      .replace('"Annual service report"', '"<script>alert(1)</script>"')
      .replace('"User satisfaction"', '"=HYPERLINK(""http://evil.example"",""x"")"'.replace(/""/g, '\\"'))
      .replace('"Notice of material breach"', '"Notice \u202Eeerf si siht"');
    fs.writeFileSync(path.join(dir, 'harbour.partnership'), contract);
    fs.writeFileSync(path.join(dir, 'harbour.results.csv'), 'kind,name,date,value,note\nevent,BreachNotice,2013-05-03,,"\'><img src=x onerror=alert(1)> & more"\n');
    const [hostile] = timelineOn(dir, '2024-06-15');
    const svg = renderTimelineSvg(layoutTimeline(hostile, 600));
    assert.doesNotMatch(svg, /<script|<img|\u202E/);
    assert.match(svg, /&#60;script&#62;alert\(1\)&#60;\/script&#62;/);
    assert.match(svg, /=HYPERLINK\(&#34;http:\/\/evil.example&#34;,&#34;x&#34;\)/);
    assert.match(svg, /&#39;&#62;&#60;img src=x onerror=alert\(1\)&#62; &#38; more/);
    assert.match(svg, /Notice ⟦U\+202E⟧eerf si siht/);
    assert.match(svg, /^<svg [^>]*role="img" aria-label="Timeline of Harbour City ICT Partnership: term 2010-04-01 to 2025-03-31/);
  });
});
