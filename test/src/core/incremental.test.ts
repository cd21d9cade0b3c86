// Incremental analysis gives exactly what a full analysis gives. An analysis built on the
// previous one keeps unchanged files and reuses checks whose lookups still hold; after each of
// many random edits across several files, every file's diagnostics and matrix must equal those
// of an analysis made from nothing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildMatrix } from '../../../server/out/core/matrix/model';
import { Analysis } from '../../../server/out/core/analysis/analysis';
import { READS_A_STEP } from '../../../server/out/core/facts/engine';
import { deepFreeze } from '../helpers/deep-freeze';
import { Editor } from '../helpers/editor';
import { generatedContract } from '../helpers/generated';
import { examples, ownCorpus, partnershipFilesUnder, sharedCorpus, sharedCorpusV2 } from '../helpers/paths';
import { seededRandom } from '../helpers/random';

/** How many units of `file` kept their resolution from one analysis to the next. */
function keptResolutions(before: Analysis, after: Analysis, file: string): number {
  const then = before.files.get(file)!.resolutions;
  return after.files.get(file)!.resolutions.filter((r, u) => r === then.at(u)).length;
}

/** A file's diagnostics and obligation matrix (whose rows are kept by norm between analyses). */
const plain = (program: Analysis, file: string): string => JSON.stringify({ diagnostics: program.diagnostics(file), matrix: buildMatrix(program, file) });

/** The first lines of the `i`th contract of a workspace, which imports one shared file. */
function contractHead(imported: string, i: number): string[] {
  return [`import "${imported}.partnership"`, `partnership Contract${i} "Contract ${i}" {`, '  term 2012-01-01 to 2024-12-31', `  party Holder "Holder ${i}" as supplier`];
}

/** A catalogue and contracts that grant, give and open its work, so edits ripple across files. */
function sharedWorkspace(): Map<string, string> {
  const dir = '/virtual/shared';
  const files = new Map<string, string>();
  files.set(`${dir}/catalogue.partnership`, [
    'partnership Catalogue "Catalogue" {',
    '  term 2010-01-01 to 2030-12-31',
    '  party Anyone "Anyone" as partner',
    '  scope Shared "Shared work" {',
    '    scope Desk "Service desk"',
    '    scope Kit "Equipment"',
    '  }',
    '  scope Market "Open market"',
    '  interface Shared.Desk with Market',
    '}',
    '',
  ].join('\n'));
  for (let i = 0; i < 4; i++) {
    files.set(`${dir}/contract-${i}.partnership`, [
      ...contractHead('catalogue', i),
      '  party Council "Council" as client',
      '  scope Local "Local work"',
      i % 2 === 0 ? '  exclusive Holder over Catalogue.Shared from 2013-01-01' : '  open Catalogue.Market',
      '  obligation Run "Run the desk" {',
      `    ${i === 3 ? 'Council' : 'Holder'} must operate Catalogue.Shared.Desk`,
      '    every 1 month',
      '  }',
      '  obligation Build "Build the market" {',
      '    Council must deliver Catalogue.Market',
      '    due 2015-06-30',
      '  }',
      '  prohibition Stop "Do not run the desk" {',
      '    Holder must not operate Catalogue.Shared.Desk',
      '  }',
      '  kpi K "Uptime" {',
      '    owner Holder',
      '    target >= 99%',
      '    threshold < 95%',
      '    measured monthly',
      '  }',
      '}',
      '',
    ].join('\n'));
  }
  return files;
}

/** Groups whose members are declared in another file, joint subjects, shares and escalation, so membership edits ripple across files. */
function groupsWorkspace(): Map<string, string> {
  const dir = '/virtual/groups';
  const files = new Map<string, string>();
  files.set(`${dir}/members.partnership`, [
    'partnership Members "Members" {',
    '  term 2010-01-01 to 2030-12-31',
    '  party Alpha "Alpha" as client',
    '  party Beta "Beta" as client',
    '  party Both "Both" as group of Alpha, Beta',
    '  party Venture "Venture" as joint-venture of Alpha 40%, Beta 60%',
    '  scope Work "Work" {',
    '    scope Desk "Service desk"',
    '    scope Open "Open work"',
    '  }',
    '  exclusive Both over Work.Desk',
    '  open Work.Open',
    '  interface Work.Open with Work.Desk',
    '  body Board "Board" { members Alpha escalates-to Top }',
    '  body Top "Top" { members Beta escalates-to Board }',
    '}',
    '',
  ].join('\n'));
  for (let i = 0; i < 3; i++) {
    files.set(`${dir}/contract-${i}.partnership`, [
      ...contractHead('members', i),
      `  party Team "Team" as group of ${i === 1 ? 'Members.Beta' : 'Members.Alpha'}, Holder`,
      '  obligation Share "Share the data" {',
      '    Team must share "the data"',
      '    due 2015-06-30',
      '  }',
      '  prohibition Keep "Keep the data" {',
      '    Members.Alpha must not share "the data"',
      '  }',
      '  obligation Run "Run the desk" {',
      `    ${i === 2 ? 'Members.Beta, Holder' : 'Members.Beta'} must operate Members.Work.Desk`,
      '    every 1 month',
      '  }',
      '  obligation Build "Build open work" {',
      '    Holder must build Members.Work.Open',
      '    due 2016-01-01',
      '  }',
      '  permission Fit "Fit open work" {',
      '    Members.Both may integrate "open work"',
      '    scope Members.Work.Open',
      '    due 2016-01-01',
      '  }',
      '  body Local "Local" { members Holder escalates-to Members.Board }',
      '}',
      '',
    ].join('\n'));
  }
  return files;
}

function generatedWorkspace(norms: number): Map<string, string> {
  return new Map([['/virtual/generated/contract.partnership', generatedContract(norms)]]);
}

function folder(dir: string): Map<string, string> {
  return new Map(partnershipFilesUnder(dir).map((file) => [file, fs.readFileSync(file, 'utf8')]));
}

describe('incremental analysis', function () {
  this.timeout(120000);
  const alphabet = ['x', ' ', '\n', '"', '{', '}', '2', '-', '.', 'Holder ', 'Council ', 'must ', 'must not ', 'Catalogue.', 'Shared', 'due 2016-01-01 ', 'scope ', '//', 'import "catalogue.partnership"\n', 'ends Main.Deliver ', 'effective 2019-01-01 ', 'term to 2030-01-01 '];
  // Each with the least number of analyses in which a norm edit must have been patched, and of
  // norms whose checks' results must have been kept in a patched file.
  const workspaces: [string, () => Map<string, string>, number, number][] = [
    ['a catalogue shared by four contracts', sharedWorkspace, 1, 100],
    ['groups of parties declared in another file, with joint subjects', groupsWorkspace, 1, 50],
    ['the portfolio example', () => folder(path.join(examples, 'portfolio')), 1, 100],
    ['the cross-contract corpus case', () => folder(path.join(sharedCorpus, 'cross-contract')), 1, 0],
    ['an import cycle', () => folder(path.join(ownCorpus, 'import-cycle-three')), 0, 0],
    ['an open scope meeting a grant across files', () => folder(path.join(ownCorpus, 'cross-file-open-interface')), 0, 0],
    ['a generated contract of 80 norms with the second version\'s constructs', () => generatedWorkspace(80), 30, 5000],
    ['the second version\'s variations across two files', () => folder(path.join(sharedCorpusV2, 'variations')), 0, 0],
  ];

  for (const [name, make, minimumPatched, minimumNormsKept] of workspaces) {
    it(`matches a full analysis after each of 250 random edits to ${name}`, () => {
            const random = seededRandom(4242);
      const original = make();
      const editor = new Editor(new Map(original));
      const files = [...original.keys()];
      let keptFiles = 0;
      let keptChecks = 0;
      let keptNormChecks = 0;
      let patched = 0;
      editor.analyse();
      /** Analyses incrementally and afresh, compares every file, and counts what was reused. */
      const frozen = new Set<object>();
      const step = (label: string): void => {
        const previous = editor.program!;
        // Nothing may write to an earlier analysis: the next one only reads it.
        deepFreeze(previous, frozen);
        const incremental = editor.analyse();
        const full = editor.fresh();
        assert.deepEqual([...incremental.files.keys()], [...full.files.keys()], `files after ${label}`);
        for (const f of full.files.keys()) {
          assert.equal(plain(incremental, f), plain(full, f), `${path.basename(f)} after ${label}`);
          const now = incremental.files.get(f);
          const then = previous.files.get(f);
          if (now === then) keptFiles++;
          else if (now && then && now.resolutions.some((r, u) => r.references.length > 0 && r === then.resolutions.at(u))) patched++;
          const checked = incremental.checks.byFile.get(f);
          const before = previous.checks.byFile.get(f);
          if (checked && checked === before) keptChecks++;
          else if (checked && before) checked.norms.forEach((result, i) => { if (before.norms.at(i)?.reads === result.reads) keptNormChecks++; });
        }
      };
      for (let i = 0; i < 250; i++) {
        const file = files[random(files.length)];
        const base = editor.texts.get(file) ?? original.get(file)!;
        const action = random(20);
        if (action === 0) editor.texts.delete(file);
        else if (action === 1) editor.texts.set(file, original.get(file)!);
        else if (action < 12) {
          // Typing inside a norm: a word of a quoted clause or consequence, or a misspelt subject.
          const spots = [...base.matchAll(/(?:clause|otherwise) "[^"\n]*|\n {4}[A-Z][\w-]*(?= must| may)/g)];
          if (spots.length > 0) {
            const spot = spots[random(spots.length)];
            const at = spot.index! + spot[0].length - random(Math.min(4, spot[0].length - 1));
            const piece = ['a', 'Z', '7', 'x', '-'][random(5)];
            editor.texts.set(file, random(3) === 0 ? base.slice(0, at - 1) + base.slice(at) : base.slice(0, at) + piece + base.slice(at));
          }
        } else {
          // Half the edits land on a line inside a block, mostly inside norms.
          const lines = [...base.matchAll(/\n {4}\S/g)];
          const at = lines.length > 0 && random(2) === 0 ? lines[random(lines.length)].index! + 5 + random(30) : random(base.length + 1);
          const kind = random(3);
          const piece = alphabet[random(alphabet.length)];
          editor.texts.set(file,
            kind === 0 ? base.slice(0, at) + piece + base.slice(at)
              : kind === 1 ? base.slice(0, at) + base.slice(at + 1 + random(4))
                : base.slice(0, at) + piece + base.slice(at + 1));
          step(`edit ${i} to ${path.basename(file)}`);
          // Mostly undone, as typing is, so later edits land on text that parses.
          if (random(4) !== 0) editor.texts.set(file, base);
        }
        step(`edit ${i} to ${path.basename(file)}`);
        // Drift back towards the original now and then.
        if (random(8) === 0) {
          editor.texts.set(file, original.get(file)!);
          step(`restoring ${path.basename(file)}`);
        }
      }
      // Both reuse paths ran, so the comparisons above tested them.
      assert.ok(keptFiles + patched > 0 && (keptChecks > 0 || files.length === 1), `files were kept ${keptFiles} times, patched ${patched} times; checks kept ${keptChecks} times`);
      assert.ok(patched >= minimumPatched, `a norm edit was patched in ${patched} analyses`);
      // In a patched file, the norms the edit did not touch keep their checks' results.
      assert.ok(keptNormChecks >= minimumNormsKept, `norm checks were kept ${keptNormChecks} times`);
    });
  }

  it('the groups workspace starts with the findings its edits move: groups, joint subjects, escalation', () => {
    const analysis = new Editor(groupsWorkspace()).analyse();
    const codes = (name: string) => analysis.diagnostics(`/virtual/groups/${name}.partnership`).filter((d) => d.severity === 'error').map((d) => d.code);
    assert.deepEqual(codes('members'), ['P503', 'P503']);
    // Alpha is a member of Team in contracts 0 and 2, Beta in contract 1, so contract 1's
    // prohibition for Alpha meets the other contracts' Teams; Holder is outside the grant to Both.
    assert.deepEqual(codes('contract-0'), ['P602', 'P602']);
    assert.deepEqual(codes('contract-1'), ['P602']);
    assert.deepEqual(codes('contract-2'), ['P602', 'P602', 'P202']);
  });

  it('renaming a norm to the name of an imported partnership changes the references that name it', () => {
    const editor = new Editor(sharedWorkspace());
    const file = '/virtual/shared/contract-0.partnership';
    editor.analyse();
    for (const [from, to] of [['obligation Run ', 'obligation Catalogue '], ['obligation Catalogue ', 'obligation Run ']]) {
      editor.texts.set(file, editor.texts.get(file)!.replace(from, to));
      const after = editor.analyse();
      assert.deepEqual(after.diagnostics(file), editor.fresh().diagnostics(file));
    }
    // The norm named like the partnership hides it: `Catalogue.Shared` no longer resolves.
    editor.texts.set(file, editor.texts.get(file)!.replace('obligation Run ', 'obligation Catalogue '));
    assert.ok(editor.analyse().diagnostics(file).some((d) => d.code === 'P101'));
  });

  it('patches a norm edit, moving the diagnostics after it, and matches a full analysis', () => {
    const original = generatedWorkspace(40);
    const [file, text] = [...original][0];
    const editor = new Editor(new Map(original));
    editor.analyse();
    // A misspelt subject near the end: an unresolved reference after the norm edited next.
    const last = text.lastIndexOf('    Supplier must');
    editor.texts.set(file, `${text.slice(0, last)}    Supplierx must${text.slice(last + '    Supplier must'.length)}`);
    editor.analyse();
    for (const piece of ['abc', '', 'a b']) {
      const before = editor.program!;
      const current = editor.texts.get(file)!;
      const at = current.indexOf('clause "', current.indexOf('obligation ')) + 'clause "'.length;
      editor.texts.set(file, current.slice(0, at) + piece + current.slice(at + (piece === '' ? 3 : 0)));
      const after = editor.analyse();
      // Every unit but the edited one, and the one whose name does not resolve, keeps its resolution.
      assert.ok(keptResolutions(before, after, file) >= after.files.get(file)!.resolutions.length - 2, 'the other units were kept');
      assert.deepEqual(after.diagnostics(file), editor.fresh().diagnostics(file));
      assert.ok(after.diagnostics(file).some((d) => d.code === 'P101' && d.start > at));
    }
  });

  it('patches edits that give a norm to another party or change what it names, as a full analysis would', () => {
    const file = '/virtual/parties/contract.partnership';
    const text = [
      'partnership Parties "Parties" {',
      '  term 2010-01-01 to 2030-12-31',
      '  party Holder "Holder" as supplier',
      '  party Council "Council" as client',
      '  party Spare "Spare" as regulator',
      '  scope Desk "Service desk"',
      '  kpi Uptime "Uptime" {',
      '    owner Holder',
      '    target >= 99%',
      '    measured monthly',
      '  }',
      '  prohibition Early "Do not run the desk" {',
      '    Holder must not operate Desk',
      '  }',
      '  obligation Run "Run the desk" {',
      '    Holder must operate Desk',
      '    every 1 month',
      '  }',
      '  prohibition Late "Do not run the desk either" {',
      '    Council must not operate Desk',
      '    measured-by Uptime',
      '  }',
      '}',
      '',
    ].join('\n');
    const editor = new Editor(new Map([[file, text]]));
    editor.analyse();
    // Each edit stays inside the norm `Late`, so the file is patched rather than analysed again.
    const edits: [string, string][] = [
      // `Late` joins `Holder`'s norms after `Run`: `Run` contradicts `Early` and `Late`, in that order.
      ['    Council must not operate Desk', '    Holder must not operate Desk'],
      // `Late` no longer measures `Uptime`, which nothing else names (P106), then it does again.
      ['    measured-by Uptime\n', ''],
      ['    Holder must not operate Desk\n  }\n}', '    Holder must not operate Desk\n    measured-by Uptime\n  }\n}'],
      // `Spare` is named only by `Late`: named, then not.
      ['    measured-by Uptime\n  }\n}', '    measured-by Uptime\n    accountable Spare\n  }\n}'],
      ['    accountable Spare\n', ''],
      // Back to `Council`.
      ['    Holder must not operate Desk\n    measured-by', '    Council must not operate Desk\n    measured-by'],
    ];
    const seen: string[] = [];
    for (const [from, to] of edits) {
      const current = editor.texts.get(file)!;
      const at = current.lastIndexOf(from);
      assert.ok(at > current.indexOf('prohibition Late'), `edit inside Late: ${from}`);
      editor.texts.set(file, current.slice(0, at) + to + current.slice(at + from.length));
      const before = editor.program!;
      const after = editor.analyse();
      assert.equal(keptResolutions(before, after, file), after.files.get(file)!.resolutions.length - 1, 'every other unit was kept');
      assert.deepEqual(after.diagnostics(file), editor.fresh().diagnostics(file));
      seen.push(after.diagnostics(file).map((d) => `${d.code} ${d.message}`).join('\n'));
    }
    assert.match(seen[0], /P602 .*\(see prohibition `Early` and prohibition `Late`\)/);
    assert.match(seen[1], /P106 .*Uptime/);
    assert.doesNotMatch(seen[2], /P106 .*Uptime/);
    assert.doesNotMatch(seen[3], /P106 .*Spare/);
    assert.match(seen[4], /P106 .*Spare/);
  });

  it('types into the titles of declarations many norms name, as a full analysis would', () => {
    const original = generatedWorkspace(80);
    const [file, text] = [...original][0];
    const editor = new Editor(new Map(original));
    editor.analyse();
    // A party, a scope and a KPI that many norms name, and a variation: each edit re-declares
    // the unit, so the norms naming it are resolved again and the file's model carried with
    // many norms replaced at once.
    for (const title of ['"Outsourcing Plc"', '"Core services"', '"Indicator 1"', '"Deed of variation 1"']) {
      const base = editor.texts.get(file)!;
      const at = base.indexOf(title) + 1;
      assert.ok(at > 0, title);
      for (const typed of ['x', 'xy', '']) {
        editor.texts.set(file, base.slice(0, at) + typed + base.slice(at));
        const before = editor.program!;
        const after = editor.analyse();
        assert.equal(plain(after, file), plain(editor.fresh(), file), `${title} typed '${typed}'`);
        if (title.includes('variation')) {
          // A variation's title moves no day: every norm keeps its checks' results.
          const then = before.checks.byFile.get(file)!.norms;
          assert.ok(after.checks.byFile.get(file)!.norms.every((r, i) => r === then.at(i)), 'the norms were not checked again');
        }
      }
    }
    assert.equal(editor.texts.get(file), text, 'every edit was undone');
  });

  it('keeps the import problems of files whose imports an edit left, and finds them again when the graph changes', () => {
    const editor = new Editor(folder(path.join(ownCorpus, 'import-cycle-three')));
    const file = (name: string) => [...editor.texts.keys()].find((f) => path.basename(f) === name)!;
    const cycleIn = (a: Analysis, name: string) => a.diagnostics(file(name)).filter((d) => d.code === 'P105');
    const first = editor.analyse();
    assert.equal(cycleIn(first, 'a.partnership').length, 1);
    // A party renamed in the outsider: the graph is the same, and the cycle's files keep their very findings.
    editor.texts.set(file('d.partnership'), editor.texts.get(file('d.partnership'))!.replace('party D ', 'party E '));
    const second = editor.analyse();
    for (const name of ['a.partnership', 'b.partnership', 'c.partnership']) assert.equal(second.program.importProblems.get(file(name)), first.program.importProblems.get(file(name)), name);
    for (const f of editor.texts.keys()) assert.deepEqual(second.diagnostics(f), editor.fresh().diagnostics(f), path.basename(f));
    // The outsider joins the cycle (a imports d, d imports a), then c's import that closed it goes.
    editor.texts.set(file('a.partnership'), `import "d.partnership"\n${editor.texts.get(file('a.partnership'))}`);
    const third = editor.analyse();
    assert.equal(cycleIn(third, 'd.partnership').length, 1);
    editor.texts.set(file('c.partnership'), editor.texts.get(file('c.partnership'))!.replace('import "a.partnership" //~ P105\n', ''));
    const fourth = editor.analyse();
    assert.equal(cycleIn(fourth, 'c.partnership').length, 0);
    assert.equal(cycleIn(fourth, 'b.partnership').length, 0, 'b is no longer in a cycle');
    for (const f of editor.texts.keys()) assert.deepEqual(fourth.diagnostics(f), editor.fresh().diagnostics(f), path.basename(f));
  });

  it('reuses the checks of files an edit cannot affect, and re-checks those it can', () => {
    const editor = new Editor(sharedWorkspace());
    const first = editor.analyse();
    const file = (i: number) => `/virtual/shared/contract-${i}.partnership`;
    // Contract 0 loses its grant: contract 2's grant no longer overlaps it, so contract 2 is checked again.
    editor.texts.set(file(0), editor.texts.get(file(0))!.replace('  exclusive Holder over Catalogue.Shared from 2013-01-01\n', ''));
    const second = editor.analyse();
    assert.notEqual(second.files.get(file(0)), first.files.get(file(0)));
    assert.equal(second.files.get(file(2)), first.files.get(file(2)), 'contract 2 keeps its declarations and model');
    assert.notEqual(second.checks.byFile.get(file(2)), first.checks.byFile.get(file(2)), 'contract 2 is checked again');
    assert.ok(first.diagnostics(file(2)).some((d) => d.code === 'P201'));
    assert.ok(!second.diagnostics(file(2)).some((d) => d.code === 'P201'));
    // A comment in contract 1 changes none of its facts, but it is a new version of the file, so
    // its own checks run again. The catalogue looked up only which of its declarations are
    // used, which is still the same: it keeps its checks and the very same diagnostics list.
    const catalogue = '/virtual/shared/catalogue.partnership';
    const published = second.diagnostics(catalogue); // as the server reads every file's list after an analysis
    editor.texts.set(file(1), `// reviewed\n${editor.texts.get(file(1))}`);
    const third = editor.analyse();
    assert.equal(third.files.get(catalogue), second.files.get(catalogue));
    assert.equal(third.checks.byFile.get(catalogue), second.checks.byFile.get(catalogue));
    assert.equal(third.diagnostics(catalogue), published);
    assert.notEqual(third.checks.byFile.get(file(1)), second.checks.byFile.get(file(1)));
  });

  it('reads and checks again only what an edit to one file of many reaches', () => {
    const texts = sharedWorkspace();
    // Twenty more contracts that import the catalogue and name nothing in it.
    const other = (i: number) => `/virtual/shared/other-${i}.partnership`;
    for (let i = 0; i < 20; i++) texts.set(other(i), [...contractHead('catalogue', 100 + i), '}', ''].join('\n'));
    const editor = new Editor(texts);
    const first = editor.analyse();
    const file = (i: number) => `/virtual/shared/contract-${i}.partnership`;
    editor.texts.set(file(0), editor.texts.get(file(0))!.replace('  exclusive Holder over Catalogue.Shared from 2013-01-01\n', ''));
    const second = editor.analyse();
    assert.deepEqual(editor.parsed, [file(0)], 'only the edited file is read again');
    const visited = [...second.checks.visited!];
    // Contract 2's grant overlapped contract 0's: its checks read about the catalogue's scopes.
    assert.ok(visited.includes(file(0)) && visited.includes(file(2)), `visited ${visited.map((f) => path.basename(f))}`);
    assert.ok(!visited.some((f) => f.includes('other-')), `visited ${visited.map((f) => path.basename(f))}`);
    assert.equal(second.checks.byFile.get(other(7)), first.checks.byFile.get(other(7)));
    assert.equal(second.diagnostics(other(7)), first.diagnostics(other(7)));
    const full = editor.fresh();
    for (const f of texts.keys()) assert.equal(plain(second, f), plain(full, f), path.basename(f));
    // An import added changes what the files read: every file is read as without the edit's account.
    editor.texts.set(other(3), `import "contract-1.partnership"\n${editor.texts.get(other(3))}`);
    const third = editor.analyse();
    assert.equal(third.checks.visited, null);
    assert.equal(new Set(editor.parsed).size, texts.size, 'every file is read');
    const again = editor.fresh();
    for (const f of texts.keys()) assert.equal(plain(third, f), plain(again, f), path.basename(f));
  });

  it('analyses texts that did not change as the previous analysis itself, and anything else afresh', () => {
    const editor = new Editor(sharedWorkspace());
    const first = editor.analyse();
    const catalogue = '/virtual/shared/catalogue.partnership';
    const contract = '/virtual/shared/contract-0.partnership';
    // The editor opening a file as it is on disk analyses the same texts again.
    const again = editor.analyse();
    assert.equal(again.program, first.program);
    assert.equal(again.checks, first.checks);
    for (const f of editor.texts.keys()) assert.equal(again.diagnostics(f), first.diagnostics(f), path.basename(f));
    // One comment is a new version of one file: a new program, in which the other files are the previous ones.
    editor.texts.set(contract, `// reviewed\n${editor.texts.get(contract)}`);
    const changed = editor.analyse();
    assert.notEqual(changed.program, again.program);
    assert.notEqual(changed.files.get(contract), again.files.get(contract));
    assert.equal(changed.files.get(catalogue), again.files.get(catalogue));
    // A file gone is a change too, though every remaining file is the same.
    const texts = new Map(editor.texts);
    editor.texts.delete('/virtual/shared/contract-2.partnership');
    const fewer = editor.analyse();
    assert.notEqual(fewer.program, changed.program);
    assert.equal(fewer.files.size, changed.files.size - 1);
    for (const f of editor.texts.keys()) assert.deepEqual(fewer.diagnostics(f), editor.fresh().diagnostics(f), path.basename(f));
    editor.texts.clear();
    for (const [f, t] of texts) editor.texts.set(f, t);
    assert.notEqual(editor.analyse().program, fewer.program);
  });

  it('works ahead on a large contract a few thousand units at a time, and the next paste is analysed as from nothing', () => {
    const file = '/virtual/generated/contract.partnership';
    const editor = new Editor(new Map([[file, generatedContract(9000)]]));
    const first = editor.analyse();
    const units = first.files.get(file)!.partnership!.block!.units.length;
    const steps = first.workAhead();
    let taken = 0;
    while (!steps.next().done) taken++;
    // The reads grouped in steps of `READS_A_STEP`; the norms' readers and the readers of names in steps of 4,096, each index then a step of its own.
    const result = first.checks.byFile.get(file)!;
    let reads = result.file.reads.length + result.normsRead.length;
    result.norms.forEach((n) => (reads += n.reads.length));
    assert.ok(reads > READS_A_STEP, 'more reads than one step groups');
    assert.equal(taken, Math.ceil(reads / READS_A_STEP) + Math.ceil(9000 / 4096) + Math.ceil(units / 4096));
    const text = editor.texts.get(file)!;
    const at = text.indexOf('\n  obligation ', text.length >> 1) + 1;
    editor.texts.set(file, `${text.slice(0, at)}  obligation Pasted "A pasted duty" {\n    Supplier must deliver "a pasted report" to Council\n    due 2016-03-31\n  }\n${text.slice(at)}`);
    assert.deepEqual(editor.analyse().diagnostics(file), editor.fresh().diagnostics(file));
  });

  it('works ahead for the next analysis one file at a time, changing nothing it gives', () => {
    const editor = new Editor(sharedWorkspace());
    const first = editor.analyse();
    const shown = new Map([...editor.texts.keys()].map((f) => [f, first.diagnostics(f)]));
    const steps = first.workAhead();
    let taken = 0;
    while (!steps.next().done) taken++;
    // A step per file for its reads grouped, one for the readers of its norms' lookups and one
    // for the readers of its names (these files are small: each index is made in one step).
    assert.equal(first.checks.byFile.size, first.models().length);
    assert.equal(taken, 3 * first.checks.byFile.size);
    for (const [f, list] of shown) assert.equal(first.diagnostics(f), list, path.basename(f));
    // The next analysis, after an edit that reaches another file, is the one made from nothing.
    const contract = '/virtual/shared/contract-0.partnership';
    editor.texts.set(contract, editor.texts.get(contract)!.replace('  exclusive Holder over Catalogue.Shared from 2013-01-01\n', ''));
    const second = editor.analyse();
    for (const f of editor.texts.keys()) assert.deepEqual(second.diagnostics(f), editor.fresh().diagnostics(f), path.basename(f));
  });
});
