// Shared wording of the matrix's columns, so that every renderer labels them alike.

import type { Matrix, MatrixRow } from './matrix';

export const FIXED_HEADERS = ['When', 'KPIs', 'Consequence', 'Clause'] as const;

export function cellText(row: MatrixRow, partyId: string): string {
  return Object.prototype.hasOwnProperty.call(row.cells, partyId) ? row.cells[partyId].join(', ') : '';
}

export function kpiText(row: MatrixRow): string {
  return row.kpis.map((k) => (k.target ? `${k.name} (${k.target})` : k.name)).join('; ');
}

/** A note as every renderer words it. */
export function noteText(note: string): string {
  return `Note: ${note}`;
}

export function groupTitle(group: Matrix['groups'][number]): string {
  return group.scope ? `${group.scope.path}${group.scope.title ? ` — ${group.scope.title}` : ''}` : 'Not tied to a scope';
}

export const LEGEND = 'R = responsible (the party who must, may or must not act), A = accountable, C = consulted, I = informed, B = beneficiary';
