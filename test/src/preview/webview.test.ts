// The matrix preview's page in Debian's chromium (see harness.ts): the page says `ready` first,
// draws the rows, reveals, filters and exports, shows hostile document text as text, and breaks
// no rule of its Content Security Policy.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { matrixDelta } from '../../../shared/out/matrix-delta';
import type { Matrix } from '../../../shared/out/matrix';
import { examples, repoRoot } from '../helpers/paths';
import { type Message, matrixOf, PreviewHarness, rowsOf, whole } from './harness';

const HOSTILE = ['<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', '[x](command:workbench.action.terminal.new)'];

// What the stand-in API and the CSP listener leave on the page's window (see harness.ts).
declare const window: {
  __posted: Message[];
  __violations: string[];
  __longTasks: number[];
  postMessage(message: unknown, target: string): void;
  scrollY: number;
  scrollTo(x: number, y: number): void;
};
declare const document: { createElement(tag: string): { textContent: string }; head: { appendChild(node: unknown): void } };

describe('the matrix preview page in a browser', function () {
  this.timeout(90000);
  const harness = new PreviewHarness();
  let sb: Matrix;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-preview-'));

  before(async () => {
    sb = matrixOf(path.join(examples, 'service-birmingham', 'service-birmingham.partnership'));
    await harness.start();
  });
  after(async () => {
    await harness.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => harness.closePages());

  const openPreview = (nonce?: string) => harness.open(nonce);

  it('puts document text into the page only as text', () => {
    const dir = path.join(repoRoot, 'client', 'src', 'preview', 'webview');
    for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = fs.readFileSync(path.join(dir, name), 'utf8').replace(/\/\/.*$/gm, '');
      for (const api of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval(', 'new Function', 'setAttribute', '.style', 'createContextualFragment', 'DOMParser']) {
        assert.ok(!source.includes(api), `${name} uses ${api}`);
      }
    }
  });

  it('says ready before anything is sent, and nothing else', async () => {
    const { posted, errors } = await openPreview();
    assert.deepEqual(await posted(), [{ type: 'ready' }]);
    assert.deepEqual(errors, []);
  });

  it('shows the rows for UserForecast and the recommendations R01 to R09', async () => {
    const { page, show } = await openPreview();
    await show(sb, 'service-birmingham.partnership');
    const norms = await page.$$eval('tr.norm', (trs) => trs.map((tr) => (tr as any).dataset.norm as string));
    for (const norm of ['UserForecast', 'R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'R07', 'R08', 'R09']) assert.ok(norms.includes(norm), `row ${norm}`);
    assert.deepEqual(norms, rowsOf(sb).map((r) => r.norm));
    assert.match((await page.textContent('tr[data-norm="UserForecast"]')) ?? '', /every 6 months from 2006-10-01/);
    const headers = await page.$$eval('table.matrix.head th', (ths) => ths.map((th) => th.textContent));
    assert.deepEqual(headers, ['Norm', ...sb.parties.map((p) => p.id), 'When', 'KPIs', 'Consequence', 'Clause']);
    assert.equal(await page.textContent('h1'), sb.partnership.title);
    // The exclusivity table: the scope tree indented by classes, the grant's holder, the open scope.
    const core = page.locator('tr.scope[data-anchor="scope:ICT.Core"]');
    // The grant ends with the term: 2016-03-31 as written, 2021-03-31 as varied by Extension2010.
    assert.match((await core.textContent()) ?? '', /SB, 2006-04-01 to 2021-03-31 \(clause 2\.3\.1\)/);
    assert.equal(await core.locator('td.depth-1').count(), 1);
    assert.equal(await page.locator('tr.scope[data-anchor="scope:ICT.Projects"] td.open').textContent(), 'open');
  });

  it('reveals a row’s line when it is clicked or activated from the keyboard', async () => {
    const { page, posted, show } = await openPreview();
    await show(sb);
    const forecast = rowsOf(sb).find((r) => r.norm === 'UserForecast')!;
    await page.click('tr[data-norm="UserForecast"] td.when');
    const r05 = rowsOf(sb).find((r) => r.norm === 'R05')!;
    await page.focus('tr[data-norm="R05"]');
    await page.keyboard.press('Enter');
    const scope = sb.exclusivity.find((r) => r.path === 'ICT.Core')!;
    await page.click('tr[data-anchor="scope:ICT.Core"] td.holders');
    await page.waitForFunction(() => window.__posted.length >= 4);
    assert.deepEqual((await posted()).slice(1), [
      { type: 'reveal', line: forecast.line },
      { type: 'reveal', line: r05.line },
      { type: 'reveal', line: scope.line },
    ]);
  });

  it('shows only the rows where the chosen party has a part', async () => {
    const { page, show } = await openPreview();
    await show(sb);
    const visible = () => page.$$eval('tr.norm', (trs) => trs.filter((tr) => !(tr as any).hidden).map((tr) => (tr as any).dataset.norm as string));
    assert.equal((await visible()).length, rowsOf(sb).length);
    for (const party of ['Scrutiny', 'Capita']) {
      await page.selectOption('#party-filter', party);
      const expected = rowsOf(sb).filter((r) => (r.cells[party] ?? []).length > 0).map((r) => r.norm);
      assert.ok(expected.length > 0 && expected.length < rowsOf(sb).length, `${party} takes part in some norms`);
      assert.deepEqual(await visible(), expected);
    }
    // A group none of whose rows is shown is hidden with them.
    const groups = await page.$$eval('tr.group', (trs) => trs.filter((tr) => !(tr as any).hidden).length);
    const expectedGroups = sb.groups.filter((g) => g.rows.some((r) => (r.cells.Capita ?? []).length > 0)).length;
    assert.equal(groups, expectedGroups);
    await page.selectOption('#party-filter', '');
    assert.equal((await visible()).length, rowsOf(sb).length);
  });

  it('lists the norms by scope or in the contract’s order, keeps the choice on reload and exports as shown', async () => {
    const { page, posted, show } = await openPreview();
    await show(sb, 'sb.partnership');
    const norms = () => page.$$eval('tr.norm', (trs) => trs.map((tr) => (tr as any).dataset.norm as string));
    const groups = () => page.$$eval('tr.group', (trs) => trs.map((tr) => tr.textContent));
    assert.deepEqual(await norms(), rowsOf(sb).map((r) => r.norm));
    await page.selectOption('#grouping', 'order');
    const inOrder = [...rowsOf(sb)].sort((a, b) => a.line - b.line).map((r) => r.norm);
    assert.notDeepEqual(inOrder, rowsOf(sb).map((r) => r.norm), 'the scope groups are not the contract’s order');
    await page.waitForFunction((first) => (globalThis as any).document.querySelector('tr.norm')?.dataset.norm === first, inOrder[0]);
    assert.deepEqual(await norms(), inOrder);
    assert.deepEqual(await groups(), ['Every norm, in the order of the contract']);
    await page.click('button.export >> text=Markdown');
    assert.deepEqual((await posted()).slice(-1), [{ type: 'export', format: 'md', grouping: 'order' }]);
    await page.reload();
    await page.waitForFunction(() => window.__posted.length > 0);
    await show(sb, 'sb.partnership');
    assert.equal(await page.inputValue('#grouping'), 'order');
    assert.deepEqual(await norms(), inOrder);
  });

  it('keeps the filter and the reader’s place across updates and when the page is reloaded (hidden and shown again)', async () => {
    const { page, show } = await openPreview();
    await page.setViewportSize({ width: 1000, height: 500 });
    await show(sb, 'sb.partnership');
    await page.selectOption('#party-filter', 'Scrutiny');
    const top = () => page.$eval('tr[data-norm="R04"]', (tr) => Math.round((tr as any).getBoundingClientRect().top as number));
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.$eval('tr[data-norm="R04"]', (tr) => (tr as any).scrollIntoView({ block: 'center' }));
    await page.waitForFunction(() => {
      const saved = JSON.parse((globalThis as any).sessionStorage.getItem('state'));
      return saved.y === window.scrollY && saved.y > 0 && typeof saved.anchor === 'string';
    });
    const before = await top();
    const scrolled = await page.evaluate(() => window.scrollY);
    assert.ok(scrolled > 0, 'the page scrolled');
    const changed = JSON.parse(JSON.stringify(sb)) as Matrix;
    (rowsOf(changed)[0] as { title: string }).title = 'A changed title';
    await show(changed, 'sb.partnership');
    assert.equal(await page.inputValue('#party-filter'), 'Scrutiny');
    assert.equal(await page.evaluate(() => window.scrollY), scrolled, 'an update does not move the page');
    assert.equal(await page.locator('tr.norm', { hasText: 'A changed title' }).count(), 1);
    await page.reload();
    await page.waitForFunction(() => window.__posted.length > 0);
    await page.evaluate((m) => window.postMessage(m, '*'), whole(changed, 'sb.partnership'));
    await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('tr.norm').length > 0);
    assert.equal(await page.inputValue('#party-filter'), 'Scrutiny');
    await page.waitForFunction(() => window.scrollY > 0);
    assert.ok(Math.abs((await top()) - before) <= 2, `R04 back at ${before}px from the top, not ${await top()}px`);
    // Another file starts unfiltered.
    await page.evaluate((m) => window.postMessage(m, '*'), whole(changed, 'other.partnership'));
    await page.waitForFunction(() => (globalThis as any).document.querySelector('#party-filter').value === '');
  });

  it('applies a change to the matrix it holds, keeping the unchanged rows, and asks again when it holds another', async () => {
    const { page, posted, send } = await openPreview();
    const first = whole(sb, 'sb.partnership');
    await send(first);
    await page.waitForFunction((n) => (globalThis as any).document.querySelectorAll('tr.norm').length === n, rowsOf(sb).length);
    await page.evaluate(() => (globalThis as any).document.querySelectorAll('tr.norm').forEach((tr: any) => (tr.__kept = true)));
    // R04 gets a new title and every row moves down a line, as when a line is typed above them.
    const next = JSON.parse(JSON.stringify(sb)) as Matrix;
    for (const row of rowsOf(next)) (row as { line: number }).line += 1;
    (rowsOf(next).find((r) => r.norm === 'R04') as { title: string }).title = 'A changed title';
    const delta = matrixDelta(sb, next);
    // The rows are sent as a change; the sections (money, KPIs, governance) are sent whole.
    const sent = JSON.stringify(delta.groups).length;
    assert.ok(sent < JSON.stringify(next.groups).length / 2, `the change to the rows is small (${sent} characters)`);
    await send({ type: 'matrix', id: 'm-next', base: first.id, matrix: delta, fileName: 'sb.partnership' });
    await page.waitForSelector('tr[data-norm="R04"] >> text=A changed title');
    const fresh = await page.$$eval('tr.norm', (trs) => trs.filter((tr) => !(tr as any).__kept).map((tr) => (tr as any).dataset.norm));
    assert.deepEqual(fresh, ['R04']);
    const last = rowsOf(next)[rowsOf(next).length - 1];
    assert.equal(await page.getAttribute(`tr[data-norm="${last.norm}"]`, 'data-line'), String(last.line));
    // A change to a matrix the page does not hold is not shown; the page asks to be sent it whole.
    const before = (await posted()).length;
    await send({ type: 'matrix', id: 'm-other', base: 'm-unknown', matrix: delta, fileName: 'sb.partnership' });
    await page.waitForFunction((n) => window.__posted.length > n, before);
    assert.deepEqual((await posted()).slice(before), [{ type: 'ready' }]);
    assert.equal(await page.locator('tr.norm', { hasText: 'A changed title' }).count(), 1);
  });

  it('asks for each export', async () => {
    const { page, posted, show } = await openPreview();
    await show(sb);
    for (const name of ['HTML', 'Markdown', 'CSV']) await page.click(`button.export >> text=${name}`);
    const messages = await posted();
    assert.deepEqual(messages.slice(1), [
      { type: 'export', format: 'html', grouping: 'scope' },
      { type: 'export', format: 'md', grouping: 'scope' },
      { type: 'export', format: 'csv', grouping: 'scope' },
    ]);
    for (const m of messages) assert.ok(harness.isMessageFromPage(m), JSON.stringify(m));
  });

  it('shows a reason instead of a matrix, and ignores messages that are not the protocol’s', async () => {
    const { page, send, show, errors } = await openPreview();
    await send({ type: 'empty', reason: 'This file declares no partnership, so it has no obligation matrix.' });
    await page.waitForSelector('p.status >> text=declares no partnership');
    await show(sb);
    const broken = JSON.parse(JSON.stringify(sb));
    broken.groups[0].rows[0].line = '1';
    for (const bad of [whole(broken, 'x'), { type: 'empty' }, { type: 'ready' }, 'matrix', null, { type: 'matrix', matrix: sb }]) await send(bad);
    await send({ type: 'empty', reason: 'marker' });
    await page.waitForSelector('p.status >> text=marker');
    assert.equal(await page.locator('tr.norm').count(), rowsOf(sb).length, 'the ignored messages changed nothing');
    assert.deepEqual(errors, []);
  });

  it('shows hostile party names and norm titles as literal text and runs nothing', async () => {
    const source = path.join(dir, 'hostile.partnership');
    const text = [
      'partnership H "Hostile" {',
      '  term 2010-01-01 to 2020-12-31',
      ...HOSTILE.map((n, i) => `  party P${i} ${JSON.stringify(n)} as supplier`),
      '  scope S "scope" { scope T "t" }',
      '  exclusive P0 over S',
      '  exclusive P1 over S.T',
      ...HOSTILE.map((n, i) => `  obligation O${i} ${JSON.stringify(n)} { P${i} must deliver ${JSON.stringify(n)} to P${(i + 1) % 3} due 2011-01-01 otherwise ${JSON.stringify(n)} clause ${JSON.stringify(n)} }`),
      // The sections after the norms, each titled with a hostile name.
      `  event E ${JSON.stringify(HOSTILE[0])} clause ${JSON.stringify(HOSTILE[1])}`,
      `  charge C ${JSON.stringify(HOSTILE[1])} { P0 pays P1  £1m per year  indexed ${JSON.stringify(HOSTILE[2])} }`,
      `  kpi K ${JSON.stringify(HOSTILE[2])} { owner P0  target >= 99%  threshold < 90% otherwise ${JSON.stringify(HOSTILE[0])}  measured monthly }`,
      `  body B ${JSON.stringify(HOSTILE[0])} { members P0, P1  note ${JSON.stringify(HOSTILE[1])} }`,
      `  variation V ${JSON.stringify(HOSTILE[1])} { agreed 2012-01-01  term to 2021-12-31  clause ${JSON.stringify(HOSTILE[2])} }`,
      '}',
      '',
    ].join('\n');
    const matrix = matrixOf(source, text) as any;
    matrix.partnership.title = HOSTILE[0];
    matrix.partnership.doc = HOSTILE.join('\n');
    matrix.exclusivity[0].title = HOSTILE[1];
    matrix.conflicts.push({ file: HOSTILE[1], code: HOSTILE[2], severity: 'error', line: 2, message: HOSTILE[0], related: [{ file: HOSTILE[0], line: 3, message: HOSTILE[1] }] });
    assert.ok(matrix.exclusivity.some((r: any) => r.conflicts.length > 0), 'the nested grant conflicts');

    const { page, dialogs, errors, show } = await openPreview();
    await show(matrix, HOSTILE[1]);
    const options = await page.$$eval('#party-filter option', (os) => os.map((o) => o.textContent));
    assert.deepEqual(options, ['All parties', ...HOSTILE.map((n, i) => `P${i}: ${n}`)]);
    const titles = await page.$$eval('tr.norm .norm-title', (ds) => ds.map((d) => d.textContent));
    assert.deepEqual(titles, HOSTILE);
    const partyTitles = await page.$$eval('table.matrix.head th.party', (ths) => ths.map((th) => (th as any).title as string));
    assert.deepEqual(partyTitles, HOSTILE.map((n) => `${n} (supplier)`));
    assert.equal(await page.textContent('h1'), HOSTILE[0]);
    assert.match((await page.textContent('ul.conflicts')) ?? '', /command:workbench/);
    assert.ok((await page.locator('tr.scope.conflict').count()) > 0, 'conflicting scope rows carry the conflict class');
    const sectionText = (await page.textContent('.sections')) ?? '';
    for (const n of HOSTILE) assert.ok(sectionText.includes(n), `the sections show ${n} as text`);
    assert.equal(await page.locator('.sections tr.section-row:not([data-anchor^="years:"])').count(), 5, 'an event, a charge, a KPI, a body and a variation');
    assert.equal(await page.locator('img').count(), 0);
    assert.equal(await page.locator('script').count(), 1, 'only the page’s own script');
    assert.equal(await page.locator('a').count(), 0);
    assert.equal(await page.locator('[onerror], [style]').count(), 0);
    await page.click('tr[data-norm="O0"]');
    await page.waitForTimeout(0);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
  });

  it('breaks no rule of its Content Security Policy, which does block inline script', async () => {
    const { page, show, dialogs } = await openPreview();
    await show(sb);
    await page.selectOption('#party-filter', 'BCC');
    await page.click('tr[data-norm="R01"]');
    await page.click('button.export >> text=CSV');
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    // The listener hears a violation when there is one: an inline script is refused.
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'alert(1)';
      document.head.appendChild(s);
    });
    await page.waitForFunction(() => window.__violations.length > 0);
    assert.match((await page.evaluate(() => window.__violations))[0], /^script-src/);
    assert.deepEqual(dialogs, []);
  });

  it('draws a 5,000-norm matrix without blocking the page, and updates it in place', async () => {
    const big = JSON.parse(JSON.stringify(sb)) as any;
    const template = rowsOf(sb);
    const rows = Array.from({ length: 5000 }, (_, i) => ({ ...template[i % template.length], norm: `N${String(i).padStart(4, '0')}`, line: 100 + i * 7 }));
    big.groups = [{ scope: sb.groups[0].scope, rows: rows.slice(0, 2500) }, { scope: null, rows: rows.slice(2500) }];
    const { page, show } = await openPreview();
    await page.evaluate(() => (window.__longTasks = []));
    await show(big, 'big.partnership');
    const longest = Math.max(0, ...(await page.evaluate(() => window.__longTasks)));
    assert.ok(longest < 500, `the longest task took ${Math.round(longest)} ms`);

    // Typing a line above every norm moves them all and changes one: the other rows stay.
    await page.evaluate(() => (globalThis as any).document.querySelectorAll('tr.norm').forEach((tr: any) => (tr.__kept = true)));
    big.groups[1].rows[10].title = 'Typed';
    for (const g of big.groups) for (const r of g.rows) r.line += 1;
    await page.evaluate((m) => window.postMessage(m, '*'), whole(big, 'big.partnership'));
    await page.waitForSelector('tr[data-norm="N2510"] >> text=Typed');
    const fresh = await page.$$eval('tr.norm', (trs) => trs.filter((tr) => !(tr as any).__kept).map((tr) => (tr as any).dataset.norm));
    assert.deepEqual(fresh, ['N2510']);
    assert.equal(await page.getAttribute('tr[data-norm="N4999"]', 'data-line'), String(100 + 4999 * 7 + 1));
  });
});
