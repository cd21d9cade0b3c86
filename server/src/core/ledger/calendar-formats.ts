// The calendar as ICS (RFC 5545: one all-day VEVENT per item, lines folded at 75 octets, text
// escaped, control characters dropped) and as CSV (the matrix's fields: formula-like cells
// neutralised). Nothing depends on the moment of writing: DTSTAMP is the item's own day, so the
// same input gives the same bytes.

import { csvField } from '../matrix/csv';
import type { CalendarItem } from './calendar';

/** RFC 5545 TEXT: backslash, semicolon and comma escaped, line breaks as `\n`, other controls dropped. */
function icsText(text: string): string {
  return text
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, '');
}

/** Folds a content line into lines of at most 75 octets, never inside a UTF-8 sequence or a surrogate pair. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const cp = ch.codePointAt(0)!;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (octets + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const compact = (date: string): string => date.replace(/-/g, '');

function nextDay(date: string): string {
  return new Date(Date.parse(date + 'T00:00:00Z') + 86_400_000).toISOString().slice(0, 10);
}

export function renderIcs(items: readonly CalendarItem[], product: string): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:-//Partnership Language Tools//${icsText(product)}//EN`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const item of items) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${icsText(item.uid)}`,
      `DTSTAMP:${compact(item.date)}T000000Z`,
      `DTSTART;VALUE=DATE:${compact(item.date)}`,
      `DTEND;VALUE=DATE:${compact(nextDay(item.date))}`,
      `SUMMARY:${icsText(item.summary)}`,
      `DESCRIPTION:${icsText(item.note ? `${item.description} Note: ${item.note}` : item.description)}`,
      `CATEGORIES:${icsText(item.kind)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

export function renderCalendarCsv(items: readonly CalendarItem[]): string {
  const rows = [['date', 'kind', 'partnership', 'name', 'summary', 'description', 'note', 'uid']];
  for (const i of items) rows.push([i.date, i.kind, i.partnership, i.name, i.summary, i.description, i.note ?? '', i.uid]);
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
