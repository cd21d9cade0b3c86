// The obligation matrix as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when
// they hold a comma, a quote or a line break, quotes doubled), one row per norm.

import { cellText, FIXED_HEADERS, groupTitle, kpiText } from '../../../../shared/out/matrix-wording';
import type { Matrix } from '../../../../shared/out/matrix';

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function renderCsv(matrix: Matrix): string {
  const rows: string[][] = [['Group', 'Norm', 'Kind', 'Title', 'Statement', ...matrix.parties.map((p) => p.id), ...FIXED_HEADERS, 'Notes']];
  for (const group of matrix.groups) {
    for (const row of group.rows) {
      rows.push([groupTitle(group), row.norm, row.kind, row.title, row.statement, ...matrix.parties.map((p) => cellText(row, p.id)), row.when, kpiText(row), row.consequence, row.clause, row.notes.join('\n')]);
    }
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
