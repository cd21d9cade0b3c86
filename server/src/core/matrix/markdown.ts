// The matrix as Markdown tables. Document text is escaped so that it renders as the same
// characters: no stray emphasis, links, HTML or broken table cells.

import { cellText, conflictText, docParagraphs, FIXED_HEADERS, groupsOf, kpiText, LEGEND, noteText } from '../../../../shared/out/matrix-wording';
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
  out.push('## Parties', '', '| Party | Name | Role |', '| --- | --- | --- |');
  for (const party of matrix.parties) out.push(`| ${m(party.id)} | ${m(party.title)} | ${m(party.role)} |`);
  out.push('');
  out.push('## Obligation matrix', '', `*${m(LEGEND)}*`, '');
  const header = ['Norm', ...matrix.parties.map((x) => m(x.id)), ...FIXED_HEADERS];
  out.push(`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`);
  for (const group of groupsOf(matrix, options.grouping ?? 'scope')) {
    out.push(`| **${m(group.title)}** |${' |'.repeat(header.length - 1)}`);
    for (const row of group.rows) {
      const cells = [`**${m(row.norm)}** ${m(row.title)}${row.notes.map((n) => `<br>*${m(noteText(n))}*`).join('')}`, ...matrix.parties.map((x) => m(cellText(row, x.id))), m(row.when), m(kpiText(row)), m(row.consequence), m(row.clause)];
      out.push(`| ${cells.join(' | ')} |`);
    }
  }
  out.push('', '## Exclusivity', '', '| Scope | Exclusive holder and period | Open | Interfaces | Conflicts |', '| --- | --- | --- | --- | --- |');
  for (const r of matrix.exclusivity) {
    const indent = '&nbsp;&nbsp;'.repeat(r.depth);
    const holders = r.holders.map((h) => m(`${h.party}${h.period ? `, ${h.period}` : ''}${h.clause ? ` (clause ${h.clause})` : ''}${h.except.length ? `, except ${h.except.join(', ')}` : ''}${h.partnership ? ` in ${h.partnership}` : ''}`)).join('<br>');
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
