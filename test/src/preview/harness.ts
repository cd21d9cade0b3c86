// The matrix preview's page in Debian's chromium, served as the extension serves it (the same
// shell, CSP and bundled script) with a stand-in for VS Code's webview API that records what
// the page posts. Shared by the page's behaviour tests and its layout tests.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildMatrix } from '../../../server/out/core/matrix/model';
import type { Matrix } from '../../../shared/out/matrix';
import { Analysis } from '../../../server/out/core/analysis/analysis';
import { repoRoot } from '../helpers/paths';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Stands for `webview.cspSource`; requests to it are answered by the test, nothing goes out. */
const ORIGIN = 'https://webview.test';

export interface Message {
  readonly type: string;
  readonly [field: string]: unknown;
}

// What the stand-in API and the CSP listener leave on the page's window (see `stub` below).
declare const window: {
  __posted: Message[];
  __violations: string[];
  __longTasks: number[];
  postMessage(message: unknown, target: string): void;
};

/** Runs in the page before its own script: VS Code's API, recording, and the CSP listener. */
function stub(): void {
  const w = window as unknown as Record<string, unknown> & typeof window;
  w.__posted = [];
  w.__violations = [];
  w.__longTasks = [];
  (globalThis as any).document.addEventListener('securitypolicyviolation', (e: { violatedDirective: string; blockedURI: string }) => {
    w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
  });
  new (globalThis as any).PerformanceObserver((list: any) => {
    for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  // Page state survives a reload, as VS Code keeps it when a hidden webview is shown again.
  const storage = (globalThis as any).sessionStorage;
  w.acquireVsCodeApi = () => ({
    postMessage: (message: Message) => w.__posted.push(JSON.parse(JSON.stringify(message))),
    getState: () => JSON.parse(storage.getItem('state') ?? 'null') ?? undefined,
    setState: (state: unknown) => storage.setItem('state', JSON.stringify(state)),
  });
}

/** The matrix of `file` (checked with the files it imports), as it reaches the page: plain JSON. */
export function matrixOf(file: string, text = fs.readFileSync(file, 'utf8'), others: readonly string[] = []): Matrix {
  const read = (f: string): string | undefined => (f === file ? text : fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined);
  const inputs = [{ file, text }, ...others.map((f) => ({ file: f, text: fs.readFileSync(f, 'utf8') }))];
  const matrix = buildMatrix(new Analysis(inputs, { readFile: read }), file);
  assert.ok(matrix, `a matrix for ${file}`);
  return JSON.parse(JSON.stringify(matrix));
}

export const rowsOf = (m: Matrix) => m.groups.flatMap((g) => g.rows);

let ids = 0;
/** A matrix given whole, as the extension sends it to a page that holds none. */
export const whole = (matrix: unknown, fileName: string) => ({ type: 'matrix', id: `m${++ids}`, base: null, matrix, fileName });

export interface OpenPreview {
  readonly page: Page;
  readonly dialogs: string[];
  readonly errors: string[];
  posted(): Promise<Message[]>;
  send(message: unknown): Promise<void>;
  /** Sends the matrix whole and waits until every norm row is drawn. */
  show(matrix: Matrix, fileName?: string): Promise<void>;
}

/** A browser and the page's files, built as scripts/bundle.js builds them. */
export class PreviewHarness {
  private browser: Browser | null = null;
  private script = '';
  private previewHtml!: (options: { cspSource: string; nonce: string; scriptUri: string; styleUri: string; timelineStyleUri: string }) => string;
  /** The protocol's check of what the page posts, as the extension runs it. */
  isMessageFromPage!: (value: unknown) => boolean;
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-preview-'));
  private readonly pages: Page[] = [];

  async start(): Promise<void> {
    assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is needed (apt-get install chromium)`);
    const common = { absWorkingDir: repoRoot, bundle: true, logLevel: 'error' as const };
    buildSync({ ...common, entryPoints: ['client/src/preview/webview/main.ts'], format: 'iife', platform: 'browser', target: 'es2022', outfile: path.join(this.dir, 'preview.js') });
    buildSync({ ...common, entryPoints: ['client/src/preview/html.ts', 'client/src/preview/protocol.ts'], format: 'cjs', platform: 'node', outdir: this.dir });
    this.script = fs.readFileSync(path.join(this.dir, 'preview.js'), 'utf8');
    ({ previewHtml: this.previewHtml } = require(path.join(this.dir, 'html.js')));
    ({ isMessageFromPage: this.isMessageFromPage } = require(path.join(this.dir, 'protocol.js')));
    this.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  async closePages(): Promise<void> {
    for (const page of this.pages.splice(0)) await page.close();
  }

  /** A fresh page as the extension would create it; resolves once the page has said `ready`. */
  async open(nonce = 'bm9uY2UtZm9yLXRoZS10ZXN0', viewport?: { width: number; height: number }): Promise<OpenPreview> {
    assert.ok(this.browser, 'start() first');
    const page = await this.browser.newPage(viewport ? { viewport } : {});
    this.pages.push(page);
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript(stub);
    await page.route(`${ORIGIN}/**`, (route) => {
      const url = new URL(route.request().url());
      const files: Record<string, [string, string]> = {
        '/': ['text/html', this.previewHtml({ cspSource: ORIGIN, nonce, scriptUri: `${ORIGIN}/media/preview.js`, styleUri: `${ORIGIN}/media/preview.css`, timelineStyleUri: `${ORIGIN}/media/timeline.css` })],
        '/media/preview.js': ['text/javascript', this.script],
        '/media/preview.css': ['text/css', fs.readFileSync(path.join(repoRoot, 'media', 'preview.css'), 'utf8')],
        '/media/timeline.css': ['text/css', fs.readFileSync(path.join(repoRoot, 'media', 'timeline.css'), 'utf8')],
      };
      const file = files[url.pathname];
      return file ? route.fulfill({ contentType: file[0], body: file[1] }) : route.fulfill({ status: 404 });
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => window.__posted.length > 0);
    const posted = () => page.evaluate(() => window.__posted);
    const send = async (message: unknown) => page.evaluate((m) => window.postMessage(m, '*'), message);
    const show = async (matrix: Matrix, fileName = 'contract.partnership') => {
      await send(whole(matrix, fileName));
      const rows = rowsOf(matrix).length;
      await page.waitForFunction((n) => (globalThis as any).document.querySelectorAll('tr.norm').length === n, rows);
    };
    return { page, dialogs, errors, posted, send, show };
  }
}
