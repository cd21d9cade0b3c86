// `partnership status` and `partnership calendar` as people run them: exit codes, every
// format, the same bytes from run to run, JSON valid against the published schemas, and a
// results note that looks like a spreadsheet formula or markup kept inert in every format.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { run } from '../helpers/cli';
import { cliPath, repoRoot } from '../helpers/paths';
import { schemaErrors, validateCalendar, validateStatus } from '../helpers/schemas';

const fixture = path.join(repoRoot, 'test', 'fixtures', 'ledger', 'birmingham');
const FORMULA = '=HYPERLINK("http://x.invalid","y")';

/** A folder `contracts` with the Service Birmingham fixture, its results file replaced by `results` when given. */
export function contractsFolder(results?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-ledger-cli-'));
  fs.mkdirSync(path.join(dir, 'contracts'));
  for (const name of fs.readdirSync(fixture)) fs.copyFileSync(path.join(fixture, name), path.join(dir, 'contracts', name));
  if (results !== undefined) fs.writeFileSync(path.join(dir, 'contracts', 'birmingham.results.csv'), results);
  return dir;
}

/** The parts of the JSON outputs these tests look at. */
interface StatusJson {
  partnerships: { obligations: { occurrences: { status: string }[] }[]; charges: { creditsByYear: { payable: { amount: string } }[] }[] }[];
}
interface CalendarJson {
  items: { name: string; date: string; note?: string }[];
}

const csvQuoted = (text: string) => `"${text.replace(/"/g, '""')}"`;
const withNote = (note: string) =>
  `kind,name,date,value,note\nevent,BreachNotice,2016-05-03,,${csvQuoted(note)}\ndone,R01,2015-11-20,,${csvQuoted(note)}\n`;

describe('partnership status and calendar', () => {
  const dir = contractsFolder();

  it('exit 0 on good files, 1 when a results file has an error, 2 for bad usage', () => {
    for (const command of [['status', 'contracts', '--on', '2016-07-20'], ['calendar', 'contracts']]) {
      assert.equal(run(command, dir).status, 0, command.join(' '));
      const broken = run(command, contractsFolder('kind,name,date\nresult,Availabilty,2016-04\n'));
      assert.equal(broken.status, 1, command.join(' '));
      assert.match(broken.stderr, /R002/);
      assert.ok(broken.stdout.length > 0, 'the output is still written');
    }
    const usages = [
      ['status'], ['status', 'contracts', '--on', '2016-02-30'], ['status', 'contracts', '--format', 'ics'], ['status', 'contracts', '--from', '2016-01-01'],
      ['calendar'], ['calendar', 'contracts', '--from', '2017-01-01', '--to', '2016-01-01'], ['calendar', 'contracts', '--format', 'md'], ['calendar', 'contracts', '--on', '2016-01-01'],
      ['status', 'no-such-folder', '--on', '2016-07-20'],
    ];
    for (const args of usages) {
      const r = run(args, dir);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stdout, '', args.join(' '));
      assert.match(r.stderr, /^partnership: .+\n$/, args.join(' '));
    }
  });

  const formats: [string, string, RegExp][] = [
    ['status', 'text', /^Status on 2016-07-20\n[\s\S]*Credits owed: £60,000\.00\n$/],
    ['status', 'json', /^\{\n {2}"on": "2016-07-20"/],
    ['status', 'html', /^<!DOCTYPE html>[\s\S]*£60,000\.00[\s\S]*<\/html>\n?$/i],
    ['status', 'md', /^# [\s\S]*\| UserForecast [^\n]*\| overdue \|/m],
    ['calendar', 'ics', /^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/],
    ['calendar', 'csv', /^date,kind,partnership,name,summary,description,note,uid\r\n/],
    ['calendar', 'json', /^\{\n {2}"items": \[/],
  ];
  for (const [command, format, shape] of formats) {
    it(`${command} --format ${format}: its shape, and the same bytes on a second run`, () => {
      const args = [command, 'contracts', '--format', format, ...(command === 'status' ? ['--on', '2016-07-20'] : [])];
      const first = run(args, dir);
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, shape);
      assert.equal(run(args, dir).stdout, first.stdout);
    });
  }

  it('writes --output as it goes, leaves no file when the command fails first, and refuses a folder that cannot be made', () => {
    const dir = contractsFolder();
    assert.equal(run(['calendar', 'contracts', '-o', 'out/c.ics'], dir).status, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'out', 'c.ics'), 'utf8'), run(['calendar', 'contracts'], dir).stdout);
    const refused = run(['calendar', 'contracts', '--on', '2016-01-01', '-o', 'out/none.ics'], dir);
    assert.equal(refused.status, 2);
    assert.equal(fs.existsSync(path.join(dir, 'out', 'none.ics')), false, 'a usage error leaves no file behind');
    if (process.platform === 'linux') {
      // Node's recursive mkdir never returns for a folder under /proc: each command must end, with exit 2.
      for (const args of [['status', 'contracts', '-o', '/proc/nowhere/s.txt'], ['calendar', 'contracts', '-o', '/proc/nowhere/deeper/c.ics'], ['matrix', 'contracts/birmingham.partnership', '-o', '/proc/nowhere/m.html']]) {
        const r = spawnSync(process.execPath, [cliPath, ...args], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
        assert.equal(r.status, 2, `${args.join(' ')}: ${r.error ?? r.stderr}`);
        assert.match(r.stderr, /cannot write \/proc\/nowhere\//);
      }
    }
  });

  it('check reports the results files of the folders named, in every format, and writes status and calendar with --output', () => {
    const broken = contractsFolder('kind,name,date,value,note\ndone,R1,2015-11-20,,\nresult,Availability,2016-04,fast,\n');
    const text = run(['check', 'contracts'], broken);
    assert.equal(text.status, 1);
    assert.match(text.stdout, /^contracts\/birmingham\.results\.csv:2:6 error R002 .*Did you mean `R01`\?$/m);
    assert.match(text.stdout, /^contracts\/birmingham\.results\.csv:3:\d+ error R005 /m);
    const json = JSON.parse(run(['check', 'contracts', '--format', 'json'], broken).stdout) as { files: { path: string; diagnostics: { code: string; fixes: { edits: { newText: string }[] }[] }[] }[] };
    const results = json.files.find((f) => f.path === 'contracts/birmingham.results.csv');
    assert.deepEqual(results?.diagnostics.map((d) => d.code), ['R002', 'R005']);
    assert.equal(results?.diagnostics[0].fixes[0].edits[0].newText, 'R01');
    const sarif = run(['check', 'contracts', '--format', 'sarif'], broken).stdout;
    assert.match(sarif, /"ruleId": "R002"/);
    // A contract alone, named as a file, checks only itself.
    assert.equal(run(['check', 'contracts/birmingham.partnership'], broken).status, 0);
    // --output puts what the command prints in the file; standard output stays empty.
    const out = run(['status', 'contracts', '--on', '2016-07-20', '-o', 'out/status.txt'], dir);
    assert.equal(out.stdout, '');
    assert.equal(fs.readFileSync(path.join(dir, 'out', 'status.txt'), 'utf8'), run(['status', 'contracts', '--on', '2016-07-20'], dir).stdout);
    assert.equal(run(['calendar', 'contracts', '-o', 'out/c.ics'], dir).status, 0);
    assert.match(fs.readFileSync(path.join(dir, 'out', 'c.ics'), 'utf8'), /^BEGIN:VCALENDAR\r\n/);
  });

  it('status as text gives each contract year with a credit its own line and each run of years without one a single line', () => {
    const r = run(['status', 'examples/service-birmingham', '--on', '2016-06-30']);
    assert.equal(r.status, 0, r.stderr);
    const credits = r.stdout.slice(r.stdout.indexOf('Credits by contract year\n'), r.stdout.indexOf('\nOverdue duties'));
    assert.deepEqual(credits.trim().split('\n'), [
      'Credits by contract year',
      '  CoreCharge 2006-04-01 to 2015-03-31: no credits (9 contract years)',
      '  CoreCharge 2015-04-01 to 2016-03-31: earned £149,999.99, payable £100,000.00, £49,999.99 removed by the cap (0.5% per year)',
      '  CoreCharge 2016-04-01 to 2017-03-31: no credits',
    ]);
    // JSON keeps every year, each with its amounts.
    const json = JSON.parse(run(['status', 'examples/service-birmingham', '--on', '2016-06-30', '--format', 'json']).stdout) as StatusJson;
    assert.equal(json.partnerships[0].charges[0].creditsByYear.length, 11);
  });

  it('status as text says "none" under a heading with nothing in it', () => {
    // The catalogue of the portfolio declares scopes only: no obligation, KPI or charge.
    const r = run(['status', 'examples/portfolio', '--on', '2020-01-01']);
    const catalogue = r.stdout.slice(r.stdout.indexOf('Catalogue:'), r.stdout.indexOf('CustomerPlatform:'));
    assert.deepEqual(catalogue.trim().split('\n').slice(1), ['', 'Obligations', '  none', '', 'KPIs', '  none', '', 'Credits by contract year', '  none: no charge']);
  });

  it('status --format json follows schemas/partnership-status.schema.json', () => {
    const status: StatusJson = JSON.parse(run(['status', 'contracts', '--on', '2016-07-20', '--format', 'json'], dir).stdout);
    assert.ok(validateStatus(status), schemaErrors(validateStatus));
    assert.equal(status.partnerships[0].charges[0].creditsByYear[1].payable.amount, '60000.00');
    // The schema rejects what it should: a status word the brief does not define.
    status.partnerships[0].obligations[0].occurrences[0].status = 'finished';
    assert.equal(validateStatus(status), false);
  });

  it('calendar --format json follows schemas/partnership-calendar.schema.json', () => {
    const calendar: CalendarJson = JSON.parse(run(['calendar', 'contracts', '--format', 'json'], dir).stdout);
    assert.ok(validateCalendar(calendar), schemaErrors(validateCalendar));
    const rectify = calendar.items.find((i) => i.name === 'Rectify');
    assert.deepEqual([rectify?.date, rectify?.note], ['2016-05-17', 'Letter from the Head of ICT']);
    calendar.items[0].date = '2016-5-1';
    assert.equal(validateCalendar(calendar), false);
  });

  it('neutralises a formula in a results note in calendar CSV, and keeps it inert in status HTML and Markdown', () => {
    const hostile = contractsFolder(withNote(`<b>${FORMULA}</b>`));
    const formulaOnly = contractsFolder(withNote(FORMULA));
    const csv = run(['calendar', 'contracts', '--format', 'csv'], formulaOnly).stdout;
    const rectify = csv.split('\r\n').find((l) => l.includes(',Rectify,'));
    assert.ok(rectify?.includes(`"'${FORMULA.replace(/"/g, '""')}"`), rectify);
    assert.ok(!csv.split(/[\r\n,]/).some((cell) => /^"?[=+\-@]/.test(cell)), 'no cell starts a formula');

    const html = run(['status', 'contracts', '--on', '2016-07-20', '--format', 'html'], hostile).stdout;
    assert.ok(!html.includes('<b>'), 'the note is not markup');
    assert.ok(!html.includes('href="http://x.invalid'), 'no link made from the note');
    assert.match(html, /&#60;b&#62;=HYPERLINK\(&#34;http:\/\/x\.invalid&#34;,&#34;y&#34;\)&#60;\/b&#62;/);

    const md = run(['status', 'contracts', '--on', '2016-07-20', '--format', 'md'], hostile).stdout;
    assert.ok(!md.includes('<b>'), 'the note is not markup');
    assert.match(md, /\| &lt;b&gt;=HYPERLINK\\\("http:\/\/x\.invalid","y"\\\)&lt;\/b&gt; \|/);
  });
});
