// Dates, deadlines and events: P301-P306 in every position the second version adds, working
// days counted in each calendar, and circles of deadlines kept right by incremental analysis.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { Analysis } from '../../../server/out/core/analysis/analysis';
import type { TextEdit } from '../../../server/out/core/diagnostics/diagnostic';
import { checkNormDates } from '../../../server/out/core/checks/dates';
import type { Diagnostic } from '../../../server/out/core/diagnostics/diagnostic';
import { NormModel, type NormFacts } from '../../../server/out/core/model/norm-model';
import { parseDocument, type ParsedDocument } from '../../../server/out/core/syntax/parse';
import { reparseDocument } from '../../../server/out/core/syntax/reparse';
import { dayNumber, formatDay, localDay } from '../../../server/out/core/values/dates';
import { repoRoot } from '../helpers/paths';
import { check, checkBody, covered } from '../helpers/program';

const FILE = 'test.partnership';

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

/** The codes of one kind, as `line:col CODE`, and the text each covers. */
function found(c: ReturnType<typeof checkBody>, code: string): string[] {
  return c.diagnostics(FILE).filter((d) => d.code === code).map((d) => covered(c.text, d));
}

function normNamed(c: ReturnType<typeof check>, file: string, name: string): NormModel {
  return c.program.files.get(c.path(file))!.model!.norms.find((n) => n.symbol.name === name)!;
}

describe('dates: P301, P302 and P303', () => {
  it('P301 for a month outside 01-12 in every new date position, and never for shares', () => {
    const c = checkBody(`  party JV "JV" as joint-venture of A 20%, B 80%
  kpi K "k" { owner B target >= 99% target >= 99.5% from 2012-13 measured monthly }
  charge C "c" { A pays B  £1m per year from 2011-00 until 2014-14 }
  obligation O "o" { B must run "the desk" to A from 2011-13 until 2012-00 }
  variation V "v" { agreed 2011-13 effective 2012-00 term to 2021-15 }`);
    assert.deepEqual(found(c, 'P301'), ['2012-13', '2011-00', '2014-14', '2011-13', '2012-00', '2011-13', '2012-00', '2021-15']);
    assert.equal(c.diagnostics(FILE).find((d) => d.code === 'P301')!.message, '`2012-13` is not a calendar date: there is no month 13.');
  });

  it('P302 for a norm whose until is before its from, at the until with the from as related information', () => {
    const c = checkBody('  obligation R "r" {\n    B must keep "the register" to A\n    every 1 month\n    from 2012-06\n    until 2012-05\n  }');
    const d = c.diagnostics(FILE).find((x) => x.code === 'P302')!;
    assert.equal(d.message, 'The obligation `R` ends on 2012-05, before it starts on 2012-06.');
    assert.equal(covered(c.text, d), '2012-05');
    assert.deepEqual(d.related.map((r) => [covered(c.text, r), r.message]), [['2012-06', 'The obligation `R` starts on 2012-06']]);
    // The month 2012-06 ends a period that starts on 2012-06-01: its last day, so not reversed.
    assert.deepEqual(found(checkBody('  obligation S "s" { B must keep "x" to A from 2012-06-15 until 2012-06 }'), 'P302'), []);
  });

  it('P302 for an amount line whose until is before its from, and for a fixed deadline before the norm starts', () => {
    const c = checkBody(`  charge C "c" { A pays B  £1m per year from 2014-04-01 until 2013-03-31 }
  obligation D "d" { B must file "a plan" to A from 2015-06-01 due 2015-05 }
  obligation E "e" { B must file "a report" to A every 1 month from 2015-06-01 due 2015-05 }`);
    assert.deepEqual(found(c, 'P302'), ['2013-03-31', '2015-05']);
    assert.match(c.diagnostics(FILE).find((d) => d.code === 'P302')!.message, /^The amount line ends on 2013-03-31, before it starts on 2014-04-01\.$/);
  });

  it('a norm whose period is reversed has no period and takes part in no other check', () => {
    const c = checkBody(`  scope Core "Core"
  exclusive A over Core
  obligation Given "g" { B must deliver Core to A from 2030-01-01 until 2012-01-01 }
  obligation Window "w" { B must keep "x" to A from 2014 until 2013 }`);
    assert.deepEqual(c.codes(FILE, ['error', 'warning', 'information']).map((s) => s.split(' ')[1]), ['P302', 'P302']);
    assert.equal(normNamed(c, FILE, 'Given').period, null);
  });

  it('P303 judges a date by the day it stands for: a from by its first day, a due, until or to by its last', () => {
    const text = `partnership T "t" {
  term 2006-04-01 to 2006-09-30
  party A "A" as client
  party B "B" as supplier
  scope Work "Work"
  exclusive B over Work from 2006-04 to 2006-09
  obligation Year "y" { B must publish "a plan" to A due 2006 }
  obligation Month "m" { B must publish "a list" to A due 2006-09 }
  obligation Early "e" { B must keep "x" to A from 2006 until 2006-09 }
  kpi K "k" { owner B target >= 1 target >= 2 from 2006-03 measured monthly }
  charge C "c" { A pays B  £1m per year from 2006-04 until 2006-10 }
  variation V "v" { agreed 2005-01-01 term to 2006-09-30 }
}
`;
    const c = check({ [FILE]: text });
    const p303 = c.diagnostics(FILE).filter((d) => d.code === 'P303');
    assert.deepEqual(p303.map((d) => d.message.split(' is outside')[0]), ['2006 (2006-12-31)', '2006 (2006-01-01)', '2006-03 (2006-03-01)', '2006-10 (2006-10-31)']);
    // The variation's own dates are left to its check (its `term to` leaves the end where it was).
    assert.ok(p303.every((d) => !text.slice(d.start - 20, d.start).includes('agreed')));
  });
});

describe('deadlines counted from start and expiry', () => {
  it('P303 at the duration when the day it gives is outside the term, and for a count too long to reach', () => {
    const text = `partnership T "t" {
  term 2010-01-01 to 2010-06-30
  party A "A" as client
  obligation In "i" { A must file "a plan" due within 3 months of start }
  obligation Back "b" { A must file "an exit plan" due 12 months before expiry }
  obligation Far "f" { A must file "a report" due within 999999999 working days of start }
}
`;
    const c = check({ [FILE]: text });
    const p303 = c.diagnostics(FILE).filter((d) => d.code === 'P303');
    assert.deepEqual(p303.map((d) => covered(text, d)), ['12 months', '999999999 working days']);
    assert.equal(p303[0].message, 'The deadline 12 months before expiry (2009-06-30) is outside the partnership\'s term (2010-01-01 to 2010-06-30).');
    assert.match(p303[1].message, /^The deadline 999999999 working days after start \(more than ten thousand years away\) is outside/);
    assert.equal(normNamed(c, FILE, 'Far').deadline!.day, null);
    assert.ok(!c.diagnostics(FILE).some((d) => d.code === 'P900'));
  });

  it('without a term, a deadline counted from start or expiry has no day', () => {
    const c = check({ [FILE]: 'partnership T "t" {\n  party A "A" as client\n  obligation O "o" { A must file "x" due within 3 working days of start }\n}\n' });
    assert.equal(normNamed(c, FILE, 'O').deadline!.day, null);
  });
});

describe('deadlines: P305', () => {
  it('a deadline counted from a norm that is not an obligation, at the name after `of`', () => {
    const c = checkBody(`  permission Step "s" { A may operate "the service" }
  obligation After "a" { A must report "the costs" to B due within 1 month of Step }`);
    const d = c.diagnostics(FILE).find((x) => x.code === 'P305')!;
    assert.equal(covered(c.text, d), 'Step');
    assert.equal(d.message, 'The deadline of `After` counts from `Step`, a permission: only an obligation is done, so this deadline never starts. Count it from an event or an obligation.');
    assert.deepEqual(d.related.map((r) => covered(c.text, r)), ['Step']);
  });

  it('deadlines counted in a circle, on every deadline in it, and an obligation counted from itself', () => {
    const c = checkBody(`  obligation L1 "1" { B must send "one" to A due within 5 days of L2 }
  obligation L2 "2" { B must send "two" to A due within 5 days of L3 }
  obligation L3 "3" { B must send "three" to A due within 5 days of L1 }
  obligation Tail "t" { B must send "four" to A due within 5 days of L1 }
  obligation Self "s" { B must send "five" to A due within 1 week of Self }`);
    const p305 = c.diagnostics(FILE).filter((d) => d.code === 'P305');
    assert.deepEqual(p305.map((d) => covered(c.text, d)), ['L2', 'L3', 'L1', 'Self']);
    assert.equal(p305[0].message, 'The deadline of `L1` counts from `L2` in a circle of 3 deadlines (L1 → L2 → L3 → L1), so none of them ever falls due.');
    assert.deepEqual(p305[0].related.map((r) => covered(c.text, r)), ['L3', 'L1']);
    assert.equal(p305[3].message, 'The deadline of `Self` counts from the day `Self` itself is done, so it never falls due.');
  });

  it('a circle across files is found in each file, and a deadline flagged P305 counts as written and makes its norm triggered', () => {
    const main = `import "other.partnership"\npartnership Main "m" {\n  term 2010-01-01 to 2020-12-31\n  party A "A" as client\n  obligation M "m" {\n    A must send "a notice"\n    due within 5 days of Other.O\n  }\n}\n`;
    const other = `import "main.partnership"\npartnership Other "o" {\n  term 2010-01-01 to 2020-12-31\n  party B "B" as supplier\n  obligation O "o" {\n    B must send "a reply"\n    due within 5 days of Main.M\n  }\n}\n`;
    const c = check({ 'main.partnership': main, 'other.partnership': other });
    assert.deepEqual(c.codes('main.partnership').filter((s) => s.endsWith('P305')), ['7:26 P305']);
    assert.deepEqual(c.codes('other.partnership').filter((s) => s.endsWith('P305')), ['7:26 P305']);
    const d = c.diagnostics('main.partnership').find((x) => x.code === 'P305')!;
    assert.equal(d.message, 'The deadline of `M` counts from `Other.O` in a circle of 2 deadlines (M → O → M), so none of them ever falls due.');
    assert.deepEqual(d.related.map((r) => [r.file, covered(other, r)]), [[c.path('other.partnership'), 'Main.M']]);
    const m = normNamed(c, 'main.partnership', 'M');
    assert.equal(m.triggered, true);
    assert.ok(!c.diagnostics('main.partnership').some((x) => x.code === 'P603'));
    // Counted from an event instead, the circle is gone from both files.
    const open = check({ 'main.partnership': main.replace('Other.O', 'Go').replace('  party A', '  event Go "go"\n  party A'), 'other.partnership': other });
    assert.ok(![...open.diagnostics('main.partnership'), ...open.diagnostics('other.partnership')].some((x) => x.code === 'P305'));
  });

  it('incremental analysis finds a circle an edit elsewhere closes or opens, as a full analysis does', () => {
    const file = '/virtual/circle.partnership';
    const text = (third: string) => `partnership C "c" {
  term 2010-01-01 to 2020-12-31
  party A "A" as client
  party B "B" as supplier
  obligation L1 "1" { B must send "one" to A due within 5 days of L2 }
  obligation L2 "2" { B must send "two" to A due within 5 days of L3 }
  obligation L3 "3" { B must send "three" to A due within 5 days of ${third} }
  event E "e"
}
`;
    let previous: Analysis | undefined;
    let parsed: ParsedDocument | undefined;
    // As the editor does: the edited unit alone is parsed again, and the others are kept.
    const parse = (_: string, t: string): ParsedDocument => (parsed = parsed ? reparseDocument(parsed, t) : parseDocument(file, t));
    for (const third of ['E', 'L1', 'E', 'L1', 'L2']) {
      const roots = [{ file, text: text(third) }];
      const next = new Analysis(roots, { readFile: () => undefined, parse }, previous);
      const fresh = new Analysis(roots, { readFile: () => undefined });
      if (previous) assert.equal(next.files.get(file)!.resolutions.at(3), previous.files.get(file)!.resolutions.at(3), 'L1 keeps its resolution');
      assert.deepEqual(next.diagnostics(file).map((d) => [d.code, d.start, d.message]), fresh.diagnostics(file).map((d) => [d.code, d.start, d.message]), third);
      // L1's unit is untouched by the edit, yet its P305 follows the circle.
      assert.equal(next.diagnostics(file).some((d) => d.code === 'P305' && d.message.startsWith('The deadline of `L1`')), third === 'L1', third);
      previous = next;
    }
  });
});

describe('events: P306', () => {
  it('an event no norm uses is a hint at its name; `when`, `from` and a deadline count as uses, in any file', () => {
    const main = `partnership Main "m" {
  term 2010-01-01 to 2020-12-31
  party A "A" as client
  event Unused "u"
  event ByWhen "w"
  event ByFrom "f"
  event ByDeadline "d"
  event Elsewhere "e"
  permission P "p" { A may operate "the service" when ByWhen }
  obligation R "r" { A must report "the use" every 1 month from ByFrom }
  obligation D "d" { A must report "the cause" due within 3 days of ByDeadline }
}
`;
    const other = `import "main.partnership"\npartnership Other "o" {\n  term 2010-01-01 to 2020-12-31\n  party B "B" as supplier\n  permission Q "q" { B may stop "the service" when Main.Elsewhere }\n}\n`;
    const c = check({ 'main.partnership': main, 'other.partnership': other });
    const hints = c.diagnostics('main.partnership').filter((d) => d.code === 'P306');
    assert.deepEqual(hints.map((d) => [covered(main, d), d.severity]), [['Unused', 'hint']]);
    assert.equal(hints[0].message, 'No norm uses the event `Unused`: name it in a `when` line, a `from` line or a deadline counted from it.');
    // Alone, the event only the other file names is unused.
    assert.deepEqual(check({ 'main.partnership': main }).diagnostics('main.partnership').filter((d) => d.code === 'P306').map((d) => covered(main, d)), ['Unused', 'Elsewhere']);
  });
});

describe('working days and calendars', () => {
  /** The day a norm's deadline falls on, in a partnership with `calendar` and `term`. */
  function deadlineDay(calendar: string | null, term: string, due: string): string {
    const text = `partnership W "w" {\n  term ${term}\n${calendar ? `  calendar ${calendar}\n` : ''}  party A "A" as client\n  obligation O "o" { A must file "the plan" ${due} }\n}\n`;
    const c = check({ 'w.partnership': text });
    return formatDay(normNamed(c, 'w.partnership', 'O').deadline!.day!);
  }

  it('counts `within N working days of start` across Easter in each calendar', () => {
    // 2024: Good Friday 29 March, Easter Monday 1 April (not a bank holiday in Scotland).
    const term = '2024-03-28 to 2025-03-31';
    const due = 'due within 2 working days of start';
    assert.equal(deadlineDay(null, term, due), '2024-04-03');
    assert.equal(deadlineDay('england-and-wales', term, due), '2024-04-03');
    assert.equal(deadlineDay('northern-ireland', term, due), '2024-04-03');
    assert.equal(deadlineDay('scotland', term, due), '2024-04-02');
    assert.equal(deadlineDay('weekdays', term, due), '2024-04-01');
  });

  it('counts `N working days before expiry` back across Christmas and the new year in each calendar', () => {
    // Expiry on Monday 6 January 2025; 1 and 2 January are bank holidays in Scotland, 1 January elsewhere.
    const term = '2024-01-01 to 2025-01-06';
    const due = 'due 2 working days before expiry';
    assert.equal(deadlineDay('england-and-wales', term, due), '2025-01-02');
    assert.equal(deadlineDay('northern-ireland', term, due), '2025-01-02');
    assert.equal(deadlineDay('scotland', term, due), '2024-12-31');
    assert.equal(deadlineDay('weekdays', term, due), '2025-01-02');
    // Christmas: 25 and 26 December 2024 are skipped everywhere but in `weekdays`.
    assert.equal(deadlineDay('england-and-wales', '2024-01-01 to 2024-12-27', due), '2024-12-23');
    assert.equal(deadlineDay('weekdays', '2024-01-01 to 2024-12-27', due), '2024-12-25');
  });

  it('P304 for an unknown calendar, with the closest name as a quick fix; working days then skip England and Wales\'s holidays', () => {
    const text = 'partnership W "w" {\n  term 2024-03-28 to 2025-03-31\n  calendar scotlnd\n  party A "A" as client\n  obligation O "o" { A must file "the plan" due within 2 working days of start }\n}\n';
    const c = check({ 'w.partnership': text });
    const d = c.diagnostics('w.partnership').find((x) => x.code === 'P304')!;
    assert.equal(d.severity, 'error');
    assert.equal(covered(text, d), 'scotlnd');
    assert.equal(d.message, '`scotlnd` is not a calendar. Did you mean `scotland`? The calendars are `england-and-wales`, `scotland`, `northern-ireland` and `weekdays`; until this is corrected, working days skip the bank holidays of `england-and-wales`.');
    assert.deepEqual(d.fixes.map((f) => [f.title, f.preferred]), [['Change to `scotland`', true]]);
    assert.equal(applyEdits(text, d.fixes[0].edits), text.replace('scotlnd', 'scotland'));
    assert.equal(formatDay(normNamed(c, 'w.partnership', 'O').deadline!.day!), '2024-04-03');
    // A name close to none still gets the nearest calendar as a fix, though not as the preferred one.
    const far = check({ 'w.partnership': text.replace('scotlnd', 'mars') }).diagnostics('w.partnership').find((x) => x.code === 'P304')!;
    assert.doesNotMatch(far.message, /Did you mean/);
    assert.equal(far.fixes.length, 1);
    assert.equal(far.fixes[0].preferred, undefined);
  });
});

describe('dates of a norm judged from its meaning', () => {
  /** What `checkNormDates` finds for `norm`, judged from its meaning or, with `fromLines`, from its lines. */
  function dateFindings(c: ReturnType<typeof check>, norm: NormModel, fromLines: boolean): Diagnostic[] {
    const model = c.program.files.get(c.path(FILE))!.model!;
    const found: Diagnostic[] = [];
    const judged = fromLines ? new NormModel({ ...norm, repeatsDateLine: true } as NormFacts) : norm;
    checkNormDates({ input: { file: model.file, text: '', declarations: null as never }, read: () => { throw new Error('no lookups'); }, emit: (d) => found.push(d) }, judged, model);
    return found;
  }

  it('finds what its lines give for every mix of due, from, until, every and when, in the order written', () => {
    const dues = ['', 'due 2015-05', 'due 2009-02', 'due 2015-02-30', 'due within 10 days of start', 'due within 5 days of E', 'due 3 months before expiry'];
    const froms = ['', 'from 2015-06-01', 'from 2008-01', 'from 2015-13', 'from start', 'from E'];
    const untils = ['', 'until 2015-04', 'until 2030-01-01', 'until 2016-02-30', 'until expiry'];
    const extras = ['', 'every 1 month', 'when E'];
    const norms: string[] = [];
    let n = 0;
    for (const due of dues) for (const from of froms) for (const until of untils) for (const extra of extras) {
      // Lines in two orders: the deadline first, and the deadline last.
      const lines = [from, until, extra].filter(Boolean);
      const order = n % 2 === 0 ? [due, ...lines] : [...lines, due];
      norms.push(`  obligation N${n++} "n" {\n    B must keep "x" to A\n${order.filter(Boolean).map((l) => `    ${l}\n`).join('')}  }`);
    }
    const c = checkBody(`  event E "e"\n${norms.join('\n')}`);
    const models = c.program.files.get(c.path(FILE))!.model!.norms;
    assert.equal(models.length, norms.length);
    const codes = new Map<string, number>();
    for (const norm of models) {
      assert.equal(norm.repeatsDateLine, false);
      const fromMeaning = dateFindings(c, norm, false);
      assert.deepEqual(fromMeaning, dateFindings(c, norm, true), norm.symbol.name);
      for (const d of fromMeaning) codes.set(d.code, (codes.get(d.code) ?? 0) + 1);
    }
    // Every finding is among them, many times over.
    assert.ok(['P301', 'P302', 'P303'].every((code) => (codes.get(code) ?? 0) > 20), JSON.stringify([...codes]));
  });

  it('judges every date of a norm that gives a date line twice, from its lines', () => {
    const c = checkBody('  obligation R "r" {\n    B must keep "x" to A\n    due 2015-05\n    due 2009-02\n    until 2015-13\n    until 2016-01\n  }');
    const norm = normNamed(c, FILE, 'R');
    assert.equal(norm.repeatsDateLine, true);
    // Offsets count from the norm's unit.
    const unitText = norm.unit.text;
    assert.deepEqual(dateFindings(c, norm, false).map((d) => `${d.code} ${unitText.slice(d.start, d.end)}`), ['P303 2009-02', 'P301 2015-13']);
  });
});

describe('today where the machine is', () => {
  it('is the local calendar day of a moment, whatever the time zone', () => {
    assert.equal(localDay(new Date(2020, 6, 1, 0, 30)), dayNumber('2020-07-01'));
    assert.equal(localDay(new Date(2020, 11, 31, 23, 59)), dayNumber('2020-12-31'));
  });

  it('is the next day in a British summer between midnight and one, when the UTC day is not yet', () => {
    // A process of its own: the time zone is read when the engine starts.
    const script = `const { localDay, formatDay } = require(${JSON.stringify(path.join(repoRoot, 'server', 'out', 'core', 'values', 'dates.js'))});
      process.stdout.write(formatDay(localDay(new Date(Date.UTC(2020, 5, 30, 23, 30)))));`;
    const r = spawnSync(process.execPath, ['-e', script], { env: { ...process.env, TZ: 'Europe/London' }, encoding: 'utf8' });
    assert.equal(r.stdout, '2020-07-01', r.stderr);
  });
});
