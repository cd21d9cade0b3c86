// The matrix as Markdown tables. Document text is escaped so that it renders as the same
// characters: no stray emphasis, links, HTML or broken table cells.

import { cellText, changeText, conflictText, docParagraphs, FIXED_HEADERS, groupsOf, kpiText, LEGEND, noteText, rowDetails } from '../../../../shared/out/matrix-wording';
import { headLines, sectionTables } from '../../../../shared/out/matrix-sections';
import type { Matrix } from '../../../../shared/out/matrix';
import { showBidiControls } from '../text/bidi';
import { provenanceText, type RenderOptions } from './render-options';

/** Escapes text that sits inside a line, after other text: no line-start markers to worry about. */
export function escapeMarkdownInline(text: string): string {
  // Hovers use this too: a bidirectional control is shown as a mark, not obeyed.
  return showBidiControls(text)
    .replace(/\r?\n|\r/g, ' ')
    .replace(/[\\`*_\[\]()|~]/g, (c) => `\\${c}`)
    .replace(/[<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;'));
}

/** Escapes text that may start a line (a cell, a paragraph). */
export function escapeMarkdown(text: string): string {
  return escapeMarkdownInline(text)
    // Markers that only mean something at the start of a line (headings, lists, quotes).
    .replace(/^(\s*)([#+\-=])/, (_, space: string, marker: string) => `${space}\\${marker}`)
    .replace(/^(\s*\d+)([.)])/, (_, digits: string, marker: string) => `${digits}\\${marker}`);
}

export function renderMarkdown(matrix: Matrix, options: RenderOptions = {}): string {
  const m = escapeMarkdown;
  const p = matrix.partnership;
  const out: string[] = [`# ${m(p.title || p.name)}`, ''];
  out.push(`Partnership \`${p.name.replace(/`/g, '')}\`${p.term ? `, term ${m(p.term)}` : ''}${p.source ? `. Source: ${m(p.source)}` : ''}`, '');
  if (options.provenance) out.push(`*${m(provenanceText(options.provenance))}*`, '');
  for (const paragraph of docParagraphs(p.doc)) out.push(m(paragraph), '');
  for (const note of p.notes) out.push(`*${m(noteText(note))}*`, '');
  for (const line of headLines(matrix)) out.push(m(line), '');
  out.push('## Parties', '', '| Party | Name | Role |', '| --- | --- | --- |');
  for (const party of matrix.parties) out.push(`| ${m(party.id)} | ${m(party.title)} | ${m(party.role)} |`);
  out.push('');
  out.push('## Obligation matrix', '', `*${m(LEGEND)}*`, '');
  const header = ['Norm', ...matrix.parties.map((x) => m(x.id)), ...FIXED_HEADERS];
  out.push(`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`);
  for (const group of groupsOf(matrix, options.grouping ?? 'scope')) {
    out.push(`| **${m(group.title)}** |${' |'.repeat(header.length - 1)}`);
    for (const row of group.rows) {
      const details = rowDetails(row).filter((d) => d.kind !== 'title').map((d) => `<br>${d.kind === 'statement' ? m(d.text) : `*${m(d.text)}*`}`);
      const cells = [`**${m(row.norm)}** ${m(row.title)}${details.join('')}`, ...matrix.parties.map((x) => m(cellText(row, x.id))), m(row.when), m(kpiText(row)), m(row.consequence), m(row.clause)];
      out.push(`| ${cells.join(' | ')} |`);
    }
  }
  for (const table of sectionTables(matrix)) {
    out.push('', `## ${m(table.title)}`, '', `| ${table.columns.map((c) => m(c.label)).join(' | ')} |`, `| ${table.columns.map(() => '---').join(' | ')} |`);
    for (const r of table.rows) out.push(`| ${r.cells.map((lines, i) => lines.map((l, j) => (i === 0 && j === 0 ? `**${m(l)}**` : m(l))).join('<br>')).join(' | ')} |`);
    if (table.notes.length) out.push('', ...table.notes.map((n) => `*${m(n)}*`));
  }
  out.push('', '## Exclusivity', '', '| Scope | Exclusive holder and period | Open | Interfaces | Conflicts |', '| --- | --- | --- | --- | --- |');
  for (const r of matrix.exclusivity) {
    const indent = '&nbsp;&nbsp;'.repeat(r.depth);
    const holders = r.holders.map((h) => m(`${h.party}${h.period ? `, ${h.period}` : ''}${h.clause ? ` (clause ${h.clause})` : ''}${h.except.length ? `, except ${h.except.join(', ')}` : ''}${h.partnership ? ` in ${h.partnership}` : ''}${h.changes.map((c) => `; ${changeText(c)}`).join('')}`)).join('<br>');
    const interfaces = r.interfaces.map((i) => m(`${i.with}${i.note ? ` (${i.note})` : ''}`)).join('<br>');
    const covers = r.covers.map((c) => `<br>covers ${m(c)}`).join('');
    out.push(`| ${indent}${m(r.path)}${r.title ? ` ${m(r.title)}` : ''}${covers} | ${holders} | ${r.open ? 'open' : ''} | ${interfaces} | ${r.conflicts.map(m).join('<br>')} |`);
  }
  if (matrix.conflicts.length > 0) {
    out.push('', '## Conflicts found', '');
    for (const c of matrix.conflicts) out.push(`- ${m(conflictText(c))}`);
  }
  return out.join('\n') + '\n';
}
