// The matrix preview's page (bundled into media/preview.js): draws the matrix the extension
// posts, filters it by party, reveals a row's source line, and asks for exports. Document text
// enters the DOM only through `textContent`; nothing on this page parses markup.

import { docParagraphs, FIXED_HEADERS, type Grouping, LEGEND, noteText } from '../../../../shared/out/matrix-wording';
import { type ExportFormat, isMessageToPage, type Matrix, type MessageFromPage, type MessageToPage } from '../protocol';
import { type BlockParts, type Job, KeyedBlocks } from './keyed-blocks';
import { applyMatrixDelta } from '../../../../shared/out/matrix-delta';
import { append, colgroup, conflictItems, el, normItems, prose, scopeItems, textEl } from './rows';
import { fitTables } from './layout';
import { headLines } from '../../../../shared/out/matrix-sections';
import { Sections } from './sections';
import { StatusPane } from './status-pane';
import { type PageView, ViewTabs } from './view-tabs';

interface VsCodeApi {
  postMessage(message: MessageFromPage): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (message: MessageFromPage): void => vscode.postMessage(message);

// ---- State that survives updates and the page being hidden (and so reloaded) ----

interface PageState {
  readonly file: string;
  readonly party: string | null;
  readonly grouping: Grouping;
  /** The row the reader was looking at (`norm:R01`, `scope:ICT.Core`) and its distance from the top. */
  readonly anchor: string | null;
  readonly offset: number;
  readonly x: number;
  readonly y: number;
  /** The view shown, and the day the status view is for (null: today). */
  readonly view: PageView;
  readonly statusOn: string | null;
}

const INITIAL: PageState = { file: '', party: null, grouping: 'scope', anchor: null, offset: 0, x: 0, y: 0, view: 'matrix', statusOn: null };

function loadState(): PageState {
  const s = vscode.getState() as Partial<Record<keyof PageState, unknown>> | undefined;
  if (!s || typeof s !== 'object') return INITIAL;
  const text = (v: unknown): v is string => typeof v === 'string';
  const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  if (!text(s.file) || !(s.party === null || text(s.party)) || !(s.anchor === null || text(s.anchor))) return INITIAL;
  if (!num(s.offset) || !num(s.x) || !num(s.y)) return INITIAL;
  const grouping = s.grouping === 'order' ? 'order' : 'scope';
  const view = s.view === 'status' ? 'status' : 'matrix';
  const statusOn = text(s.statusOn) && /^\d{4}-\d{2}-\d{2}$/.test(s.statusOn) ? s.statusOn : null;
  return { file: s.file, party: s.party, grouping, anchor: s.anchor, offset: s.offset, x: s.x, y: s.y, view, statusOn };
}

let state = loadState();
function saveState(change: Partial<PageState>): void {
  state = { ...state, ...change };
  vscode.setState(state);
}

// ---- The page's fixed parts ----

const root = document.getElementById('root') ?? document.body;
const status = el('p', 'status', 'Loading the obligation matrix…');
const content = el('div', 'content');
content.hidden = true;

const title = el('h1', 'title');
const meta = el('p', 'meta');
const doc = el('div', 'doc');
const notes = el('div', 'notes');
const head = el('div', 'head-lines');

const partySelect = el('select', 'party-filter');
partySelect.id = 'party-filter';
const partyLabel = el('label', '', 'Party ');
partyLabel.htmlFor = partySelect.id;
const groupingSelect = el('select', 'grouping');
groupingSelect.id = 'grouping';
const GROUPINGS: Readonly<Record<Grouping, string>> = { scope: 'by scope', order: 'in the contract’s order' };
for (const [value, label] of Object.entries(GROUPINGS)) {
  const option = el('option', '', label);
  option.value = value;
  append(groupingSelect, option);
}
const groupingLabel = el('label', '', 'Norms ');
groupingLabel.htmlFor = groupingSelect.id;
const FORMAT_NAMES: Readonly<Record<ExportFormat, string>> = { html: 'HTML', md: 'Markdown', csv: 'CSV' };
const exportButtons = (Object.keys(FORMAT_NAMES) as ExportFormat[]).map((format) => {
  const button = el('button', 'export', FORMAT_NAMES[format]);
  button.type = 'button';
  button.dataset.format = format;
  button.title = `Export the obligation matrix as ${FORMAT_NAMES[format]}…`;
  button.addEventListener('click', () => post({ type: 'export', format, grouping: state.grouping }));
  return button;
});
const toolbar = el('div', 'toolbar');
const exportGroup = el('span', 'exports', 'Export:');
append(exportGroup, ...exportButtons);
append(toolbar, append(el('span'), partyLabel, partySelect), append(el('span'), groupingLabel, groupingSelect), exportGroup);

/** A table whose header stays in view, and whose rows live in blocks of tables with the same columns. */
function blockTable(className: string): { wrap: HTMLElement; head: HTMLTableElement; rows: HTMLElement } {
  const wrap = el('div', `table-wrap ${className}-wrap`);
  const sticky = el('div', 'sticky-head');
  const head = el('table', `${className} head`);
  const rows = el('div', 'blocks');
  append(sticky, head);
  append(wrap, sticky, rows);
  return { wrap, head, rows };
}

let matrixColumns: string[] = [];
const matrix = blockTable('matrix');
/** A block of rows: its own table, sharing the header table's columns (read when the block is made). */
function rowBlock(kind: 'matrix' | 'exclusivity', columns: () => string[]): () => BlockParts {
  return () => {
    const table = el('table', kind);
    const body = el('tbody');
    append(table, colgroup(columns()), body);
    return { root: append(el('div', `${kind}-block`), table), body };
  };
}

const matrixRows = new KeyedBlocks(matrix.rows, rowBlock('matrix', () => matrixColumns));
const noNorms = el('p', 'none', 'This partnership declares no norms.');

const SCOPE_COLUMNS = ['scope', 'holders', 'open', 'interfaces', 'conflicts'];
const scopes = blockTable('exclusivity');
const scopeHead = el('tr');
for (const h of ['Scope', 'Exclusive holder and period', 'Open', 'Interfaces', 'Conflicts']) append(scopeHead, el('th', '', h));
append(scopes.head, colgroup(SCOPE_COLUMNS), append(el('thead'), scopeHead));
const scopeRows = new KeyedBlocks(scopes.rows, rowBlock('exclusivity', () => SCOPE_COLUMNS));
const noScopes = el('p', 'none', 'This partnership declares no scopes.');

const sections = new Sections();

const conflictsHeading = el('h2', '', 'Conflicts');
const conflictBlocks = el('div', 'blocks');
const conflictRows = new KeyedBlocks(conflictBlocks, (): BlockParts => {
  const list = el('ul', 'conflicts');
  return { root: append(el('div', 'conflict-block'), list), body: list };
});
const noConflicts = el('p', 'none', 'No exclusivity conflicts found.');

append(
  content,
  title, meta, head, doc, notes, toolbar,
  el('h2', '', 'Obligation matrix'), el('p', 'legend', LEGEND), matrix.wrap, noNorms,
  sections.root,
  el('h2', '', 'Exclusivity'), scopes.wrap, noScopes,
  conflictsHeading, conflictBlocks, noConflicts,
);
const statusPane = new StatusPane((on) => {
  saveState({ statusOn: on });
  post({ type: 'status', shown: true, on });
}, (source, file) => post(source.file === file ? { type: 'reveal', line: source.line } : { type: 'revealFile', file: source.file, line: source.line }));
const tabs = new ViewTabs(state.view, (view) => {
  saveState({ view });
  showView();
  post({ type: 'status', shown: view === 'status', on: state.statusOn });
});
/** The matrix (or why there is none) or the status view, as the tabs say. */
function showView(): void {
  const matrixShown = state.view === 'matrix';
  statusPane.root.hidden = matrixShown;
  status.hidden = !matrixShown || held !== null;
  content.hidden = !matrixShown || held === null;
  if (matrixShown && held) fitTables(tableWraps);
}
root.replaceChildren(tabs.root, status, content, statusPane.root);
statusPane.root.hidden = state.view !== 'status';
status.hidden = state.view !== 'matrix';
let tableWraps = [matrix.wrap, scopes.wrap];
// Only a change of width can change the layout; the height changes with every update.
let contentWidth = -1;
new ResizeObserver(([entry]) => {
  if (entry.contentRect.width === contentWidth) return;
  contentWidth = entry.contentRect.width;
  fitTables(tableWraps);
}).observe(content);

// ---- Rendering a matrix ----

let shownFile: string | null = null;
let partiesKey = '';
/** Where a reloaded page should return to, once the rows are in. */
let pendingScroll: PageState | null = null;
let renderToken = 0;

function renderParties(m: Matrix): void {
  const key = JSON.stringify(m.parties);
  if (key === partiesKey) return;
  partiesKey = key;
  const all = el('option', '', 'All parties');
  all.value = '';
  const options = m.parties.map((p) => {
    const option = el('option', '', p.title ? `${p.id}: ${p.title}` : p.id);
    option.value = p.id;
    return option;
  });
  partySelect.replaceChildren(all, ...options);

  matrixColumns = ['name', ...m.parties.map(() => 'party'), ...FIXED_HEADERS.map((h) => h.toLowerCase())];
  const head = el('tr');
  append(head, el('th', '', 'Norm'));
  for (const p of m.parties) {
    const th = el('th', 'party');
    append(th, el('span', '', p.id));
    th.title = p.title + (p.role ? ` (${p.role})` : '');
    append(head, th);
  }
  for (const h of FIXED_HEADERS) append(head, el('th', '', h));
  matrix.head.replaceChildren(colgroup(matrixColumns), append(el('thead'), head));
  matrixRows.clear(); // every block's columns change
  fitTables(tableWraps);
}

function renderMatrix(m: Matrix, fileName: string): void {
  const token = ++renderToken;
  if (shownFile !== fileName) {
    // A reloaded page returns to where the reader was; another file starts at the top, unfiltered.
    if (shownFile === null && state.file === fileName) pendingScroll = state;
    else {
      pendingScroll = null;
      saveState({ ...INITIAL, file: fileName });
      window.scrollTo(0, 0);
    }
    shownFile = fileName;
  }
  const p = m.partnership;
  title.textContent = p.title || p.name;
  meta.replaceChildren(...prose([`Partnership ${p.name}`, p.term && `term ${p.term}`, p.source && `source: ${p.source}`, fileName].filter(Boolean).join(' · ')));
  doc.replaceChildren(...docParagraphs(p.doc).map((paragraph) => textEl('p', '', paragraph)));
  doc.hidden = !p.doc;
  notes.replaceChildren(...p.notes.map((n) => textEl('p', 'note', noteText(n))));
  notes.hidden = p.notes.length === 0;
  const lines = headLines(m);
  head.replaceChildren(...lines.map((line) => textEl('p', 'meta', line)));
  head.hidden = lines.length === 0;
  if (sections.update(m)) {
    tableWraps = [matrix.wrap, ...sections.wraps(), scopes.wrap];
    fitTables(tableWraps);
  }
  renderParties(m);
  if (state.party !== null && !m.parties.some((x) => x.id === state.party)) saveState({ party: null });
  partySelect.value = state.party ?? '';
  groupingSelect.value = state.grouping;
  for (const b of exportButtons) b.disabled = false;

  noNorms.hidden = m.groups.length > 0;
  matrix.wrap.hidden = !noNorms.hidden;
  noScopes.hidden = m.exclusivity.length > 0;
  scopes.wrap.hidden = !noScopes.hidden;
  noConflicts.hidden = m.conflicts.length > 0;
  conflictBlocks.hidden = !noConflicts.hidden;
  conflictsHeading.textContent = m.conflicts.length ? `Conflicts (${m.conflicts.length})` : 'Conflicts';
  status.hidden = true;
  // Shown again: lay the tables out now, before rows go in and a reloaded page scrolls back.
  if (content.hidden && state.view === 'matrix') {
    content.hidden = false;
    fitTables(tableWraps);
  }

  const jobs: Job[] = [
    matrixRows.update(normItems(m, partiesKey, matrixColumns.length, state.grouping), state.party),
    scopeRows.update(scopeItems(m), null),
    conflictRows.update(conflictItems(m), null),
  ];
  // A frame's worth of rows at a time, so that a 5,000-norm contract never blocks the page.
  const step = (): void => {
    if (token !== renderToken) return;
    const deadline = performance.now() + 10;
    const done = jobs.every((job) => job(deadline));
    restoreScroll(done);
    if (!done) requestAnimationFrame(step);
  };
  step();
}

function renderEmpty(reason: string): void {
  ++renderToken;
  status.textContent = reason;
  status.hidden = state.view !== 'matrix';
  content.hidden = true;
  for (const b of exportButtons) b.disabled = true;
}

// ---- Keeping the reader's place ----

/** The row a third of the way down the window, which a reloaded page scrolls back to. */
function readingPosition(): Pick<PageState, 'anchor' | 'offset' | 'x' | 'y'> {
  const probe = document.elementFromPoint(Math.min(48, window.innerWidth / 2), window.innerHeight / 3);
  const row = probe?.closest('[data-anchor]');
  const anchor = row instanceof HTMLElement ? row.dataset.anchor ?? null : null;
  return { anchor, offset: anchor && row ? row.getBoundingClientRect().top : 0, x: window.scrollX, y: window.scrollY };
}

function restoreScroll(done: boolean): void {
  const target = pendingScroll;
  if (!target) return;
  const row = target.anchor ? root.querySelector(`[data-anchor="${CSS.escape(target.anchor)}"]`) : null;
  if (row) {
    window.scrollTo(target.x, row.getBoundingClientRect().top + window.scrollY - target.offset);
  } else if (done) {
    window.scrollTo(target.x, target.y);
  } else return;
  pendingScroll = null;
}

let scrollQueued = false;
window.addEventListener('scroll', () => {
  if (scrollQueued || pendingScroll) return;
  scrollQueued = true;
  requestAnimationFrame(() => {
    scrollQueued = false;
    if (!pendingScroll && shownFile !== null) saveState(readingPosition());
  });
});

// ---- What the reader does ----

partySelect.addEventListener('change', () => {
  const party = partySelect.value === '' ? null : partySelect.value;
  saveState({ party });
  matrixRows.filter(party);
});

groupingSelect.addEventListener('change', () => {
  saveState({ grouping: groupingSelect.value === 'order' ? 'order' : 'scope' });
  if (held) renderMatrix(held.matrix, shownFile ?? '');
});

function revealTarget(target: EventTarget | null): HTMLElement | null {
  const found = target instanceof Element ? target.closest('[data-line]') : null;
  return found instanceof HTMLElement && root.contains(found) ? found : null;
}

function reveal(node: HTMLElement): void {
  const line = Number(node.dataset.line);
  if (Number.isSafeInteger(line) && line >= 1) post({ type: 'reveal', line });
}

root.addEventListener('click', (event) => {
  const node = revealTarget(event.target);
  // Selecting text to copy it is not a request to jump.
  if (node && (window.getSelection()?.isCollapsed ?? true)) reveal(node);
});

root.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  const node = revealTarget(event.target);
  if (node && node === event.target) {
    event.preventDefault();
    reveal(node);
  }
});

// ---- Messages from the extension ----

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message: unknown = event.data;
  if (isMessageToPage(message)) handle(message);
});

/** The matrix shown and the extension's id for it, which the next change is made against. */
let held: { readonly id: string; readonly matrix: Matrix } | null = null;

function handle(message: MessageToPage): void {
  if (message.type === 'status') return statusPane.render(message.view);
  if (message.type === 'statusEmpty') return statusPane.empty(message.reason);
  if (message.type === 'empty') {
    held = null;
    renderEmpty(message.reason);
    return;
  }
  // A change to a matrix this page does not hold cannot be shown: say `ready` to be sent it whole.
  const base = message.base === null ? null : held?.id === message.base ? held.matrix : undefined;
  const matrix = base === undefined ? null : applyMatrixDelta(base, message.matrix);
  if (!matrix) {
    held = null;
    post({ type: 'ready' });
    return;
  }
  held = { id: message.id, matrix };
  renderMatrix(matrix, message.fileName);
}

post({ type: 'ready' });
if (state.view === 'status') post({ type: 'status', shown: true, on: state.statusOn });
