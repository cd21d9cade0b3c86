// How each row of the matrix preview looks: the norm rows with their group headings, the
// exclusivity rows and the conflicts, as keyed items for `KeyedBlocks`. Text only via textContent.

import { groupTitle, kpiText, noteText } from '../../../../shared/out/matrix-wording';
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


/** The matrix rows, a group's heading first; `partiesKey` changes when the columns do. */
export function normItems(m: Matrix, partiesKey: string, columns: number): Item[] {
  const items: Item[] = [];
  for (const group of m.groups) {
    items.push({
      key: `${partiesKey}\u0000${keyOf(group.scope)}`,
      line: null,
      visible: (party) => group.rows.some((r) => takesPart(r, party)),
      make: () => {
        const tr = el('tr', 'group');
        tr.dataset.anchor = `group:${groupTitle(group)}`;
        const th = el('th', '', groupTitle(group));
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
  if (row.title) append(name, el('div', 'norm-title', row.title));
  if (row.statement) append(name, el('div', 'statement', row.statement));
  for (const note of row.notes) append(name, el('div', 'note', noteText(note)));
  append(tr, name);
  for (const party of m.parties) {
    const parts = partsOf(row, party.id);
    const cell = el('td', parts.length ? 'cell has-part' : 'cell');
    parts.forEach((part, i) => append(cell, ...(i ? [', '] : []), el('span', 'part', part)));
    append(tr, cell);
  }
  append(tr, el('td', 'when', row.when), el('td', 'kpis', kpiText(row)), el('td', 'consequence', row.consequence), el('td', 'clause', row.clause));
  return tr;
}

export function scopeItems(m: Matrix): Item[] {
  return m.exclusivity.map((r) => ({ key: keyOf(r), line: r.line, visible: () => true, make: () => scopeRow(r) }));
}

function scopeRow(r: ScopeRow): HTMLElement {
  const tr = revealable(el('tr', r.conflicts.length ? 'scope conflict' : 'scope'), r.line);
  tr.dataset.anchor = `scope:${r.path}`;
  const name = el('td', `scope-name depth-${Math.min(r.depth, 8)}`);
  append(name, el('code', '', r.path));
  if (r.title) append(name, ' ', el('span', 'scope-title', r.title));
  for (const c of r.covers) append(name, el('div', 'statement', `covers ${c}`));
  const holders = el('td', 'holders');
  for (const h of r.holders) {
    const line = el('div', 'holder', h.party);
    if (h.period) append(line, `, ${h.period}`);
    if (h.clause) append(line, ` (clause ${h.clause})`);
    if (h.except.length) append(line, `, except ${h.except.join(', ')}`);
    if (h.partnership) append(line, ' ', el('em', '', `in ${h.partnership}`));
    append(holders, line);
  }
  const interfaces = el('td', 'interfaces');
  for (const i of r.interfaces) append(interfaces, el('div', '', i.note ? `${i.with} (${i.note})` : i.with));
  const found = el('td', 'conflicts');
  for (const c of r.conflicts) append(found, el('div', 'conflict', c));
  append(tr, name, holders, el('td', 'open', r.open ? 'open' : ''), interfaces, found);
  return tr;
}

export function conflictItems(m: Matrix): Item[] {
  return m.conflicts.map((c) => ({
    key: JSON.stringify(c), // the line is part of the text, so a moved conflict is redrawn
    line: null,
    visible: () => true,
    make: () => revealable(el('li', c.severity === 'error' ? 'conflict' : 'warning', `Line ${c.line}, ${c.code}: ${c.message}`), c.line),
  }));
}
