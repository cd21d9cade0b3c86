// The matrix preview laid out at the widths a reviewer uses, from a narrow side pane to a wide
// window, in Debian's chromium. Geometry, not pictures: at every width, every word of every
// cell is fully visible once scrolled to (not cut off, not under a sticky header, not spilling
// out of its cell), no sticky element covers another section, and no word is broken across
// lines (a qualified name may break after one of its dots, a date or a hyphenated word never).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Matrix } from '../../../shared/out/matrix';
import { examples, sharedCorpusV2 } from '../helpers/paths';
import { matrixOf, PreviewHarness } from './harness';

declare const document: any;
declare const window: any;
declare const NodeFilter: any;
declare function getComputedStyle(node: unknown): any;
declare function requestAnimationFrame(callback: () => void): void;

/** Runs in the page: scrolls through it and returns every problem found, in words. */
async function audit(): Promise<string[]> {
  const problems = new Set<string>();
  const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
  const root = document.getElementById('root');
  interface Unit { range: any; text: string; owner: any; cell: any; wrap: any }
  const units: Unit[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const owner = node.parentElement;
    if (!owner || owner.closest('[hidden], option, select') || !owner.getClientRects().length) continue;
    // Words: runs without spaces, split after a dot that a letter follows (ICT.Core.|Apps).
    const pattern = /[^\s]+?(?:\.(?=\p{L})|(?=\s)|$)/gu;
    for (const match of node.data.matchAll(pattern)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      units.push({ range, text: match[0], owner, cell: owner.closest('td, th'), wrap: owner.closest('.table-wrap') });
    }
  }
  const lines = (u: Unit) => [...u.range.getClientRects()].filter((r: any) => r.width > 0);
  for (const u of units) {
    const tops = new Set(lines(u).map((r: any) => Math.round(r.top)));
    if (tops.size > 1) problems.add(`"${u.text}" is broken across lines`);
  }
  const clips = new Map<any, any[]>();
  const clipsOf = (node: any): any[] => {
    if (!node || node === root) return [];
    let found = clips.get(node);
    if (!found) {
      const style = getComputedStyle(node);
      const clipping = style.overflowX !== 'visible' || style.overflowY !== 'visible' || style.contentVisibility === 'auto';
      clips.set(node, (found = [...(clipping ? [node] : []), ...clipsOf(node.parentElement)]));
    }
    return found;
  };
  const seen = new Set<Unit>();
  const sticky = [...document.querySelectorAll('*')].filter((e: any) => getComputedStyle(e).position === 'sticky');
  const height = document.documentElement.scrollHeight;
  const width = document.documentElement.scrollWidth;
  if (width > window.innerWidth) problems.add(`the page is ${width} px wide in a ${window.innerWidth} px pane`);
  for (let y = 0; y < height; y += Math.floor(window.innerHeight / 3)) {
    for (let x = 0; x < width; x += Math.floor(window.innerWidth / 2)) {
      window.scrollTo(x, y);
      await frame();
      const stickyBoxes = sticky.map((e: any) => ({ e, r: e.getBoundingClientRect() })).filter(({ r }: any) => r.height > 0);
      for (const u of units) {
        const r = u.range.getBoundingClientRect();
        if (r.width === 0 || r.bottom <= 0 || r.top >= window.innerHeight) continue;
        for (const { e, r: s } of stickyBoxes) {
          const over = r.left < s.right && r.right > s.left && r.top < s.bottom && r.bottom > s.top;
          if (over && !e.contains(u.owner) && !(u.wrap && u.wrap.contains(e))) problems.add(`a sticky ${e.className} covers "${u.text}" of another section`);
        }
        if (seen.has(u) || r.left < 0 || r.right > window.innerWidth || r.top < 0 || r.bottom > window.innerHeight) continue;
        if (u.cell) {
          const c = u.cell.getBoundingClientRect();
          if (r.left < c.left - 0.5 || r.right > c.right + 0.5) problems.add(`"${u.text}" spills out of its cell`);
        }
        // Hit-testing inside the word finds what paints over it; its clipping ancestors' boxes
        // (overflow, content-visibility) must hold all of it.
        for (const clip of clipsOf(u.owner)) {
          const c = clip.getBoundingClientRect();
          if (r.left < c.left - 0.5 || r.right > c.right + 0.5 || r.top < c.top - 0.5 || r.bottom > c.bottom + 0.5) problems.add(`"${u.text}" is cut off by a ${clip.className}`);
        }
        const probes = [0.25, 0.75].map((f) => [r.left + f * r.width, (r.top + r.bottom) / 2]);
        if (probes.every(([px, py]) => { const hit = document.elementFromPoint(px, py); return hit && (hit === u.owner || u.owner.contains(hit)); })) seen.add(u);
      }
    }
  }
  for (const u of units) if (!seen.has(u)) problems.add(`"${u.text}" is never fully visible`);
  window.scrollTo(0, 0);
  return [...problems];
}

describe('the matrix preview at any width', function () {
  this.timeout(180000);
  const harness = new PreviewHarness();
  const contracts: { name: string; matrix: Matrix }[] = [];

  before(async () => {
    const portfolio = path.join(examples, 'portfolio');
    const others = ['catalogue.partnership', 'joint-venture.partnership'].map((f) => path.join(portfolio, f));
    contracts.push(
      { name: 'service-birmingham', matrix: matrixOf(path.join(examples, 'service-birmingham', 'service-birmingham.partnership')) },
      { name: 'customer-platform', matrix: matrixOf(path.join(portfolio, 'customer-platform.partnership'), undefined, others) },
      // The second version's sections: charges and fixed charges by year, and variations from two files.
      { name: 'money', matrix: matrixOf(path.join(sharedCorpusV2, 'money', 'money.partnership')) },
      { name: 'variations', matrix: matrixOf(path.join(sharedCorpusV2, 'variations', 'main.partnership'), undefined, [path.join(sharedCorpusV2, 'variations', 'exit.partnership')]) },
    );
    assert.ok(contracts[2].matrix.money.years.length > 0 && contracts[3].matrix.variations.length > 0, 'the sections have rows to lay out');
    assert.ok(contracts[1].matrix.conflicts.length > 0, 'the portfolio has conflicts to show');
    await harness.start();
  });
  after(() => harness.stop());
  afterEach(() => harness.closePages());

  for (const width of [360, 600, 900, 1600, 2560]) {
    it(`at ${width} px shows every word whole, once scrolled to, and covers no section with another`, async () => {
      for (const { name, matrix } of contracts) {
        const { page, show, errors } = await harness.open(undefined, { width, height: 700 });
        await show(matrix, `${name}.partnership`);
        assert.deepEqual(await page.evaluate(audit), [], `${name} at ${width} px`);
        assert.deepEqual(errors, []);
      }
    });
  }

  it('shows a table when the columns fit and cards when they do not, and both hold the same text', async () => {
    const { matrix } = contracts[0];
    const layouts: Record<number, string[]> = {};
    const words: Record<number, string> = {};
    for (const width of [360, 1600]) {
      const { page, show } = await harness.open(undefined, { width, height: 700 });
      await show(matrix);
      layouts[width] = await page.$$eval('.table-wrap', (wraps) => wraps.map((w: any) => (w.classList.contains('cards') ? 'cards' : 'table')));
      words[width] = (await page.$eval('.matrix-wrap .blocks', (b: any) => b.textContent as string)).replace(/\s+/g, ' ');
    }
    // The matrix, events, charges, fixed charges by year, service levels, governance, variations and exclusivity.
    assert.deepEqual(layouts, { 360: Array(8).fill('cards'), 1600: Array(8).fill('table') });
    assert.equal(words[360], words[1600]);
  });

  it('stops a table growing on a wide screen, unless its many parties need the room', async () => {
    const many = JSON.parse(JSON.stringify(contracts[0].matrix)) as any;
    for (let i = 0; i < 20; i++) many.parties.push({ id: `Party${i}`, title: `Party number ${i}`, role: 'supplier' });
    many.groups[0].rows[0].cells.Party7 = ['C'];
    for (const [matrix, wide] of [[contracts[0].matrix, false], [many, true]] as const) {
      const { page, show } = await harness.open(undefined, { width: 2560, height: 700 });
      await show(matrix);
      const sizes = await page.$eval('.matrix-wrap', (w: any) => ({ wrap: w.getBoundingClientRect().width, table: w.querySelector('table.head').getBoundingClientRect().width, classes: w.className }));
      assert.doesNotMatch(sizes.classes, /cards/);
      assert.equal(/wide/.test(sizes.classes), wide);
      assert.ok(wide ? sizes.table > 2000 : sizes.table < 1600, `the table is ${sizes.table} px wide`);
      assert.deepEqual(await page.evaluate(audit), []);
    }
  });
});
