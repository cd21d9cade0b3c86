// The obligation matrix as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when
// they hold a comma, a quote or a line break, quotes doubled), one row per norm.

import { cellText, FIXED_HEADERS, groupsOf, kpiText } from './cells';
import type { Matrix } from './model';
import type { RenderOptions } from './render-options';

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function renderCsv(matrix: Matrix, options: RenderOptions = {}): string {
  const rows: string[][] = [['Group', 'Norm', 'Kind', 'Title', 'Statement', ...matrix.parties.map((p) => p.id), ...FIXED_HEADERS]];
  for (const group of groupsOf(matrix, options.grouping ?? 'scope')) {
    for (const row of group.rows) {
      rows.push([group.title, row.norm, row.kind, row.title, row.statement, ...matrix.parties.map((p) => cellText(row, p.id)), row.when, kpiText(row), row.consequence, row.clause]);
    }
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
