// The calendar as ICS (RFC 5545: one all-day VEVENT per item, lines folded at 75 octets, text
// escaped, control characters dropped) and as CSV (the matrix's fields: formula-like cells
// neutralised). Nothing depends on the moment of writing: DTSTAMP is the item's own day, so the
// same input gives the same bytes.

import { csvField } from '../matrix/csv';
import { type ByteWriter, utf8 } from '../text/byte-writer';
import { formatDay } from '../values/dates';
import { type CalendarEntries, type CalendarSeries, periodEndDescription, uidFrom } from './calendar';

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
  if (ASCII.test(line)) return foldAscii(line);
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

/** `fold` for a line known to be ASCII: one octet a character, 75, then 74 after each fold's leading space. */
function foldAscii(line: string): string {
  if (line.length <= 75) return line;
  let folded = line.slice(0, 75);
  for (let i = 75; i < line.length; i += 74) folded += `\r\n ${line.slice(i, i + 74)}`;
  return folded;
}

const ASCII = /^[\x00-\x7f]*$/;
const NEEDS_ESCAPE = /[\\;,\r\n\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

/** `YYYYMMDD`, as DATE values are written. */
const compact = (day: number): string => formatDay(day).replace(/-/g, '');

/**
 * What is written once for all the items of a series: its summary, description and category
 * lines, escaped, folded and encoded, and its UID's start escaped. A calendar has a few
 * thousand series and hundreds of thousands of items.
 */
interface SeriesLines {
  /** The series' key as ICS text: what its UIDs start with. */
  readonly uidKey: string;
  /**
   * The event's first line and its UID line up to the date, when every UID of the series fits
   * one line (a plain ASCII key, short enough): then the UID line is written from bytes.
   */
  readonly head: Uint8Array | null;
  /** The summary line. */
  readonly summary: Uint8Array;
  /** The summary, description and category lines and the lines that end every event. */
  readonly rest: Uint8Array;
  /** The category line and the lines that end every event. */
  readonly tail: Uint8Array;
  /**
   * For the ends of measurement periods, whether every item's description is plain ASCII with
   * nothing to escape: its dates are, so the series' own words decide, and each item's line is
   * then folded without being looked at again.
   */
  readonly plainPeriods: boolean;
}

/** The longest date part of a UID: `.YYYY-MM-DD@partnership-language-tools`, the repeat aside. */
const UID_DATE_PART = uidFrom('', '0000-00-00', 1).length;

function seriesLines(s: CalendarSeries): SeriesLines {
  const uidKey = icsText(s.key);
  const summary = line(`SUMMARY:${icsText(s.summary)}`);
  const description = line(`DESCRIPTION:${icsText(s.description)}`);
  const tail = `${line(`CATEGORIES:${icsText(s.kind)}`)}TRANSP:TRANSPARENT\r\nEND:VEVENT\r\n`;
  const fits = ASCII.test(uidKey) && 'UID:'.length + uidKey.length + UID_DATE_PART <= 75;
  return {
    uidKey,
    head: fits ? utf8(`BEGIN:VEVENT\r\nUID:${uidKey}`) : null,
    summary: utf8(summary),
    rest: utf8(summary + description + tail),
    tail: utf8(tail),
    plainPeriods: s.kind === 'period-end' && isPlain(periodEndDescription(s, 0, 0)),
  };
}

const line = (text: string): string => fold(text) + '\r\n';

const isPlain = (text: string): boolean => ASCII.test(text) && !NEEDS_ESCAPE.test(text);

const BEGIN_EVENT = utf8('BEGIN:VEVENT\r\n');

/** The calendar as ICS, written event by event: a calendar of a long term is large. */
export function writeIcs(entries: CalendarEntries, product: string, out: ByteWriter): void {
  out.text(['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:-//Partnership Language Tools//${icsText(product)}//EN`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'].map(line).join(''));
  const lines = new Map<CalendarSeries, SeriesLines>();
  // Entries come in day order: the lines that say the day change only when the day does.
  // Most events are then three copies of bytes made once: the start of the event and of its
  // UID (by series), the rest of its UID and its dates (by day), and its other lines (by series).
  let day = NaN;
  let date = '';
  let dated: Uint8Array = BEGIN_EVENT;
  let uidDated: Uint8Array = BEGIN_EVENT;
  for (let i = 0; i < entries.length; i++) {
    if (entries.day(i) !== day) {
      day = entries.day(i);
      date = formatDay(day);
      const d = compact(day);
      const dates = `DTSTAMP:${d}T000000Z\r\nDTSTART;VALUE=DATE:${d}\r\nDTEND;VALUE=DATE:${compact(day + 1)}\r\n`;
      dated = utf8(dates);
      uidDated = utf8(`${uidFrom('', date, 1)}\r\n${dates}`);
    }
    const series = entries.series(i);
    let s = lines.get(series);
    if (!s) lines.set(series, (s = seriesLines(series)));
    const repeat = entries.repeat(i);
    if (s.head && repeat <= 1) {
      out.bytes(s.head);
      out.bytes(uidDated);
    } else {
      const uid = `UID:${uidFrom(s.uidKey, date, repeat)}`;
      out.bytes(BEGIN_EVENT);
      out.text(line(uid));
      out.bytes(dated);
    }
    const note = entries.note(i);
    const first = s.plainPeriods && !note ? entries.periodFirstDay(i) : undefined;
    if (first !== undefined) {
      out.bytes(s.summary);
      out.text(`${foldAscii(`DESCRIPTION:${periodEndDescription(series, first, day)}`)}\r\n`);
      out.bytes(s.tail);
      continue;
    }
    const own = entries.description(i);
    if (own !== undefined || note) {
      out.bytes(s.summary);
      out.text(line(`DESCRIPTION:${icsText(note ? `${own ?? series.description} Note: ${note}` : own!)}`));
      out.bytes(s.tail);
    } else out.bytes(s.rest);
  }
  out.text(line('END:VCALENDAR'));
}

/** The calendar as CSV, written row by row. */
export function writeCalendarCsv(entries: CalendarEntries, out: ByteWriter): void {
  out.text(['date', 'kind', 'partnership', 'name', 'summary', 'description', 'note', 'uid'].join(',') + '\r\n');
  // The fields a series' items share, each made safe once.
  const shared = new Map<CalendarSeries, { readonly middle: string; readonly description: string }>();
  for (let i = 0; i < entries.length; i++) {
    const s = entries.series(i);
    let fields = shared.get(s);
    if (!fields) shared.set(s, (fields = { middle: [s.kind, s.partnership, s.name, s.summary].map(csvField).join(','), description: csvField(s.description) }));
    const own = entries.description(i);
    const date = formatDay(entries.day(i));
    const uid = uidFrom(s.key, date, entries.repeat(i));
    out.text(`${date},${fields.middle},${own !== undefined ? csvField(own) : fields.description},${csvField(entries.note(i) ?? '')},${csvField(uid)}\r\n`);
  }
}
