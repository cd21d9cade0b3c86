// The checks' wording, ranges, related information and quick fixes, on real documents.
import * as assert from 'node:assert/strict';
import { checkProgram } from '../../../server/out/core/checks/run';
import { report } from '../../../server/out/core/diagnostics/catalog';
import { Facts } from '../../../server/out/core/facts/engine';
import { isNormalised, normalisedObject } from '../../../server/out/core/facts/duty-index';
import type { Diagnostic, TextEdit } from '../../../server/out/core/diagnostics/diagnostic';
import { check, checkBody, covered } from '../helpers/program';

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

const exclusive = `  scope ICT "ICT" { scope Core "Core" { scope Apps "Apps" } scope Projects "Projects" }
  party V "Vendor Ltd" as supplier
  exclusive B over ICT.Core to 2016-12-31 clause "2.3.1"`;

describe('exclusivity checks', () => {
  it('P202 names the holder, the grant and the day the work is given away', () => {
    const c = checkBody(`${exclusive}\n  obligation O "o" {\n    V must deliver ICT.Core.Apps to A\n    due 2015-06-30\n  }`);
    const d = c.diagnostics('test.partnership').find((x) => x.code === 'P202')!;
    assert.equal(d.message, 'B holds exclusive rights over ICT.Core from 2010-01-01 to 2016-12-31 (clause 2.3.1); this obligation gives that work (ICT.Core.Apps) to V on 2015-06-30.');
    assert.equal(covered(c.text, d), 'V must deliver ICT.Core.Apps to A');
    assert.equal(d.related.length, 1);
    assert.equal(covered(c.text, d.related[0]), 'exclusive B over ICT.Core to 2016-12-31 clause "2.3.1"');
  });

  it('P202 does not apply after the grant ends, to the holder, to `must not`, or to a description', () => {
    const c = checkBody(`${exclusive}
  obligation Later "o" { V must deliver ICT.Core to A due 2017-01-01 }
  obligation Holder "o" { B must deliver ICT.Core to A due 2011-01-01 }
  prohibition Never "p" { V must not deliver ICT.Core }
  obligation Text "o" { V must support "the core" scope ICT.Core due 2011-01-01 }`);
    assert.deepEqual(c.diagnostics('test.partnership').filter((d) => d.code === 'P202'), []);
  });

  it('P202 applies to work that contains the granted scope, on a recurrence that reaches the grant', () => {
    const c = checkBody(`${exclusive}\n  obligation All "o" { V must run ICT to A every 1 month from 2016-06-01 }`);
    const d = c.diagnostics('test.partnership').find((x) => x.code === 'P202')!;
    assert.match(d.message, /gives work that includes it \(ICT\) to V from 2016-06-01/);
  });

  it('P201 is reported on both grants with each other as related information', () => {
    const c = checkBody(`${exclusive}\n  exclusive V over ICT.Core.Apps from 2016-12-31`);
    const p201 = c.diagnostics('test.partnership').filter((d) => d.code === 'P201');
    assert.equal(p201.length, 2);
    assert.deepEqual(p201.map((d) => d.related.length), [1, 1]);
    assert.notEqual(p201[0].related[0].start, p201[1].related[0].start);
  });

  it('a carve-out removes work from the grant; a carve-out outside it is P205', () => {
    const c = checkBody(`  scope ICT "ICT" { scope Core "Core" scope Web "Web" }
  scope Other "Other"
  party V "V" as supplier
  exclusive B over ICT except ICT.Web, Other
  exclusive V over ICT.Web
  open ICT.Web`);
    assert.deepEqual(c.codes('test.partnership', ['error']), ['8:3 P205', '10:3 P203']);
    assert.equal(c.diagnostics('test.partnership').find((d) => d.code === 'P205')!.message, 'The carve-out `Other` is not inside the granted scope `ICT`, so it removes nothing from the grant.');
  });

  it('P204 warns when open work plugs into exclusive work nobody is bound to integrate', () => {
    const body = `  scope ICT "ICT" { scope Core "Core" scope Projects "Projects" }
  party V "V" as supplier
  exclusive B over ICT.Core
  open ICT.Projects
  interface ICT.Core with ICT.Projects "plug in and play"
  obligation Build "b" { V must deliver ICT.Projects to A due 2014-01-01 }`;
    const warned = checkBody(body);
    assert.deepEqual(warned.codes('test.partnership', ['warning']), ['10:26 P204']);
    assert.equal(warned.diagnostics('test.partnership').find((d) => d.code === 'P204')!.related.length, 3);
    const covered = checkBody(`${body}\n  obligation Fit "f" { B must integrate "new projects" scope ICT.Projects due 2014-01-01 }`);
    assert.deepEqual(covered.codes('test.partnership', ['warning']), []);
  });
});

describe('KPI, governance and norm checks', () => {
  it('P402 gives a value that would both pass and trigger', () => {
    const c = checkBody('  kpi K "k" { owner B target >= 98% threshold <= 98% measured monthly }\n  kpi L "l" { owner B target >= 98% threshold < 98% measured monthly }');
    const p402 = c.diagnostics('test.partnership').filter((d) => d.code === 'P402');
    assert.equal(p402.length, 1);
    assert.match(p402[0].message, /\(for example 98%\)/);
  });

  it('P402 for thresholds in another currency; £ and GBP are one currency', () => {
    const c = checkBody('  kpi K "k" { owner B target <= £2m threshold > EUR 3m }\n  kpi L "l" { owner B target <= £2m threshold > GBP 2,000,000 }');
    assert.deepEqual(c.diagnostics('test.partnership').filter((d) => d.code === 'P402').map((d) => d.message), [
      'The threshold `> EUR 3m` is in another unit than the target `<= £2m`; they cannot be compared.',
    ]);
  });

  it('P401 for negative and over-100 percentages', () => {
    const c = checkBody('  kpi K "k" { owner B target >= -1% threshold < 101% }');
    assert.deepEqual(c.diagnostics('test.partnership').filter((d) => d.code === 'P401').length, 2);
  });

  it('P501 and P502 keep currencies apart; `any` overlaps every band', () => {
    const c = checkBody(`  scope S "s"
  scope T "t"
  body X "x" { approves S up to £100k approves S above EUR 5k approves T any }
  body Y "y" { approves S above GBP 100k approves T up to £1 }`);
    assert.deepEqual(c.codes('test.partnership', ['error', 'warning']), ['7:39 P502', '7:63 P501', '8:42 P501']);
    assert.match(c.diagnostics('test.partnership').find((d) => d.code === 'P502')!.message, /No body approves `S` for amounts up to EUR 5k\./);
  });

  it('P601 offers the right block keyword and the right modal as quick fixes', () => {
    const c = checkBody('  obligation O "o" { B may publish "reports" due 2011-01-01 }');
    const d = c.diagnostics('test.partnership').find((x) => x.code === 'P601')!;
    assert.deepEqual(d.fixes.map((f) => f.title), ['Make it a permission', 'Write `must`']);
    assert.equal(applyEdits(c.text, d.fixes[0].edits), c.text.replace('obligation O "o" { B may', 'permission O "o" { B may'));
    assert.equal(applyEdits(c.text, d.fixes[1].edits), c.text.replace('{ B may publish', '{ B must publish'));
  });

  it('P602 compares quoted objects ignoring case and runs of white space, and not across verbs', () => {
    const c = checkBody(`  obligation O "o" { B must share "Council  Data" due 2011-01-01 }
  prohibition N "n" { B must not share "council data" }
  prohibition M "m" { B must not sell "council data" }`);
    assert.deepEqual(c.codes('test.partnership', ['error']), ['5:22 P602', '6:23 P602']);
  });

  it('takes a quoted object as its own key only when it is written as a duty compares it', () => {
    const texts = ['monthly report', 'report', 'Monthly report', 'monthly  report', ' monthly report', 'monthly report ', 'monthly\treport', 'monthly\u00a0report',
      'café menu', 'ÉTÉ', 'a-b_c (d) 1.2', '', ' ', 'x\u2028y', 'IT', 'it', 'r\u0130sk'];
    // Taken as it is: plain ASCII without capitals, single spaces between words. Any other text
    // takes the long way, which may still give the text itself (`café menu`).
    assert.deepEqual(texts.filter(isNormalised), ['monthly report', 'report', 'a-b_c (d) 1.2', 'it']);
    for (const text of texts.filter(isNormalised)) assert.equal(normalisedObject(text), text);
    // And P602 pairs a norm written plainly with one that needs the long way.
    const c = checkBody(`  obligation O "o" { B must share "council data" due 2011-01-01 }
  prohibition N "n" { B must not share "  Council\tData " }`);
    assert.deepEqual(c.codes('test.partnership', ['error']), ['5:22 P602', '6:23 P602']);
  });

  it('P602 finds the opposite norms of a duty that many norms share, and cites them in order', () => {
    // Twelve obligations and two prohibitions with one duty: more than a short list.
    const must = Array.from({ length: 12 }, (_, i) => `  obligation O${i} "o" { B must file "monthly report" due 2011-01-01 }`);
    const c = checkBody([...must.slice(0, 5), '  prohibition N1 "n" { B must not file "Monthly  Report" }', ...must.slice(5), '  prohibition N2 "n" { B must not file "monthly report" }'].join('\n'));
    const found = c.diagnostics('test.partnership').filter((d) => d.code === 'P602');
    assert.equal(found.length, 14);
    for (const d of found.filter((x) => x.message.includes('(see obligation'))) assert.equal(d.related.length, 12);
    const cited = found.filter((d) => d.message.includes('(see prohibition'));
    assert.equal(cited.length, 12);
    for (const d of cited) assert.match(d.message, /\(see prohibition `N1` and prohibition `N2`\)/);
  });

  it('P107 offers a term spanning the dates of the file; P403 offers an owner', () => {
    const text = 'partnership X "X" {\n  party A "A" as client\n  kpi K "k" { target >= 5 }\n  obligation O "o" { A must do "x" measured-by K due 2012-05-01 every 1 year from 2011-01-01 }\n}\n';
    const c = check({ 'x.partnership': text });
    const p107 = c.diagnostics('x.partnership').find((d) => d.code === 'P107')!;
    assert.equal(applyEdits(text, p107.fixes[0].edits), text.replace('partnership X "X" {\n', 'partnership X "X" {\n  term 2011-01-01 to 2012-05-01\n'));
    const p403 = c.diagnostics('x.partnership').find((d) => d.code === 'P403')!;
    assert.equal(applyEdits(text, p403.fixes[0].edits), text.replace('kpi K "k" { target', 'kpi K "k" { owner A target'));
  });

  it('P107 takes its term from the document alone: its dates, else a year it names, else no fix', () => {
    const fixOf = (text: string): string | null => {
      const p107 = check({ 'x.partnership': text }).diagnostics('x.partnership').find((d) => d.code === 'P107')!;
      return p107.fixes.length ? applyEdits(text, p107.fixes[0].edits) : null;
    };
    const oneDate = 'partnership X "X" {\n  party A "A" as client\n  obligation O "o" { A must do "x" due 2012-05-01 }\n}\n';
    assert.equal(fixOf(oneDate), oneDate.replace('{\n', '{\n  term 2012-05-01 to 2022-12-31\n'));
    const yearOnly = 'partnership X "X" {\n  source "Highways Term Maintenance Contract, 2006"\n  party A "A" as client\n}\n';
    assert.equal(fixOf(yearOnly), yearOnly.replace('{\n', '{\n  term 2006-01-01 to 2016-12-31\n'));
    assert.equal(fixOf('partnership X "X" {\n  party A "A" as client\n}\n'), null);
  });

  it('P106 reports a branch of scopes and a party nobody names, P404 a KPI no norm uses', () => {
    const c = checkBody('  party Idle "Idle Ltd" as subcontractor\n  scope ICT "ICT" { scope Core "Core" { scope Apps "a" } scope Spare "s" }\n  kpi K "k" { owner B }\n  obligation O "o" { B must run ICT.Core to A due 2011-01-01 }');
    assert.deepEqual(c.diagnostics('test.partnership').filter((d) => d.severity === 'hint').map((d) => `${d.code} ${covered(c.text, d)}`), [
      // A KPI can only be used by `measured-by`, so one nobody measures by is both unused and unmeasured.
      'P106 Idle', 'P106 Spare', 'P106 K', 'P404 K',
    ]);
  });
});

describe('robustness', () => {
  it('a check that throws becomes an internal-error diagnostic for each file; other checks still run', () => {
    const c = checkBody('  kpi K "k" { target >= 120% }');
    const program = c.program.program;
    const results = checkProgram(program, new Facts(program), undefined, [
      { name: 'broken', file: () => { throw new Error('boom'); } },
      { name: 'kpis', file: (ctx, model) => { for (const k of model.kpis) ctx.emit(report('P403', { file: model.file, unit: k.unit, start: 0, end: 0 }, { name: k.symbol.name })); } },
    ]);
    const emitted: Diagnostic[] = [...results.byFile.values()].flatMap((r) => [...r.diagnostics]).sort((a, b) => a.code.localeCompare(b.code)).reverse();
    assert.equal(emitted[0].code, 'P900');
    assert.match(emitted[0].message, /broken check: boom/);
    assert.match(emitted[1].message, /`K`/);
  });
});
