// A standalone, printable HTML page of the matrix. Every piece of document text is escaped:
// a party named `<img src=x onerror=alert(1)>` appears as those characters. No scripts.

import { cellText, changeText, conflictText, docParagraphs, FIXED_HEADERS, groupsOf, kpiText, LEGEND, noteText, rowDetails, wordsToKeep } from '../../../../shared/out/matrix-wording';
import { headLines, sectionTables } from '../../../../shared/out/matrix-sections';
import type { Matrix } from '../../../../shared/out/matrix';
import { provenanceText, type RenderOptions } from './render-options';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Document text for the page's content (never an attribute): escaped, with each date,
 * hyphenated word or qualified name kept on one line, a qualified name breaking only after a dot.
 */
export function prose(text: string): string {
  return wordsToKeep(text)
    .map((run) => (typeof run === 'string' ? escapeHtml(run) : `<span class="word">${run.map(escapeHtml).join('<wbr>')}</span>`))
    .join('');
}

const STYLE = `
  :root { color-scheme: light dark; --line: #8884; --muted: #777; --warn: #b36b00; --bad: #c62828; }
  body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem; }
  h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
  .meta, .legend, .provenance { color: var(--muted); } .doc { max-width: 60rem; }
  table { border-collapse: collapse; width: 100%; margin-top: .75rem; }
  table.parties { width: auto; } .word { white-space: nowrap; }
  th, td { border: 1px solid var(--line); padding: .3rem .45rem; vertical-align: top; text-align: left; }
  thead th { position: sticky; top: 0; background: Canvas; }
  th.party { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; }
  td.cell { text-align: center; white-space: nowrap; font-weight: 600; }
  tr.group th { background: #8882; }
  .statement { color: var(--muted); font-size: .9em; }
  .conflict { color: var(--bad); } .warning { color: var(--warn); }
  @media print { body { margin: 0; } thead th { position: static; } tr { break-inside: avoid; } }
`;

export function renderHtml(matrix: Matrix, options: RenderOptions = {}): string {
  const e = escapeHtml;
  const t = prose;
  const p = matrix.partnership;
  const out: string[] = [];
  out.push('<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${e(p.title || p.name)}: obligation matrix</title>`, `<style>${STYLE}</style>`, '</head>', '<body>');
  out.push(`<h1>${t(p.title || p.name)}</h1>`);
  out.push(`<p class="meta">Partnership <code>${t(p.name)}</code>${p.term ? `, term ${t(p.term)}` : ''}${p.source ? `. Source: ${t(p.source)}` : ''}</p>`);
  if (options.provenance) out.push(`<p class="provenance">${t(provenanceText(options.provenance))}</p>`);
  for (const paragraph of docParagraphs(p.doc)) out.push(`<p class="doc">${t(paragraph)}</p>`);
  for (const note of p.notes) out.push(`<p class="note">${t(noteText(note))}</p>`);
  for (const line of headLines(matrix)) out.push(`<p class="meta">${t(line)}</p>`);

  out.push('<h2>Parties</h2>', '<table class="parties">', '<thead><tr><th>Party</th><th>Name</th><th>Role</th></tr></thead>', '<tbody>');
  for (const party of matrix.parties) out.push(`<tr><td><code>${t(party.id)}</code></td><td>${t(party.title)}</td><td>${t(party.role)}</td></tr>`);
  if (matrix.parties.length === 0) out.push('<tr><td colspan="3">This partnership declares no parties.</td></tr>');
  out.push('</tbody></table>');

  out.push('<h2>Obligation matrix</h2>', `<p class="legend">${t(LEGEND)}</p>`, '<table class="matrix">', '<thead><tr><th>Norm</th>');
  for (const party of matrix.parties) out.push(`<th class="party" title="${e(party.title)}${party.role ? ` (${e(party.role)})` : ''}">${t(party.id)}</th>`);
  out.push(...FIXED_HEADERS.map((h) => `<th>${h}</th>`), '</tr></thead>', '<tbody>');
  const columns = matrix.parties.length + 1 + FIXED_HEADERS.length;
  for (const group of groupsOf(matrix, options.grouping ?? 'scope')) {
    out.push(`<tr class="group"><th colspan="${columns}">${t(group.title)}</th></tr>`);
    for (const row of group.rows) {
      out.push(`<tr id="norm-${e(row.norm)}" data-line="${row.line}">`);
      out.push(`<td><strong>${t(row.norm)}</strong> <span class="kind">(${t(row.kind)})</span>${rowDetails(row).map((d) => `<br><span class="${d.kind}">${t(d.text)}</span>`).join('')}</td>`);
      for (const party of matrix.parties) out.push(`<td class="cell">${t(cellText(row, party.id))}</td>`);
      out.push(`<td>${t(row.when)}</td><td>${t(kpiText(row))}</td><td>${t(row.consequence)}</td><td>${t(row.clause)}</td></tr>`);
    }
  }
  if (matrix.groups.length === 0) out.push(`<tr><td colspan="${columns}">This partnership declares no norms.</td></tr>`);
  out.push('</tbody></table>');

  for (const table of sectionTables(matrix)) {
    out.push(`<h2>${t(table.title)}</h2>`, `<table class="${table.key}">`, `<thead><tr>${table.columns.map((c) => `<th>${t(c.label)}</th>`).join('')}</tr></thead>`, '<tbody>');
    for (const r of table.rows) {
      const cells = r.cells.map((lines, i) => `<td>${lines.map((l, j) => (i === 0 && j === 0 ? `<strong>${t(l)}</strong>` : t(l))).join('<br>')}</td>`);
      out.push(`<tr${r.flagged ? ' class="warning"' : ''}${r.line !== null ? ` data-line="${r.line}"` : ''}>${cells.join('')}</tr>`);
    }
    out.push('</tbody></table>', ...table.notes.map((n) => `<p class="meta">${t(n)}</p>`));
  }

  out.push('<h2>Exclusivity</h2>', '<table class="exclusivity">', '<thead><tr><th>Scope</th><th>Exclusive holder and period</th><th>Open</th><th>Interfaces</th><th>Conflicts</th></tr></thead>', '<tbody>');
  for (const r of matrix.exclusivity) {
    const holders = r.holders.map((h) => `${t(h.party)}${h.period ? `, ${t(h.period)}` : ''}${h.clause ? ` (clause ${t(h.clause)})` : ''}${h.except.length ? `, except ${t(h.except.join(', '))}` : ''}${h.partnership ? ` <em>in ${t(h.partnership)}</em>` : ''}${h.changes.map((c) => `; ${t(changeText(c))}`).join('')}`);
    out.push(`<tr${r.conflicts.length ? ' class="conflict"' : ''}>`,
      `<td style="padding-left:${0.45 + r.depth * 1.25}rem"><code>${t(r.path)}</code>${r.title ? ` ${t(r.title)}` : ''}${r.covers.map((c) => `<br><span class="statement">covers ${t(c)}</span>`).join('')}</td>`,
      `<td>${holders.join('<br>')}</td>`, `<td>${r.open ? 'open' : ''}</td>`,
      `<td>${r.interfaces.map((i) => `${t(i.with)}${i.note ? ` (${t(i.note)})` : ''}`).join('<br>')}</td>`,
      `<td>${r.conflicts.map(e).join('<br>')}</td>`, '</tr>');
  }
  if (matrix.exclusivity.length === 0) out.push('<tr><td colspan="5">This partnership declares no scopes.</td></tr>');
  out.push('</tbody></table>');
  if (matrix.conflicts.length > 0) {
    out.push('<h2>Conflicts found</h2>', '<ul>');
    for (const c of matrix.conflicts) out.push(`<li class="${c.severity === 'error' ? 'conflict' : 'warning'}">${t(conflictText(c))}</li>`);
    out.push('</ul>');
  }
  out.push('</body>', '</html>', '');
  return out.join('\n');
}
