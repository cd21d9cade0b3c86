// The calendar's items (calendar.ts) and their ICS and CSV (calendar-formats.ts) on the
// Service Birmingham fixture: order by day then kind and name, UIDs numbered when two items of
// the same declaration fall on the same day, and what a series shares written the same way for
// each of its items.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { calendarEntries, itemOf, uidOf } from '../../../../server/out/core/ledger/calendar';
import { writeCalendarCsv, writeIcs } from '../../../../server/out/core/ledger/calendar-formats';
import { ByteWriter } from '../../../../server/out/core/text/byte-writer';
import { dayNumber } from '../../../../server/out/core/values/dates';
import { repoRoot } from '../../helpers/paths';
import { ledgerFor } from './ledger.test';

const folder = path.join(repoRoot, 'test', 'fixtures', 'ledger', 'birmingham');
const results = fs.readFileSync(path.join(folder, 'birmingham.results.csv'), 'utf8');

describe('the calendar', () => {
  // The breach notice served twice on the same day: two plans are due on the same day.
  const twice = results + 'event,BreachNotice,2016-05-03,,"Second copy, by hand"\n';
  const calendar = calendarEntries(ledgerFor(folder, twice), { from: dayNumber('2016-05-01')!, to: dayNumber('2016-05-31')! });
  const entries = [...calendar];

  it('numbers the UIDs of items of one declaration on one day, the first without a number', () => {
    const rectify = entries.filter((e) => e.series.name === 'Rectify').map(uidOf);
    assert.deepEqual(rectify, [
      'obligation-due.ServiceBirmingham.Rectify.2016-05-17@partnership-language-tools',
      'obligation-due.ServiceBirmingham.Rectify.2016-05-17.2@partnership-language-tools',
    ]);
    assert.deepEqual(entries.filter((e) => e.series.name === 'Rectify').map((e) => itemOf(e).note), ['Letter from the Head of ICT', 'Second copy, by hand']);
  });

  it('lists items by day, then by kind, partnership and name', () => {
    assert.deepEqual(entries.map((e) => [itemOf(e).date, e.series.kind, e.series.name]), [
      ['2016-05-17', 'obligation-due', 'Rectify'],
      ['2016-05-17', 'obligation-due', 'Rectify'],
      ['2016-05-31', 'period-end', 'Availability'],
      ['2016-05-31', 'period-end', 'P1Fix'],
    ]);
  });

  it('writes each item with its own day, UID and note, and what its series shares', () => {
    let ics = '';
    const icsWriter = new ByteWriter((bytes) => void (ics += Buffer.from(bytes).toString('utf8')));
    writeIcs(calendar, 'test', icsWriter);
    icsWriter.flush();
    assert.ok(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75), 'lines folded at 75 octets');
    // Unfolded (RFC 5545 3.1), as a reader sees it.
    const events = ics.replace(/\r\n /g, '').split('BEGIN:VEVENT\r\n').slice(1);
    assert.equal(events.length, 4);
    assert.match(events[1], /^UID:obligation-due\.ServiceBirmingham\.Rectify\.2016-05-17\.2@partnership-language-tools\r\nDTSTAMP:20160517T000000Z\r\nDTSTART;VALUE=DATE:20160517\r\nDTEND;VALUE=DATE:20160518\r\n/);
    assert.match(events[1], /Arises on BreachNotice 2016-05-03\. Note: Second copy\\, by hand\r\n/);
    assert.match(events[3], /DTEND;VALUE=DATE:20160601\r\nSUMMARY:P1Fix period ends: /, 'a month-end item ends the next day');
    assert.match(events[3], /DESCRIPTION:ServiceBirmingham: the measurement period 2016-05-01 to 2016-05-31 of P1Fix ends\.\r\n/);
    let csv = '';
    const csvWriter = new ByteWriter((bytes) => void (csv += Buffer.from(bytes).toString('utf8')));
    writeCalendarCsv(calendar, csvWriter);
    csvWriter.flush();
    const rows = csv.trimEnd().split('\r\n');
    assert.equal(rows.length, 5);
    assert.equal(rows[2].split(',')[0], '2016-05-17');
    assert.ok(rows[2].endsWith(',"Second copy, by hand",obligation-due.ServiceBirmingham.Rectify.2016-05-17.2@partnership-language-tools'), rows[2]);
    assert.ok(rows[4].includes(',ServiceBirmingham: the measurement period 2016-05-01 to 2016-05-31 of P1Fix ends.,'), rows[4]);
  });

  it('says in every format which measurement period an item ends, as the ICS says it', () => {
    // Every period of the whole term: the ICS writes these descriptions by a path of its own.
    const whole = calendarEntries(ledgerFor(folder, results));
    let ics = '';
    const writer = new ByteWriter((bytes) => void (ics += Buffer.from(bytes).toString('utf8')));
    writeIcs(whole, 'test', writer);
    writer.flush();
    const icsDescriptions = ics.replace(/\r\n /g, '').split('BEGIN:VEVENT\r\n').slice(1)
      .filter((e) => e.includes('CATEGORIES:period-end')).map((e) => /DESCRIPTION:(.*)\r\n/.exec(e)![1]);
    const items = [...whole].filter((e) => e.series.kind === 'period-end').map(itemOf);
    assert.ok(items.length > 40, `${items.length} periods`);
    assert.deepEqual(icsDescriptions, items.map((i) => i.description));
    const first = items.find((i) => i.name === 'P1Fix')!;
    assert.match(first.description, /^ServiceBirmingham: the measurement period (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2}) of P1Fix ends\.$/);
    assert.ok(first.description.endsWith(`to ${first.date} of P1Fix ends.`), 'the period ends on the item\'s day');
  });
});
