// The calendar as ICS (RFC 5545: one all-day VEVENT per item, lines folded at 75 octets, text
// escaped, control characters dropped) and as CSV (the matrix's fields: formula-like cells
// neutralised). Nothing depends on the moment of writing: DTSTAMP is the item's own day, so the
// same input gives the same bytes.

import { csvField } from '../matrix/csv';
import type { CalendarItem } from './calendar';

/** RFC 5545 TEXT: backslash, semicolon and comma escaped, line breaks as `\n`, other controls dropped. */
function icsText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, '');
}

/** Folds a content line into lines of at most 75 octets, never inside a UTF-8 sequence or a surrogate pair. */
function fold(line: string): string {
  // Most lines are short and plain: 75 characters of at most 1 octet each need no folding.
  if (line.length <= 25) return line;
  if (ASCII.test(line)) {
    // One octet a character: 75, then 74 after each fold's leading space.
    if (line.length <= 75) return line;
    const parts = [line.slice(0, 75)];
    for (let i = 75; i < line.length; i += 74) parts.push(line.slice(i, i + 74));
    return parts.join('\r\n ');
  }
  const out: string[] = [];
  let start = 0;
  let octets = 0;
  for (let i = 0; i < line.length; ) {
    const cp = line.codePointAt(i)!;
    const units = cp > 0xffff ? 2 : 1;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (octets + size > (out.length === 0 ? 75 : 74)) {
      out.push(line.slice(start, i));
      start = i;
      octets = 0;
    }
    octets += size;
    i += units;
  }
  out.push(line.slice(start));
  return out.join('\r\n ');
}

const ASCII = /^[\x00-\x7f]*$/;
const NEEDS_ESCAPE = /[\\;,\r\n\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

const compact = (date: string): string => date.replace(/-/g, '');

function nextDay(date: string): string {
  let next = nextDays.get(date);
  if (next === undefined) {
    if (nextDays.size > 40_000) nextDays.clear();
    next = new Date(Date.parse(date + 'T00:00:00Z') + 86_400_000).toISOString().slice(0, 10);
    nextDays.set(date, next);
  }
  return next;
}

/** Calendars repeat the same days: each day's successor is worked out once. */
const nextDays = new Map<string, string>();

/** The calendar as ICS, handed to `emit` an event at a time: a calendar of a long term is large. */
export function writeIcs(items: readonly CalendarItem[], product: string, emit: (chunk: string) => void): void {
  const line = (text: string): string => fold(text) + '\r\n';
  emit(['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:-//Partnership Language Tools//${icsText(product)}//EN`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'].map(line).join(''));
  for (const item of items) {
    emit([
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
    ].map(line).join(''));
  }
  emit(line('END:VCALENDAR'));
}

/** The calendar as CSV, handed to `emit` a row at a time. */
export function writeCalendarCsv(items: readonly CalendarItem[], emit: (chunk: string) => void): void {
  emit(['date', 'kind', 'partnership', 'name', 'summary', 'description', 'note', 'uid'].join(',') + '\r\n');
  for (const i of items) emit([i.date, i.kind, i.partnership, i.name, i.summary, i.description, i.note ?? '', i.uid].map(csvField).join(',') + '\r\n');
}
