// The calendar's ICS read by an independent reader, Python's `icalendar` (CI installs
// python3-icalendar): every event parses with its UID, all-day start and summary, and the UIDs
// stay the same from run to run. Without python3 and icalendar the test fails, it does not skip.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from '../helpers/cli';
import { contractsFolder } from './ledger.test';

const READER = `
import json, sys, icalendar
calendar = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
for event in calendar.walk('VEVENT'):
    print(json.dumps([str(event['UID']), event.decoded('DTSTART').isoformat(), str(event['SUMMARY'])]))
`;

/** The first Python on this machine that has icalendar: the one on PATH, else the system's. */
function pythonWithIcalendar(): string {
  for (const python of ['python3', '/usr/bin/python3']) {
    const probe = spawnSync(python, ['-c', 'import icalendar'], { encoding: 'utf8' });
    if (probe.status === 0) return python;
  }
  assert.fail('python3 with the icalendar module is needed to read the calendar (Debian: apt-get install python3-icalendar; .ci/run installs it)');
}

function readIcs(file: string): [string, string, string][] {
  const r = spawnSync(pythonWithIcalendar(), ['-c', READER, file], { encoding: 'utf8' });
  assert.equal(r.status, 0, `icalendar could not read ${file}: ${r.stderr}`);
  return r.stdout.trim().split('\n').map((line) => JSON.parse(line) as [string, string, string]);
}

describe('partnership calendar read by Python icalendar', () => {
  it('gives one all-day event per item, with UIDs that stay the same on a second run', function () {
    this.timeout(30000);
    const dir = contractsFolder();
    const write = (name: string): string => {
      const r = run(['calendar', 'contracts'], dir);
      assert.equal(r.status, 0, r.stderr);
      fs.writeFileSync(path.join(dir, name), r.stdout);
      return path.join(dir, name);
    };
    const first = readIcs(write('first.ics'));
    const items = JSON.parse(run(['calendar', 'contracts', '--format', 'json'], dir).stdout).items as { uid: string; date: string; summary: string }[];
    assert.deepEqual(first, items.map((i) => [i.uid, i.date, i.summary]), 'every item, as the JSON lists it');
    assert.ok(first.some(([uid, start, summary]) =>
      uid === 'obligation-due.ServiceBirmingham.Rectify.2016-05-17@partnership-language-tools' && start === '2016-05-17' && summary === 'Rectify due: Rectification plan for Service Birmingham'));
    assert.ok(first.some(([, start, summary]) => start === '2015-11-30' && summary === 'R01 due: Operational plan for Service Birmingham'));
    assert.equal(new Set(first.map(([uid]) => uid)).size, first.length, 'each UID once');
    assert.deepEqual(readIcs(write('second.ics')).map(([uid]) => uid), first.map(([uid]) => uid));
  });
});
