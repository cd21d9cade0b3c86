'use strict';
// UI tests: what a person sees in a real VS Code (code-server 4.139.1, the workbench in headless
// Debian chromium driven by playwright-core), with this repository's extension in development
// mode and a copy of examples/ open. Plain mocha, run by test/e2e/run.js:
//   node node_modules/mocha/bin/mocha.js --no-config test/e2e/ui.test.js
// Every wait is for an element or a condition, bounded; a failing test leaves a screenshot in
// test-results/.

const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');
const { setup } = require('../../scripts/vscode/setup');
const { startCodeServer, QUIET_SETTINGS } = require('../../scripts/vscode/code-server');

const repo = path.resolve(__dirname, '..', '..');
const results = path.join(repo, 'test-results');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WAIT = 30000;
const SB_FILE = 'service-birmingham.partnership';

describe('the extension in the workbench (UI)', function () {
  this.timeout(120000);
  let tmp;
  let server;
  let browser;
  let page;
  let sbLines; // the lines of service-birmingham.partnership

  async function screenshot(name) {
    if (!page) return;
    try {
      fs.mkdirSync(results, { recursive: true });
      const slug = name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
      const file = path.join(results, `ui-${slug}-${new Date().toISOString().replace(/[:.]/g, '-')}.png`);
      await page.screenshot({ path: file, timeout: 10000 });
      console.log(`      screenshot: ${path.relative(repo, file)}`);
    } catch (error) {
      console.log(`      could not take a screenshot: ${error.message}`);
    }
  }

  /** Runs a command from the command palette (F1) by its full title. */
  async function runCommand(title) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: WAIT });
    await input.fill(`>${title}`);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible', timeout: WAIT });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: WAIT });
  }

  /** Opens a workspace file with Quick Open (Ctrl+P) and waits for its editor and language. */
  async function openFile(name) {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: WAIT });
    await input.fill(name);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible', timeout: WAIT });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ state: 'visible', timeout: WAIT });
    await page.locator('[id="status.editor.mode"]', { hasText: 'Partnership' }).waitFor({ state: 'visible', timeout: WAIT });
    await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: WAIT });
  }

  /** Puts the cursor at the start of a line (1-based) with Go to Line (Ctrl+G). */
  async function goToLine(line) {
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: WAIT });
    await input.fill(`:${line}`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: WAIT });
    await page.locator('[id="status.editor.selection"]', { hasText: `Ln ${line},` }).waitFor({ state: 'visible', timeout: WAIT });
  }

  before(async function () {
    this.timeout(180000);
    try {
      const { chromium: executablePath } = setup({ quiet: true });
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-ui-'));
      const workspace = path.join(tmp, 'workspace');
      fs.cpSync(path.join(repo, 'examples'), workspace, { recursive: true });
      sbLines = fs.readFileSync(path.join(workspace, 'service-birmingham', SB_FILE), 'utf8').split('\n');
      // A profile of our own: code-server's quiet settings, and no auto save (VS Code 1.139
      // saves after a second by default), so the test that types can revert the file.
      const userDataDir = path.join(tmp, 'user-data');
      fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
      fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'),
        JSON.stringify({ ...QUIET_SETTINGS, 'files.autoSave': 'off' }, null, 2));
      server = await startCodeServer({ userDataDir, extensionsDir: path.join(tmp, 'extensions') });
      const home = path.join(tmp, 'chromium');
      fs.mkdirSync(home);
      browser = await chromium.launch({
        executablePath, headless: true, args: CHROMIUM_ARGS,
        env: { ...process.env, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home },
      });
      page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(server.url(workspace, { extensionDevelopmentPath: repo }), { waitUntil: 'domcontentloaded' });
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60000 });
      // The explorer shows the folder once the workbench has loaded it.
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'portfolio' }).waitFor({ state: 'visible', timeout: 60000 });
    } catch (error) {
      await screenshot('before-all');
      if (server) console.log(`code-server log (tail):\n${server.logTail()}`);
      throw error;
    }
  });

  afterEach(async function () {
    if (this.currentTest && this.currentTest.state === 'failed') await screenshot(this.currentTest.fullTitle());
  });

  after(async () => {
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  });

  it('shows the cross-contract P201 of the portfolio in the Problems panel', async () => {
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ state: 'visible', timeout: WAIT });
    // Only the P201 rows, so every one fits in the panel.
    const filter = page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
    await filter.waitFor({ state: 'visible', timeout: WAIT });
    await filter.fill('P201');
    const rows = panel.locator('.monaco-list-row');
    const p201 = rows.filter({ hasText: 'P201' }).filter({ hasText: 'overlaps another exclusive grant' });
    await p201.first().waitFor({ state: 'visible', timeout: WAIT });
    // One P201 in each contract, under each file's row.
    await page.waitForFunction(() => {
      const texts = [...document.querySelectorAll('.markers-panel .monaco-list-row')].map((r) => r.textContent);
      const n = texts.filter((t) => t.includes('P201') && t.includes('overlaps another exclusive grant')).length;
      return n === 2 && texts.some((t) => t.includes('customer-platform.partnership')) && texts.some((t) => t.includes('joint-venture.partnership'));
    }, null, { timeout: WAIT });
    assert.strictEqual(await p201.count(), 2);
    const messages = await p201.allTextContents();
    assert.ok(messages.some((m) => m.includes("Vendor's grant over Catalogue.ICT.Core.CustomerApps")), messages.join('\n'));
    assert.ok(messages.some((m) => m.includes("SB's grant over Catalogue.ICT.Core")), messages.join('\n'));
    await filter.fill('');
    await page.keyboard.press('Control+Shift+M'); // close the panel again
  });

  it('shows the full name of a party when its name is hovered', async () => {
    await openFile(SB_FILE);
    // `BCC` in `party SB ... as joint-venture of BCC, Capita` is a reference to the party.
    const line = page.locator('.editor-instance .view-line', { hasText: 'joint-venture of BCC' });
    await line.waitFor({ state: 'visible', timeout: WAIT });
    const name = line.locator('span > span', { hasText: /^BCC$/ });
    await name.waitFor({ state: 'visible', timeout: WAIT });
    await name.hover();
    const hover = page.locator('.monaco-hover:visible', { hasText: 'Birmingham City Council' });
    await hover.first().waitFor({ state: 'visible', timeout: WAIT });
    const text = await hover.first().innerText();
    assert.match(text, /party\s+BCC\s+—\s+Birmingham City Council/);
    assert.match(text, /Role: client/);
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
  });

  it('suggests parties after `accountable ` on a new line of a norm block', async () => {
    await openFile(SB_FILE);
    const r01 = sbLines.findIndex((l) => /^\s*obligation R01 /.test(l)) + 1; // 1-based
    assert.ok(r01 > 0);
    await goToLine(r01 + 1); // `SB must produce ...`
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('accountable ');
    await page.keyboard.press('Control+Space');
    const widget = page.locator('.editor-widget.suggest-widget.visible');
    await widget.waitFor({ state: 'visible', timeout: WAIT });
    await page.waitForFunction(() => {
      const labels = [...document.querySelectorAll('.suggest-widget.visible .monaco-list-row .label-name')].map((e) => e.textContent.trim());
      return ['BCC', 'Capita', 'SB', 'ICF', 'Scrutiny'].every((p) => labels.includes(p));
    }, null, { timeout: WAIT });
    // The server's items are the five parties (class icons), first in the list; VS Code adds the
    // language's snippets below them, and no keyword may be offered here.
    const rows = await widget.locator('.monaco-list-row').evaluateAll((list) => list.map((r) => ({
      label: r.querySelector('.label-name')?.textContent.trim(),
      icon: [...(r.querySelector('.suggest-icon')?.classList ?? [])].find((c) => c.startsWith('codicon-symbol-')),
    })));
    const parties = rows.filter((r) => r.icon === 'codicon-symbol-class').map((r) => r.label);
    assert.deepStrictEqual([...parties].sort(), ['BCC', 'Capita', 'ICF', 'SB', 'Scrutiny'], JSON.stringify(rows));
    assert.deepStrictEqual(rows.slice(0, 5).map((r) => r.label).sort(), [...parties].sort(), JSON.stringify(rows));
    assert.ok(rows.every((r) => r.icon === 'codicon-symbol-class' || r.icon === 'codicon-symbol-snippet'), JSON.stringify(rows));
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden', timeout: WAIT });
    // Put the file back for the next test.
    await runCommand('File: Revert File');
    await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: WAIT });
  });

  it('opens the obligation matrix to the side, with its rows in the webview', async () => {
    await openFile(SB_FILE);
    await runCommand('Partnership: Open Obligation Matrix to the Side');
    await page.locator('.tabs-container .tab', { hasText: 'Matrix: service-birmingham.partnership' }).waitFor({ state: 'visible', timeout: WAIT });
    // The webview's page lives in nested iframes: find the frame that holds the matrix.
    const deadline = Date.now() + WAIT;
    let rows = null;
    while (!rows && Date.now() < deadline) {
      for (const frame of page.frames()) {
        const found = await frame.evaluate(() => {
          const row = (norm) => document.querySelector(`table.matrix tr.norm[data-norm="${norm}"]`);
          const a = row('UserForecast');
          const b = row('R01');
          // Blocks off screen are not laid out (content-visibility), and their text reads as
          // empty until they are: each row is brought into view before it is read.
          a?.scrollIntoView();
          b?.scrollIntoView();
          return a && b && a.innerText && b.innerText ? { userForecast: a.innerText, r01: b.innerText, title: document.querySelector('h1.title')?.textContent } : null;
        }).catch(() => null);
        if (found) {
          rows = found;
          break;
        }
      }
      if (!rows) await page.waitForTimeout(100); // polling the frames, bounded by the deadline
    }
    assert.ok(rows, `no webview frame showed the rows UserForecast and R01 within ${WAIT} ms (frames: ${page.frames().map((f) => f.url().slice(0, 80)).join(', ')})`);
    assert.strictEqual(rows.title, 'Service Birmingham ICT Partnership');
    assert.match(rows.userForecast, /UserForecast/);
    assert.match(rows.userForecast, /Forecast changes in ICT users/);
    assert.match(rows.r01, /R01/);
    assert.match(rows.r01, /Operational plan for Service Birmingham/);
  });

  it('shows where each duty stands on a day picked in the Status tab, from the example\'s results file', async () => {
    // The matrix of the previous test is open beside the editor; its page is in one of the frames.
    const frameWith = async (selector) => {
      const deadline = Date.now() + WAIT;
      while (Date.now() < deadline) {
        for (const frame of page.frames()) {
          if (await frame.locator(selector).count().catch(() => 0)) return frame;
        }
        await page.waitForTimeout(100); // polling the frames, bounded by the deadline
      }
      throw new Error(`no webview frame holds ${selector} within ${WAIT} ms`);
    };
    const frame = await frameWith('#tab-status');
    await frame.locator('#tab-status').click();
    // The extension asks the language server for today's status and the page draws it.
    await frame.locator('tr.standing').first().waitFor({ state: 'visible', timeout: WAIT });
    const r01 = frame.locator('tr.standing', { hasText: 'Operational plan for Service Birmingham' });
    assert.match(await r01.innerText(), /done 2015-11-20/);
    // On the day the illustrative results were written for, UserForecast is due soon and R03 overdue.
    await frame.locator('#status-day').fill('2016-09-20');
    await frame.locator('tr.standing-due-soon', { hasText: 'UserForecast' }).waitFor({ state: 'visible', timeout: WAIT });
    assert.match(await frame.locator('tr.standing', { hasText: 'UserForecast' }).innerText(), /due soon 2016-10-01/);
    assert.match(await frame.locator('tr.standing', { hasText: 'R03' }).innerText(), /overdue since 2015-11-30/);
    assert.ok(await frame.locator('svg.tl').count() > 0, 'the timeline is drawn');
  });
});
