// The preview's sections after the norms (events, charges, fixed charges by year, service
// levels, governance, variations), drawn from the tables `sectionTables` words for every
// renderer. Each is a table laid out like the others (a header table, a body table with the
// same columns, cards when the pane is narrower than its columns). They are small, so a section
// is drawn again only when what it says changed. Text only via textContent.

import { type SectionTable, sectionTables } from '../../../../shared/out/matrix-sections';
import type { Matrix } from '../protocol';
import { revealable } from './keyed-blocks';
import { append, colgroup, el, prose, textEl } from './rows';

interface Drawn {
  readonly key: string;
  readonly nodes: readonly HTMLElement[];
  readonly wrap: HTMLElement;
}

function sectionRow(table: SectionTable, row: SectionTable['rows'][number]): HTMLElement {
  const tr = revealable(el('tr', row.flagged ? 'section-row warning' : 'section-row'), row.line);
  tr.dataset.anchor = `${table.key}:${row.key}`;
  row.cells.forEach((lines, i) => {
    const td = el('td', i === 0 ? 'name' : '');
    // The first cell names the row; the others say what they are when laid out as cards.
    if (i > 0) td.dataset.label = table.columns[i].label;
    // One line stays inline, so that a card reads `Varies: Main`; several are one block each.
    if (i > 0 && lines.length === 1) append(td, ...prose(lines[0]));
    else lines.forEach((line, j) => append(td, i === 0 && j === 0 ? append(el('div'), el('strong', '', line)) : textEl('div', '', line)));
    append(tr, td);
  });
  return tr;
}

function draw(table: SectionTable): { nodes: HTMLElement[]; wrap: HTMLElement } {
  const widths = table.columns.map((c) => c.width);
  const wrap = el('div', `table-wrap section-wrap ${table.key}-wrap`);
  const head = el('table', `${table.key} head`);
  const headRow = el('tr');
  for (const c of table.columns) append(headRow, textEl('th', '', c.label));
  append(head, colgroup(widths), append(el('thead'), headRow));
  const body = el('tbody');
  for (const row of table.rows) append(body, sectionRow(table, row));
  append(wrap, append(el('div', 'sticky-head'), head), append(el('div', 'blocks'), append(el('div', 'section-block'), append(el('table', table.key), colgroup(widths), body))));
  const notes = table.notes.map((n) => textEl('p', 'meta', n));
  return { nodes: [textEl('h2', '', table.title), wrap, ...notes], wrap };
}

/** The sections, in a container of their own, kept in step with the matrix shown. */
export class Sections {
  readonly root = el('div', 'sections');
  private drawn: Drawn[] = [];

  /** The sections' table wraps, for the layout. */
  wraps(): HTMLElement[] {
    return this.drawn.map((d) => d.wrap);
  }

  /** Draws what changed; true when a table was drawn anew (its layout is then to be decided). */
  update(m: Matrix): boolean {
    const tables = sectionTables(m);
    const keys = tables.map((t) => JSON.stringify(t));
    if (keys.length === this.drawn.length && keys.every((k, i) => k === this.drawn[i].key)) return false;
    const old = new Map(this.drawn.map((d) => [d.key, d] as const));
    this.drawn = tables.map((t, i) => old.get(keys[i]) ?? { key: keys[i], ...draw(t) });
    this.root.replaceChildren(...this.drawn.flatMap((d) => d.nodes));
    return true;
  }
}
