// How each row of the matrix preview looks: the norm rows with their group headings, the
// exclusivity rows and the conflicts, as keyed items for `KeyedBlocks`. Text only via textContent.

import { changeText, conflictText, FIXED_HEADERS, type Grouping, groupsOf, kpiText, rowDetails, wordsToKeep } from '../../../../shared/out/matrix-wording';
import type { Matrix } from '../protocol';
import { rowKey } from '../../../../shared/out/matrix-delta';
import { type Item, revealable } from './keyed-blocks';

type Row = Matrix['groups'][number]['rows'][number];
type ScopeRow = Matrix['exclusivity'][number];

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Text that wraps only between words, keeping dates and names whole (see `wordsToKeep`). */
export function prose(text: string): (Node | string)[] {
  return wordsToKeep(text).map((run) => {
    if (typeof run === 'string') return run;
    const whole = el('span', 'word');
    run.forEach((piece, i) => append(whole, ...(i ? [el('wbr')] : []), piece));
    return whole;
  });
}

/** An element holding `text` as prose (see above). */
export function textEl<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text: string): HTMLElementTagNameMap[K] {
  return append(el(tag, className), ...prose(text));
}

export function append<T extends Node>(parent: T, ...children: (Node | string)[]): T {
  for (const child of children) parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  return parent;
}

export function colgroup(classes: readonly string[]): HTMLTableColElement {
  const group = el('colgroup');
  for (const c of classes) append(group, el('col', c));
  return group;
}

/** A party's parts in a row, read as an own property only (a party may be called `constructor`). */
function partsOf(row: Row, party: string): readonly string[] {
  return Object.hasOwn(row.cells, party) ? row.cells[party] : [];
}

const takesPart = (row: Row, party: string | null): boolean => party === null || partsOf(row, party).length > 0;

/** JSON of a value without its `line` fields: a moved but unchanged row keeps its element. */
const keyOf = (value: unknown): string => JSON.stringify(value, (k, v: unknown) => (k === 'line' ? undefined : v));


/** A cell that, laid out as a card, says what it is (`When: by 2015-11-30`); see preview.css. */
function labelled(cell: HTMLTableCellElement, label: string): HTMLTableCellElement {
  cell.dataset.label = label;
  return cell;
}

/** The matrix rows, a group's heading first; `partiesKey` changes when the columns do. */
export function normItems(m: Matrix, partiesKey: string, columns: number, grouping: Grouping): Item[] {
  const items: Item[] = [];
  for (const group of groupsOf(m, grouping)) {
    items.push({
      key: `${partiesKey}\u0000${group.key}\u0000${group.title}`,
      line: null,
      visible: (party) => group.rows.some((r) => takesPart(r, party)),
      make: () => {
        const tr = el('tr', 'group');
        tr.dataset.anchor = `group:${group.key}`;
        const th = el('th', '', group.title);
        th.colSpan = columns;
        append(tr, th);
        return tr;
      },
    });
    for (const row of group.rows) {
      // Remembered by row: an update keys only the rows the extension sent as changed.
      items.push({ key: `${partiesKey}\u0000${rowKey(row)}`, line: row.line, visible: (party) => takesPart(row, party), make: () => normRow(row, m) });
    }
  }
  return items;
}

function normRow(row: Row, m: Matrix): HTMLElement {
  const tr = revealable(el('tr', `norm ${row.kind}`), row.line);
  tr.dataset.norm = row.norm;
  tr.dataset.anchor = `norm:${row.norm}`;
  const name = el('td', 'name');
  const heading = el('div');
  append(heading, el('strong', '', row.norm), ' ', el('span', 'kind', `(${row.kind})`));
  append(name, heading);
  for (const detail of rowDetails(row)) append(name, textEl('div', detail.kind === 'title' ? 'norm-title' : detail.kind, detail.text));
  append(tr, name);
  for (const party of m.parties) {
    const parts = partsOf(row, party.id);
    const cell = labelled(el('td', parts.length ? 'cell has-part' : 'cell'), party.id);
    parts.forEach((part, i) => append(cell, ...(i ? [', '] : []), el('span', 'part', part)));
    append(tr, cell);
  }
  const [when, kpis, consequence, clause] = FIXED_HEADERS;
  append(tr,
    labelled(textEl('td', 'when', row.when), when),
    labelled(textEl('td', 'kpis', kpiText(row)), kpis),
    labelled(textEl('td', 'consequence', row.consequence), consequence),
    labelled(textEl('td', 'clause', row.clause), clause));
  return tr;
}

export function scopeItems(m: Matrix): Item[] {
  return m.exclusivity.map((r) => ({ key: keyOf(r), line: r.line, visible: () => true, make: () => scopeRow(r) }));
}

function scopeRow(r: ScopeRow): HTMLElement {
  const tr = revealable(el('tr', r.conflicts.length ? 'scope conflict' : 'scope'), r.line);
  tr.dataset.anchor = `scope:${r.path}`;
  const name = el('td', `scope-name depth-${Math.min(r.depth, 8)}`);
  append(name, textEl('code', '', r.path));
  if (r.title) append(name, ' ', textEl('span', 'scope-title', r.title));
  for (const c of r.covers) append(name, textEl('div', 'statement', `covers ${c}`));
  const holders = labelled(el('td', 'holders'), 'Exclusive');
  for (const h of r.holders) {
    const line = textEl('div', 'holder', h.party);
    if (h.period) append(line, ...prose(`, ${h.period}`));
    if (h.clause) append(line, ...prose(` (clause ${h.clause})`));
    if (h.except.length) append(line, ...prose(`, except ${h.except.join(', ')}`));
    if (h.partnership) append(line, ' ', textEl('em', '', `in ${h.partnership}`));
    for (const c of h.changes) append(line, textEl('div', 'change', changeText(c)));
    append(holders, line);
  }
  const interfaces = labelled(el('td', 'interfaces'), 'Interfaces');
  for (const i of r.interfaces) append(interfaces, textEl('div', '', i.note ? `${i.with} (${i.note})` : i.with));
  const found = labelled(el('td', 'conflicts'), 'Conflicts');
  for (const c of r.conflicts) append(found, textEl('div', 'conflict', c));
  append(tr, name, holders, el('td', 'open', r.open ? 'open' : ''), interfaces, found);
  return tr;
}

export function conflictItems(m: Matrix): Item[] {
  return m.conflicts.map((c) => ({
    key: JSON.stringify(c), // the line is part of the text, so a moved conflict is redrawn
    line: null,
    visible: () => true,
    make: () => revealable(textEl('li', c.severity === 'error' ? 'conflict' : 'warning', conflictText(c)), c.line),
  }));
}
