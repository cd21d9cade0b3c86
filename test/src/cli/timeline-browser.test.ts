// The timeline picture as people see it, in Debian's chromium: `status --format html` at a
// side pane's width and two wider windows, and printed on A4; and the preview's builder, which
// makes the same picture as SVG elements and goes to a mark's source when it is activated.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { timelineCss } from '../../../shared/out/timeline-marks';
import { timelineOn } from '../core/ledger/timeline.test';
import { run } from '../helpers/cli';
import { repoRoot } from '../helpers/paths';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const A4_WIDTH = 794; // 210 mm at 96 px per inch
const FIXTURE = path.join('test', 'fixtures', 'ledger', 'timeline');

declare const document: any;
declare function getComputedStyle(node: unknown): { fontSize: string; fill: string };

interface Geometry {
  readonly shown: number;
  readonly svgWidth: number;
  readonly pageWidth: number;
  readonly smallestText: number;
  readonly overlaps: string[];
  readonly hatch: string;
  readonly patterns: number;
}

/** The visible picture's size against the page's, its smallest text in px and the texts that overlap. */
function geometry(page: Page): Promise<Geometry> {
  return page.evaluate(() => {
    const shown = [...document.querySelectorAll('svg.tl:not(.tl-patterns)')].filter((s: any) => s.getBoundingClientRect().width > 0);
    const svg = shown[0];
    const box = svg.getBoundingClientRect();
    const scale = box.width / svg.viewBox.baseVal.width;
    const texts = [...svg.querySelectorAll('text')].map((t: any) => ({ text: t.textContent, size: parseFloat(getComputedStyle(t).fontSize) * scale, r: t.getBoundingClientRect() }));
    const overlaps: string[] = [];
    for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i].r;
      const b = texts[j].r;
      if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) overlaps.push(`${texts[i].text} / ${texts[j].text}`);
    }
    const failed = svg.querySelector('rect.tl-cell-failed');
    return {
      shown: shown.length, svgWidth: box.right, pageWidth: document.documentElement.clientWidth, smallestText: Math.min(...texts.map((t) => t.size)), overlaps,
      hatch: getComputedStyle(failed).fill, patterns: document.querySelectorAll('#tl-hatch').length,
    };
  });
}

describe('the timeline picture in a browser', function () {
  this.timeout(60000);
  let browser: Browser;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-timeline-'));
  const html = path.join(dir, 'status.html');

  before(async () => {
    assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is needed (apt-get install chromium; .ci/run installs it)`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    const r = run(['status', FIXTURE, '--on', '2024-06-15', '--format', 'html']);
    assert.equal(r.status, 0, r.stderr);
    fs.writeFileSync(html, r.stdout);
  });
  after(async () => browser?.close());

  for (const width of [600, 900, 1400]) {
    it(`fits a ${width} px window, with readable text and no label over another`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`file://${html}`);
      const g = await geometry(page);
      assert.equal(g.shown, 1, 'one picture of the partnership shows');
      assert.ok(g.svgWidth <= g.pageWidth, `the picture reaches ${g.svgWidth} px of ${g.pageWidth}`);
      assert.ok(g.smallestText >= 10, `text ${g.smallestText.toFixed(1)} px high`);
      assert.deepEqual(g.overlaps, []);
      assert.match(g.hatch, /url\(.*#tl-hatch.*\)/, 'a failed period is hatched');
      assert.equal(g.patterns, 1, 'the patterns are on the page once');
      if (width !== 900) await page.locator('svg.tl:not(.tl-patterns) >> visible=true').screenshot({ path: path.join(dir, `timeline-${width}.png`) });
      await page.close();
    });
  }

  it('lays the example\'s whole status page out in a narrow window without scrolling sideways', async () => {
    const example = run(['status', path.join('examples', 'service-birmingham'), '--on', '2016-09-20', '--format', 'html']);
    assert.equal(example.status, 0, example.stderr);
    const page = path.join(dir, 'example-status.html');
    fs.writeFileSync(page, example.stdout);
    for (const width of [360, 600]) {
      const tab = await browser.newPage({ viewport: { width, height: 900 } });
      await tab.goto(`file://${page}`);
      const g = await tab.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        // Tables wider than their box, which then scrolls on its own.
        scrolling: [...document.querySelectorAll('.table')].filter((b: any) => b.scrollWidth > b.clientWidth + 0.5).map((b: any) => b.querySelector('th').textContent),
      }));
      assert.ok(g.page <= g.client, `at ${width} px the page is ${g.page} px wide`);
      // In a 600 px side pane every table fits; narrower, a wide one scrolls in its box.
      if (width >= 600) assert.deepEqual(g.scrolling, [], `at ${width} px`);
      await tab.close();
    }
  });

  it('fits A4 portrait when printed', async () => {
    const page = await browser.newPage({ viewport: { width: A4_WIDTH, height: 1123 } });
    await page.goto(`file://${html}`);
    await page.emulateMedia({ media: 'print' });
    const g = await geometry(page);
    assert.equal(g.shown, 1);
    assert.ok(g.svgWidth <= A4_WIDTH, `${g.svgWidth} px on an A4 page`);
    assert.ok(g.smallestText >= 10, `text ${g.smallestText.toFixed(1)} px high`);
    assert.deepEqual(g.overlaps, []);
    await page.close();
  });

  it('builds the same picture in the preview, with hostile titles as text, going to a mark’s source', async () => {
    const script = buildSync({ entryPoints: [path.join(repoRoot, 'client/src/preview/webview/timeline.ts')], bundle: true, format: 'iife', globalName: 'Timelines', write: false }).outputFiles[0].text;
    const [t] = timelineOn(path.join(repoRoot, FIXTURE), '2024-06-15');
    const hostile = { ...t, obligations: t.obligations.map((o, i) => (i === 0 ? { ...o, title: '<img src=x onerror=alert(1)>' } : o)) };
    const page = await browser.newPage({ viewport: { width: 600, height: 900 } });
    const dialogs: string[] = [];
    page.on('dialog', (d) => void d.dismiss().then(() => dialogs.push(d.message())));
    await page.setContent(`<!DOCTYPE html><html><head><style>${timelineCss()}</style></head><body></body></html>`);
    await page.addScriptTag({ content: script });
    await page.evaluate((data) => {
      const w = globalThis as any;
      w.revealed = [];
      document.body.appendChild(w.Timelines.buildTimeline(data, 580, (source: unknown) => w.revealed.push(source)));
    }, hostile);
    assert.match(await page.getAttribute('svg.tl', 'viewBox') ?? '', /^0 0 580 \d+/);
    assert.equal(await page.locator('img').count(), 0);
    const first = page.locator('svg.tl g.tl-done').first();
    assert.match(await first.locator('title').textContent() ?? '', /^AnnualReport <img src=x onerror=alert\(1\)>: done; due 2010-07-01/);
    await first.click();
    await page.locator('svg.tl g.tl-overdue').first().focus();
    await page.keyboard.press('Enter');
    assert.deepEqual(await page.evaluate(() => (globalThis as any).revealed), [{ file: 'harbour.partnership', line: 19 }, { file: 'harbour.partnership', line: 19 }]);
    assert.equal(await page.locator('svg.tl [tabindex="0"][role="button"]').count() > 200, true, 'marks, cells, bars and labels with a source are focusable');
    assert.match(await page.evaluate(() => getComputedStyle(document.querySelector('rect.tl-cell-failed')).fill), /url\(.*#tl-hatch.*\)/);
    assert.deepEqual(dialogs, []);
    await page.close();
  });
});
