// Several parties, groups and ownership shares; governance, powers and endeavours: P108, P401
// on shares, P503, P604, and the second version's P106, P202, P204, P502 and P602.
import * as assert from 'node:assert/strict';
import type { TextEdit } from '../../../server/out/core/diagnostics/diagnostic';
import { Analysis } from '../../../server/out/core/analysis/analysis';
import { check, checkBody, covered } from '../helpers/program';

const FILE = 'test.partnership';

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

/** `CODE covered-text` for each diagnostic of the given codes, in order. */
function found(c: ReturnType<typeof checkBody>, ...codes: string[]): string[] {
  return c.diagnostics(FILE).filter((d) => codes.includes(d.code)).map((d) => `${d.code} ${covered(c.text, d)}`);
}

describe('ownership shares (P108, P401)', () => {
  it('accepts shares that add up to exactly 100%, and lists without shares', () => {
    const c = checkBody('  party JV "JV" as joint-venture of A 19.9%, B 80.1%\n  party JV2 "JV2" as joint-venture of A, B\n  party JV3 "JV3" as joint-venture of A 33.33%, B 66.67%');
    assert.deepEqual(found(c, 'P108', 'P401'), []);
  });

  it('reports a sum other than 100% at the first share, with exact decimals', () => {
    const c = checkBody('  party C "C" as partner\n  party JV "JV" as joint-venture of A 33.3%, B 33.3%, C 33.3%');
    const d = c.diagnostics(FILE).find((x) => x.code === 'P108')!;
    assert.equal(covered(c.text, d), '33.3%');
    assert.equal(c.text.indexOf('33.3%'), d.start);
    assert.equal(d.message, "The shares of `JV`'s parents add up to 99.9%, not 100%.");
    assert.equal(d.severity, 'error');
    assert.deepEqual(d.fixes, []);
  });

  it('reports parents without a share, and offers the completing share when exactly one lacks it', () => {
    const c = checkBody('  party JV "JV" as joint-venture of A 19.9%, B');
    const d = c.diagnostics(FILE).find((x) => x.code === 'P108')!;
    assert.equal(covered(c.text, d), '19.9%');
    assert.match(d.message, /not to `B`/);
    assert.equal(d.fixes.length, 1);
    const fixed = applyEdits(c.text, d.fixes[0].edits);
    assert.match(fixed, /of A 19\.9%, B 80\.1%/);
    assert.equal(check({ [FILE]: fixed }).diagnostics(FILE).filter((x) => x.code === 'P108').length, 0);
  });

  it('offers no share when two parents lack one, or the others reach 100% already', () => {
    const two = checkBody('  party C "C" as partner\n  party JV "JV" as joint-venture of A 50%, B, C');
    assert.deepEqual(two.diagnostics(FILE).find((x) => x.code === 'P108')!.fixes, []);
    assert.match(two.diagnostics(FILE).find((x) => x.code === 'P108')!.message, /not to `B`, `C`/);
    const full = checkBody('  party JV "JV" as joint-venture of A 100%, B');
    assert.deepEqual(full.diagnostics(FILE).find((x) => x.code === 'P108')!.fixes, []);
  });

  it('reports a share of 0% or above 100% as P401 and does not sum that list', () => {
    const c = checkBody('  party JV "JV" as joint-venture of A 0%, B 100%\n  party JV2 "JV2" as joint-venture of A 120%, B 5%');
    assert.deepEqual(found(c, 'P108', 'P401'), ['P401 0%', 'P401 120%']);
    assert.match(c.diagnostics(FILE).find((d) => d.code === 'P401')!.message, /above 0% and at most 100%/);
  });

  it('counts a group among the parents as one parent with one share', () => {
    const c = checkBody('  party G "G" as group of A, B\n  party JV "JV" as joint-venture of G 60%, B 40%');
    assert.deepEqual(found(c, 'P108', 'P401'), []);
  });
});

describe('groups and joint subjects', () => {
  const grant = '  party IBM "IBM" as supplier\n  scope S "S" { scope HR "HR" scope Fin "Finance" }';

  it('P602 compares a group norm as each member\'s, in both directions, and names the member', () => {
    const c = checkBody(`  party G "G" as group of A, B
  obligation Share "s" { G must share "data" due 2012-01-01 }
  prohibition Keep "k" { B must not share "Data" }
  prohibition Other "o" { IBM must not share "data" }
  party IBM "IBM" as supplier`);
    assert.deepEqual(found(c, 'P602'), ['P602 G must share "data"', 'P602 B must not share "Data"']);
    assert.match(c.diagnostics(FILE)[0].message, /^B \(a member of G\) both must and must not share/);
  });

  it('P602 finds a contradiction through nested groups and between two groups sharing a member', () => {
    const c = checkBody(`  party Inner "Inner" as group of A, B
  party Outer "Outer" as group of Inner
  party Other "Other" as group of B
  obligation Share "s" { Outer must share "data" due 2012-01-01 }
  prohibition Keep "k" { Other must not share "data" }`);
    assert.deepEqual(found(c, 'P602'), ['P602 Outer must share "data"', 'P602 Other must not share "data"']);
  });

  it('P602 compares each joint subject on its own', () => {
    const c = checkBody('  obligation Do "d" { A, B must share "data" due 2012-01-01 }\n  prohibition Not "n" { B must not share "data" }');
    assert.deepEqual(found(c, 'P602'), ['P602 A, B must share "data"', 'P602 B must not share "data"']);
  });

  it('P202: every subject must count as the holder; a member of a holder group does', () => {
    const c = checkBody(`${grant}
  party G "G" as group of A, B
  exclusive G over S.HR
  exclusive A over S.Fin
  obligation Member "m" { B must run S.HR to A due 2012-01-01 }
  obligation Group "g" { G must run S.HR to A due 2012-01-01 }
  obligation Joint "j" { A, IBM must run S.Fin to A due 2012-01-01 }
  obligation GroupOnMember "gm" { G must run S.Fin to A due 2012-01-01 }
  obligation Alone "a" { A must run S.Fin to A due 2012-01-01 }`);
    assert.deepEqual(found(c, 'P202'), ['P202 A, IBM must run S.Fin to A', 'P202 G must run S.Fin to A']);
  });

  it('P201 treats a group and its members as different holders', () => {
    const c = checkBody(`${grant}\n  party G "G" as group of A, B\n  exclusive G over S\n  exclusive A over S.Fin`);
    assert.equal(found(c, 'P201').length, 2);
  });

  it('a group that lists itself, directly or in a circle, is checked without hanging', () => {
    const c = checkBody(`  party G "G" as group of H, G, A
  party H "H" as group of G, B
  obligation Share "s" { G must share "data" due 2012-01-01 }
  prohibition Keep "k" { B must not share "data" }`);
    assert.deepEqual(found(c, 'P602'), ['P602 G must share "data"', 'P602 B must not share "data"']);
  });

  it('membership crosses files: a group of imported parties binds them in the importing file and beyond', () => {
    const files = {
      'catalogue.partnership': 'partnership Cat "Cat" {\n  term 2010-01-01 to 2020-12-31\n  party A "A" as client\n  party B "B" as client\n}\n',
      'groups.partnership': 'import "catalogue.partnership"\npartnership Groups "Groups" {\n  term 2010-01-01 to 2020-12-31\n  party G "G" as group of Cat.A, Cat.B\n  obligation Share "s" { G must share "data" due 2012-01-01 }\n}\n',
      'other.partnership': 'import "catalogue.partnership"\npartnership Other "Other" {\n  term 2010-01-01 to 2020-12-31\n  prohibition Keep "k" { Cat.B must not share "data" }\n}\n',
    };
    const c = check(files);
    assert.deepEqual(c.codes('groups.partnership', ['error']), ['5:26 P602']);
    assert.deepEqual(c.codes('other.partnership', ['error']), ['4:26 P602']);
    // Dropping B from the group removes both, in an analysis built on the previous one.
    const next = { ...files, 'groups.partnership': files['groups.partnership'].replace('Cat.A, Cat.B', 'Cat.A') };
    const byPath = new Map(Object.entries(next).map(([name, text]) => [c.path(name), text]));
    const incremental = new Analysis([...byPath].map(([file, text]) => ({ file, text })), { readFile: (f: string) => byPath.get(f) }, c.program);
    assert.deepEqual(incremental.diagnostics(c.path('other.partnership')).filter((d) => d.code === 'P602'), []);
    assert.deepEqual(incremental.diagnostics(c.path('groups.partnership')).filter((d) => d.code === 'P602'), []);
  });
});

describe('P204 as the second version corrects it', () => {
  const setup = `  party JV "JV" as joint-venture of A
  party G "G" as group of JV, B
  scope ICT "ICT" { scope Core "Core" scope Projects "Projects" { scope Cross "Cross" } }
  exclusive JV over ICT.Core from 2016-01-01
  open ICT.Projects
  interface ICT.Projects with ICT.Core
  obligation Build "b" { B must build ICT.Projects.Cross to A due 2019-06-30 }`;

  it('is silenced by a must or may norm of the holder on a day the work is given within the grant', () => {
    const c = checkBody(`${setup}\n  permission Fit "f" { JV may integrate "projects" scope ICT.Projects every 1 year from 2018-01-01 }`);
    assert.deepEqual(found(c, 'P204'), []);
  });

  it('is not silenced by a must not norm, nor by one that applies only on other days', () => {
    for (const holderNorm of [
      'prohibition Fit "f" { JV must not integrate "projects" scope ICT.Projects }',
      'obligation Fit "f" { JV must integrate "projects" scope ICT.Projects due 2012-01-01 }',
      'obligation Fit "f" { JV must integrate "projects" scope ICT.Projects due 2019-07-01 }',
    ]) {
      const c = checkBody(`${setup}\n  ${holderNorm}`);
      assert.deepEqual(found(c, 'P204'), ['P204 B must build ICT.Projects.Cross to A'], holderNorm);
    }
  });

  it('counts a norm of a group the holder belongs to, and a member of a holder group as the holder', () => {
    const byGroup = checkBody(`${setup}\n  obligation Fit "f" { G must integrate "projects" scope ICT.Projects due 2019-06-30 }`);
    assert.deepEqual(found(byGroup, 'P204'), []);
    const memberHolds = checkBody(setup.replace('exclusive JV over', 'exclusive G over').replace('B must build', 'JV must build'));
    assert.deepEqual(found(memberHolds, 'P204'), []);
  });
});

describe('P106 spares the parties to a contract', () => {
  it('reports only the roles that are not parties to the contract', () => {
    const c = checkBody(`  party P "P" as partner
  party J "J" as joint-venture of A
  party G "G" as group of A, M
  party M "M" as subcontractor
  party S "S" as subcontractor
  party F "F" as client-function of A
  party R "R" as regulator`);
    assert.deepEqual(found(c, 'P106'), ['P106 S', 'P106 F', 'P106 R']);
  });
});

describe('P502 with child scopes', () => {
  const scopes = '  scope W "W" { scope X "X" scope Y "Y" { scope Y1 "Y1" scope Y2 "Y2" } }';
  const body = (lines: string) => checkBody(`${scopes}\n  body Top "Top" { members A approves W above £1m }\n  body Low "Low" { members A ${lines} }`);

  it('does not report a gap each child covers, by its own bands or its children\'s', () => {
    assert.deepEqual(found(body('approves W.X up to £1m approves W.Y.Y1 up to £1m approves W.Y.Y2 from £0 to £1m'), 'P502'), []);
    assert.deepEqual(found(body('approves W.X any approves W.Y up to £2m'), 'P502'), []);
    // An amount of zero is never a gap, in a scope's own bands or in its children's.
    assert.deepEqual(found(body('approves W.X up to £1m approves W.Y above £0'), 'P502'), []);
  });

  it('reports the gap when one child, or one grandchild, leaves part of it', () => {
    assert.deepEqual(found(body('approves W.X up to £1m approves W.Y.Y1 up to £1m approves W.Y.Y2 up to £500k'), 'P502'), ['P502 approves W above £1m']);
    assert.deepEqual(found(body('approves W.X up to £1m'), 'P502'), ['P502 approves W above £1m']);
  });

  it('reads each end of the gap as the bands say: `above £1m` leaves £1m itself to cover', () => {
    assert.deepEqual(found(body('approves W.X from £0 to £999,999 approves W.Y up to £1m'), 'P502'), ['P502 approves W above £1m']);
  });
});

describe('escalation (P503)', () => {
  it('reports every body of a circle at its escalates-to line, and not a body leading into it', () => {
    const c = checkBody(`  body One "1" { members A escalates-to Two }
  body Two "2" { members A escalates-to Three }
  body Three "3" { members A escalates-to One }
  body Feeder "f" { members A escalates-to One }
  body Self "s" { members A escalates-to Self }`);
    assert.deepEqual(found(c, 'P503'), ['P503 escalates-to Two', 'P503 escalates-to Three', 'P503 escalates-to One', 'P503 escalates-to Self']);
    assert.match(c.diagnostics(FILE)[0].message, /One → Two → Three → One/);
    assert.equal(c.diagnostics(FILE)[0].related.length, 2);
  });

  it('follows escalation into imported files', () => {
    const c = check({
      'a.partnership': 'partnership PA "A" {\n  term 2010-01-01 to 2020-12-31\n  party A "A" as client\n  body Board "B" { members A escalates-to Board2 }\n  body Board2 "B2" { members A }\n}\n',
      'b.partnership': 'import "a.partnership"\npartnership PB "B" {\n  term 2010-01-01 to 2020-12-31\n  body Local "L" { members PA.A escalates-to PA.Board }\n}\n',
    });
    assert.deepEqual(c.codes('b.partnership', ['error']), []);
  });
});

describe('powers and endeavours (P601, P604)', () => {
  it('P604 at the endeavours keyword of a permission, prohibition or power, with a fix removing the line', () => {
    const c = checkBody(`  permission P "p" {
    B may offer "services" to A
    endeavours best
  }
  power T "t" { A can terminate "the contract" endeavours reasonable }
  obligation O "o" {
    B must deliver "savings" to A
    due 2012-01-01
    endeavours all-reasonable
  }`);
    assert.deepEqual(found(c, 'P604'), ['P604 endeavours', 'P604 endeavours']);
    const [first, second] = c.diagnostics(FILE).filter((d) => d.code === 'P604');
    assert.match(first.message, /this is a permission/);
    assert.equal(applyEdits(c.text, first.fixes[0].edits), c.text.replace('    endeavours best\n', ''));
    assert.equal(applyEdits(c.text, second.fixes[0].edits), c.text.replace(' endeavours reasonable', ''));
  });

  it('a power is checked for its modal, and gives no work against a grant', () => {
    const c = checkBody(`  scope S "S"
  party V "V" as supplier
  exclusive V over S
  power T "t" { A can terminate S to V }
  power W "w" { A must extend "the term" }`);
    assert.deepEqual(found(c, 'P601', 'P202'), ['P601 A must extend "the term"']);
  });
});
