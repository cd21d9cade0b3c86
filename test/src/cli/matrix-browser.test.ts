// The standalone HTML matrix as a reviewer sees it, in Debian's chromium: the rows are there,
// hostile party names appear as literal text, and nothing in the document runs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { run } from '../helpers/cli';

declare function getComputedStyle(node: unknown): { lineHeight: string };

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const HOSTILE = ['<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', '[x](command:workbench.action.terminal.new)'];

describe('the HTML matrix in a browser', function () {
  this.timeout(60000);
  let browser: Browser;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-browser-'));

  before(async () => {
    assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is needed (apt-get install chromium; .ci/run installs it)`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  });
  after(async () => browser?.close());

  async function open(file: string) {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`file://${file}`);
    return { page, dialogs };
  }

  it('shows the rows for UserForecast and the recommendations R01 to R09', async () => {
    const out = path.join(dir, 'sb.html');
    assert.equal(run(['matrix', 'examples/service-birmingham/service-birmingham.partnership', '-o', out]).status, 0);
    const { page } = await open(out);
    const rows = await page.$$eval('table.matrix tr[id^="norm-"]', (trs) => trs.map((tr) => tr.id.slice('norm-'.length)));
    for (const norm of ['UserForecast', 'R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'R07', 'R08', 'R09']) assert.ok(rows.includes(norm), `row ${norm}`);
    const forecast = await page.textContent('#norm-UserForecast');
    assert.match(forecast ?? '', /every 6 months from 2006-10-01/);
    // The parties table is as wide as its content, not the page; no name in it wraps.
    await page.setViewportSize({ width: 1600, height: 900 });
    const sizes = await page.evaluate(() => {
      const d = (globalThis as any).document;
      const cells = [...d.querySelectorAll('table.parties td')] as any[];
      const lineHeight = parseFloat(getComputedStyle(cells[0]).lineHeight);
      return { table: d.querySelector('table.parties').getBoundingClientRect().width, page: d.body.getBoundingClientRect().width, tallest: Math.max(...cells.map((c) => c.getBoundingClientRect().height)), lineHeight };
    });
    assert.ok(sizes.table < sizes.page / 2, `the parties table is ${sizes.table} px wide on a ${sizes.page} px page`);
    assert.ok(sizes.tallest < 2 * sizes.lineHeight, 'one line per party');
    // In a narrow window no date, hyphenated word or part of a qualified name breaks across lines.
    await page.setViewportSize({ width: 700, height: 900 });
    const broken = await page.evaluate(() => {
      const d = (globalThis as any).document;
      const walker = d.createTreeWalker(d.body, 4);
      const out: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of (node.data as string).matchAll(/[^\s]*[-.][^\s]*?(?:\.(?=\p{L})|(?=\s)|$)/gu)) {
          const range = d.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].filter((r: any) => r.width > 0).map((r: any) => Math.round(r.top)));
          if (tops.size > 1) out.push(m[0]);
        }
      }
      return out;
    });
    assert.deepEqual(broken, []);
    // The doc comment reads as a paragraph: the source's line breaks are not kept.
    assert.equal(await page.locator('p.doc').count(), 1);
    assert.doesNotMatch((await page.textContent('p.doc')) ?? '', /\n/);
    await page.close();
  });

  it('shows hostile party names as text and runs nothing', async () => {
    const source = path.join(dir, 'hostile.partnership');
    fs.writeFileSync(source, `partnership H "Hostile" {\n  term 2010-01-01 to 2020-12-31\n${HOSTILE.map((n, i) => `  party P${i} ${JSON.stringify(n)} as supplier`).join('\n')}\n  obligation O "o" { P0 must deliver "x" to P1 due 2011-01-01 }\n}\n`);
    const out = path.join(dir, 'hostile.html');
    assert.equal(run(['matrix', source, '-o', out]).status, 0);
    const { page, dialogs } = await open(out);
    const names = await page.$$eval('table.parties tbody tr td:nth-child(2)', (tds) => tds.map((td) => td.textContent));
    assert.deepEqual(names, HOSTILE);
    assert.equal(await page.locator('img').count(), 0);
    assert.equal(await page.locator('body script').count(), 0);
    assert.equal(await page.locator('a').count(), 0);
    assert.deepEqual(dialogs, []);
    await page.close();
  });
});
