// Edits that add or remove declarations (a splice of the partnership's units): the file's index
// of names, its units' resolutions and meanings and the readers of each name are carried over
// the stretch the edit re-parsed, not made again for every unit. After each edit the
// diagnostics and matrix, the file's model and its contributions to the lookups must equal an
// analysis from nothing, no earlier analysis may change, and the lists (the units'
// resolutions, the findings of the checks of single units, the model's norms and their check
// results) must share every chunk away from the edit with the lists before it.
import * as assert from 'node:assert/strict';
import { buildMatrix } from '../../../server/out/core/matrix/model';
import type { Analysis } from '../../../server/out/core/analysis/analysis';
import { contributions } from '../../../server/out/core/facts/contributions';
import { dutyIndex, namedWork, scopesNamed } from '../../../server/out/core/facts/duty-index';
import { normChangeSince } from '../../../server/out/core/model/carried-models';
import type { FileModel, NormModel } from '../../../server/out/core/model/semantic';
import { deepFreeze } from '../helpers/deep-freeze';
import { Editor } from '../helpers/editor';
import { generatedContract } from '../helpers/generated';
import { seededRandom } from '../helpers/random';

const FILE = '/virtual/splices/contract.partnership';

const plainOf = (analysis: Analysis, file: string): string => JSON.stringify({ diagnostics: analysis.diagnostics(file), matrix: buildMatrix(analysis, file) });
const plain = (analysis: Analysis): string => plainOf(analysis, FILE);

const names = (norms: readonly NormModel[]): string[] => norms.map((n) => n.symbol.name);

/**
 * What the file's model and its contributions to the lookups hold, by name: carried over a
 * splice they must equal those made from nothing. A party's norms come with their index of
 * duties and the scopes and work they name, carried with the list.
 */
function modelAndContributions(analysis: Analysis): unknown {
  const source = analysis.files.get(FILE)!;
  const model = source.model as FileModel;
  const text = (item: { readonly unit: { readonly text: string } }): string => item.unit.text;
  const c = contributions(source);
  const byName = (counts: ReadonlyMap<{ readonly name: string }, number>): string[] => [...counts].map(([s, n]) => `${s.name} ${n}`).sort();
  const subjects = [...c.norms].map(([party, norms]) => {
    const duties = [...dutyIndex(norms)].map(([verb, byObject]) => [verb, [...byObject].map(([object, list]) => [typeof object === 'string' ? object : object.name, names(list)]).sort()]);
    const work = namedWork(norms).map((w) => `${w.scope.name} ${w.period.from}-${w.period.to}`);
    return { party: party.name, norms: names(norms), duties: duties.sort(), scopes: [...scopesNamed(norms)].map((s) => s.name).sort(), work };
  });
  return {
    norms: names(model.norms.toArray()),
    lists: [model.grants, model.opens, model.interfaces, model.kpis, model.bodies, model.charges, model.variations].map((list) => list.map(text)),
    subjects: subjects.sort((a, b) => (a.party < b.party ? -1 : 1)),
    references: byName(c.referenceCounts),
    measures: byName(c.measureCounts),
    members: [...c.members].map(([group, members]) => `${group.name}: ${members.map((m) => m.name).join(' ')}`).sort(),
  };
}

/** The chunks a list is kept in (values/chunked-list.ts): how much two lists share. */
const chunksOf = (list: unknown): readonly unknown[] => (list as { chunks: readonly unknown[] }).chunks;

/** Where each top-level declaration starts: the start of a line indented by two spaces and a keyword. */
function declarationStarts(text: string): number[] {
  return [...text.matchAll(/\n {2}(?:obligation|permission|prohibition|power|party|event|kpi|body|charge) /g)].map((m) => m.index! + 1);
}

/** The whole declaration that starts at `start`: its line, and its block up to the line that closes it. */
function declarationAt(text: string, start: number): string {
  const lineEnd = text.indexOf('\n', start) + 1;
  if (!text.slice(start, lineEnd).trimEnd().endsWith('{')) return text.slice(start, lineEnd);
  return text.slice(start, text.indexOf('\n  }\n', start) + 5);
}

describe('incremental analysis of declarations added and removed', function () {
  this.timeout(300000);

  it('analyses hundreds of declarations pasted into a small contract, and cut again, as from nothing', () => {
    // A paste that leaves the partnership's units in one chunk of more than 512, or its last
    // chunk fuller than the others: every unit must still be found at its place.
    const norms = (count: number, prefix: string): string =>
      Array.from({ length: count }, (_, i) => `  obligation ${prefix}${i} "Norm ${i}" {\n    A must deliver "report ${i}" to B\n    due 2016-03-31\n  }\n`).join('');
    for (const [before, pasted] of [[400, 300], [1100, 300], [300, 900]]) {
      const text = `partnership P "P" {\n  term 2010-01-01 to 2020-12-31\n  party A "A" as supplier\n  party B "B" as client\n${norms(before, 'N')}}\n`;
      const file = '/virtual/splices/small.partnership';
      const editor = new Editor(new Map([[file, text]]));
      editor.analyse();
      const at = text.indexOf(`  obligation N${before - 100} `);
      editor.texts.set(file, text.slice(0, at) + norms(pasted, 'M') + text.slice(at).replace('  obligation N', '  obligation X'));
      const incremental = editor.analyse();
      assert.equal(incremental.files.get(file)!.partnership!.block!.units.length, before + pasted + 3);
      assert.equal(plainOf(incremental, file), plainOf(editor.fresh(), file), `${pasted} pasted into ${before}`);
      editor.texts.set(file, text);
      assert.equal(plainOf(editor.analyse(), file), plainOf(editor.fresh(), file), `${pasted} cut from ${before + pasted}`);
    }
  });

  it('matches an analysis from nothing after stretches of up to a thousand declarations pasted, cut and copied', () => {
    for (const seed of [4, 17, 29]) {
      const random = seededRandom(seed);
      // Declarations of several kinds, a deadline counted from an event among them.
      const declaration = (prefix: string, i: number): string => {
        switch (random(6)) {
          case 0: return `  party ${prefix}${i} "Party ${i}" as subcontractor\n`;
          case 1: return `  event ${prefix}${i} "Event ${i}"\n`;
          case 2: return `  obligation ${prefix}${i} "Norm ${i}" {\n    A must deliver "report ${i}" to B\n    due within 10 working days of E1\n  }\n`;
          case 3: return `  note "a note ${i}"\n`;
          case 4: return `  kpi ${prefix}${i} "KPI ${i}" {\n    owner A\n    target 95% from 2011-01-01\n  }\n`;
          default: return `  obligation ${prefix}${i} "Norm ${i}" {\n    A must deliver "report ${i}" to B\n    due 2016-03-31\n  }\n`;
        }
      };
      const declarations = (count: number, prefix: string): string => Array.from({ length: count }, (_, i) => declaration(prefix, i)).join('');
      const file = '/virtual/splices/stretches.partnership';
      let text = `partnership P "P" {\n  term 2010-01-01 to 2020-12-31\n  party A "A" as supplier\n  party B "B" as client\n  event E1 "E1"\n${declarations(50 + random(1500), 'N')}}\n`;
      const editor = new Editor(new Map([[file, text]]));
      editor.analyse();
      for (let step = 0; step < 40; step++) {
        const starts = [...text.matchAll(/\n {2}(?:party|event|obligation|note|kpi) /g)].map((m) => m.index! + 1);
        const kind = starts.length < 10 ? 0 : random(3);
        if (kind === 0) {
          const at = starts[random(starts.length)];
          text = text.slice(0, at) + declarations(1 + random(random(2) ? 20 : 1200), `S${step}_`) + text.slice(at);
        } else {
          const from = random(starts.length);
          const to = Math.min(starts.length - 1, from + random(kind === 1 ? (random(2) ? 10 : 1500) : 300));
          const at = starts[random(starts.length)];
          text = kind === 1 ? text.slice(0, starts[from]) + text.slice(starts[to]) : text.slice(0, at) + text.slice(starts[from], starts[to]) + text.slice(at);
        }
        editor.texts.set(file, text);
        assert.equal(plainOf(editor.analyse(), file), plainOf(editor.fresh(), file), `seed ${seed}, step ${step}`);
      }
    }
  });

  it('matches an analysis from nothing after each of 60 declarations added, removed, renamed and pasted', () => {
    const random = seededRandom(5151);
    const original = generatedContract(1500);
    const editor = new Editor(new Map([[FILE, original]]));
    editor.analyse();
    const frozen = new Set<object>();
    let spliced = 0;
    let carried = 0;
    let shared = 0;
    let eligible = 0;
    const step = (label: string): void => {
      const previous = editor.program!;
      deepFreeze(previous, frozen);
      const incremental = editor.analyse();
      assert.equal(plain(incremental), plain(editor.fresh()), label);
      const then = previous.files.get(FILE)!;
      const now = incremental.files.get(FILE)!;
      const unitsThen = then.partnership?.block?.units;
      const unitsNow = now.partnership?.block?.units;
      if (!unitsThen || !unitsNow || unitsThen.length === unitsNow.length) return;
      spliced++;
      assert.deepEqual(modelAndContributions(incremental), modelAndContributions(editor.fresh()), `${label}: the model and contributions`);
      if (normChangeSince(now.model!, then.model!)?.splice) carried++;
      // Away from the edit, the resolutions are the earlier lists' own chunks, unless the edit
      // declared anew a name that units everywhere read (a party, a name declared twice), or
      // units everywhere failed to resolve (they are resolved again at every edit).
      if (label.includes('party') || label.includes('twice') || then.failedUnits.length > 0 || now.failedUnits.length > 0) return;
      eligible++;
      const before = new Set(chunksOf(then.resolutions));
      const kept = chunksOf(now.resolutions).filter((c) => before.has(c)).length;
      // So are the findings of the checks of single units.
      const findingsBefore = new Set(chunksOf(previous.checks.byFile.get(FILE)!.unitFindings));
      const findingsNow = chunksOf(incremental.checks.byFile.get(FILE)!.unitFindings);
      const findingsKept = findingsNow.filter((c) => findingsBefore.has(c)).length;
      // And the model's norms and their check results, when a norm was added or removed.
      const normsKept = chunksOf(now.model!.norms).filter((c) => new Set(chunksOf(then.model!.norms)).has(c)).length;
      const resultsBefore = new Set(chunksOf(previous.checks.byFile.get(FILE)!.norms));
      const resultsNow = chunksOf(incremental.checks.byFile.get(FILE)!.norms);
      const resultsKept = resultsNow.filter((c) => resultsBefore.has(c)).length;
      const normsShared = normsKept >= chunksOf(now.model!.norms).length - 2 && resultsKept >= resultsNow.length - 2;
      if (kept >= chunksOf(now.resolutions).length - 2 && findingsKept >= findingsNow.length - 2 && normsShared) shared++;
    };
    const edits: [string, (text: string) => string][] = [
      ['a norm added between two declarations', (text) => {
        const starts = declarationStarts(text);
        const at = starts[random(starts.length)];
        const name = `Added${random(1000)}`;
        return `${text.slice(0, at)}  obligation ${name} "Added duty" {\n    Supplier must deliver "an added report" to Council\n    due 2016-03-31\n  }\n${text.slice(at)}`;
      }],
      ['a declaration removed', (text) => {
        const starts = declarationStarts(text);
        const at = starts[random(starts.length)];
        return text.slice(0, at) + text.slice(at + declarationAt(text, at).length);
      }],
      ['a declaration copied under its own name (declared twice), then taken away', (text) => {
        const starts = declarationStarts(text);
        const from = starts[random(starts.length)];
        const at = starts[random(starts.length)];
        return text.slice(0, at) + declarationAt(text, from) + text.slice(at);
      }],
      ['three declarations pasted at once', (text) => {
        const starts = declarationStarts(text);
        const at = starts[random(starts.length)];
        const n = random(100);
        return `${text.slice(0, at)}  party Extra${n} "Extra ${n}" as partner\n  event Happened${n} "Something happened"\n  obligation Respond${n} {\n    Extra${n} must review "what happened" to Council\n    due within 10 working days of Happened${n}\n  }\n${text.slice(at)}`;
      }],
      ['a party that norms name removed, or given back', (text) => {
        const party = '  party Field "Field Engineering Ltd" as subcontractor\n';
        if (text.includes(party)) return text.replace(party, '');
        const starts = declarationStarts(text);
        const at = starts[random(starts.length)];
        return text.slice(0, at) + party + text.slice(at);
      }],
      ['a norm renamed', (text) => {
        const norms = [...text.matchAll(/\n {2}obligation (\w+)/g)];
        const m = norms[random(norms.length)];
        const at = m.index! + m[0].length;
        return `${text.slice(0, at)}X${text.slice(at)}`;
      }],
      ['a half-typed declaration', (text) => {
        const starts = declarationStarts(text);
        const at = starts[random(starts.length)];
        return `${text.slice(0, at)}  obligation Half "Half typed" {\n    Supplier must\n${text.slice(at)}`;
      }],
    ];
    for (let i = 0; i < 60; i++) {
      const [label, edit] = edits[random(edits.length)];
      const base = editor.texts.get(FILE)!;
      editor.texts.set(FILE, edit(base));
      step(`edit ${i}: ${label}`);
      // Undone now and then, as a typist undoes.
      if (random(3) === 0) {
        editor.texts.set(FILE, base);
        step(`edit ${i} undone: ${label}`);
      }
    }
    assert.ok(spliced >= 40, `${spliced} edits added or removed units`);
    assert.ok(carried >= 30, `the model was spliced, not gathered again, after ${carried} of ${spliced} such edits`);
    assert.ok(eligible >= 15 && shared === eligible, `the resolutions shared the earlier chunks after ${shared} of ${eligible} such edits`);
  });
});

describe('the readers of a name carried through many edits', () => {
  it('are every unit that reads the name when it is declared anew, after a hundred edits to its readers', () => {
    const file = '/virtual/readers/contract.partnership';
    const norms = Array.from({ length: 150 }, (_, i) => `  obligation N${i} "Duty ${i}" {\n    ${i % 3 === 0 ? 'Other' : 'Field'} must deliver "report ${i}" to Council\n    clause "${i}"\n  }\n`);
    const head = 'partnership P "P" {\n  term 2010-01-01 to 2030-12-31\n  party Council "Council" as client\n  party Other "Other Ltd" as supplier\n';
    const party = '  party Field "Field Ltd" as subcontractor\n';
    const editor = new Editor(new Map([[file, `${head}${party}${norms.join('')}}\n`]]));
    editor.analyse();
    // The server indexes the readers of each name while it is idle; so does this.
    for (const steps = editor.program!.workAhead(); !steps.next().done;);
    const random = seededRandom(7);
    const edit = (change: (text: string) => string): void => {
      editor.texts.set(file, change(editor.texts.get(file)!));
      editor.analyse();
    };
    // A hundred edits inside the norms: a clause typed into (the unit parsed again, reading what
    // it read), and a subject changed from one party to the other (reading another name).
    for (let k = 0; k < 100; k++) {
      const n = random(150);
      edit(k % 4 === 3
        ? (text) => text.replace(new RegExp(`(obligation N${n} "Duty ${n}" \\{\\n    )(Field|Other)`), (_, before: string, subject: string) => before + (subject === 'Field' ? 'Other' : 'Field'))
        : (text) => text.replace(new RegExp(`clause "${n}(\\.\\d+)?"`), `clause "${n}.${k}"`));
    }
    const readers = editor.texts.get(file)!.match(/ Field must /g)!.length;
    assert.ok(readers > 60 && readers < 140, `${readers} norms name Field`);
    // The party removed: every norm that names it now reports it unknown, as from nothing.
    edit((text) => text.replace(party, ''));
    const unknown = editor.program!.diagnostics(file).filter((d) => d.code === 'P101');
    assert.equal(unknown.length, readers);
    assert.deepEqual(editor.program!.diagnostics(file), editor.fresh().diagnostics(file));
    // Given back, none does.
    edit((text) => text.replace(head, head + party));
    assert.equal(editor.program!.diagnostics(file).filter((d) => d.code === 'P101').length, 0);
    assert.deepEqual(editor.program!.diagnostics(file), editor.fresh().diagnostics(file));
  });
});
