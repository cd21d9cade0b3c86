// Names: one namespace per partnership, scope children, qualified names through imports,
// suggestions and quick fixes for unknown names, cycles and missing imports.
import * as assert from 'node:assert/strict';
import { check, checkBody, covered } from '../helpers/program';

describe('names and references', () => {
  it('suggests the party whose title holds the unknown word, with a fix that replaces the reference', () => {
    const c = checkBody('  scope W "Work"\n  obligation O "o" { B must deliver W to Council due 2011-01-01 }');
    const [d] = c.diagnostics('test.partnership').filter((x) => x.code === 'P101');
    assert.equal(d.message, 'There is no party named `Council`. Did you mean `A` (A Council)?');
    assert.equal(covered(c.text, d), 'Council');
    assert.deepEqual(d.fixes[0].edits.map((e) => [covered(c.text, e), e.newText]), [['Council', 'A']]);
    const [e] = d.fixes[0].edits;
    assert.equal(c.text.slice(0, e.start) + e.newText + c.text.slice(e.end), c.text.replace('to Council due', 'to A due'));
  });

  it('suggests a sibling for a misspelt child scope', () => {
    const c = checkBody('  scope Work "Work" { scope Build "Build" }\n  obligation O "o" { B must deliver Work.Bild to A due 2011-01-01 }');
    const [d] = c.diagnostics('test.partnership').filter((x) => x.code === 'P101');
    assert.equal(d.message, 'There is no scope `Bild` inside `Work`. Did you mean `Work.Build` (Build)?');
    assert.equal(covered(c.text, d), 'Work.Bild');
  });

  it('reports a name of the wrong kind', () => {
    const c = checkBody('  scope W "Work"\n  kpi K "k" { owner A }\n  exclusive B over K');
    const d = c.diagnostics('test.partnership').find((x) => x.code === 'P103')!;
    assert.equal(d.message, '`K` is a KPI, but a scope is expected here.');
  });

  it('reads a dotted name part by part: through scopes only, to a declaration of the kind expected', () => {
    const c = checkBody('  scope W "w" { scope X "x" }\n  kpi K "k" { owner A }\n  exclusive B over W.X\n  exclusive B over A.X\n  exclusive B over W.X.Y\n  exclusive A over K');
    assert.deepEqual(c.codes('test.partnership', ['error']), ['8:20 P101', '9:20 P101', '10:20 P103']);
    const messages = c.diagnostics('test.partnership').filter((d) => d.severity === 'error').map((d) => d.message);
    assert.match(messages[0], /no scope `X` inside `A`/);
    assert.match(messages[1], /no scope `Y` inside `W\.X`/);
    assert.equal(messages[2], '`K` is a KPI, but a scope is expected here.');
  });

  it('finds the unit of a declaration first of its name through the index of names, and no other', () => {
    const c = checkBody('  scope W "w" { scope X "x" }\n  charge C "c" { pays A to B }\n  charge C "again" { pays A to B }');
    const source = c.program.program.files.get(c.path('test.partnership'))!;
    const { declarations } = source;
    const units = source.partnership!.block!.units;
    const [first, again] = declarations.all.filter((s) => s.name === 'C');
    assert.equal(declarations.placeOfTop(first), units.findIndex((u) => u === first.unit));
    assert.equal(declarations.placeOfTop(declarations.topLevel.get('W')!), units.findIndex((u) => u.node.kind === 'Scope'));
    // A second declaration of the name, a nested scope and another file's symbol are not in the index.
    assert.equal(declarations.placeOfTop(again), undefined);
    assert.equal(declarations.placeOfTop(declarations.all.find((s) => s.name === 'X')!), undefined);
    assert.equal(declarations.placeOfTop({ ...first, file: '/elsewhere.partnership' }), undefined);
  });

  it('keeps one namespace for every kind, and one per scope for its children', () => {
    const c = checkBody('  scope A "clash with the party"\n  scope S "S" { scope X "x" scope X "again" }\n  scope T "T" { scope X "fine" }');
    assert.deepEqual(c.codes('test.partnership', ['error']), ['5:9 P102', '6:35 P102']);
    const first = c.diagnostics('test.partnership').find((d) => d.code === 'P102')!;
    assert.equal(first.message, '`A` is already declared on line 3 (as a party); each name may be declared only once in a partnership.');
    assert.equal(first.related.length, 1);
  });

  it('resolves names through imports, transitively, under each imported partnership\'s name', () => {
    const files = {
      'c.partnership': 'partnership C "C" { term 2010-01-01 to 2020-12-31 scope Deep "d" }',
      'b.partnership': 'import "c.partnership"\npartnership B "B" { term 2010-01-01 to 2020-12-31 party P "P" as client scope S "s" { scope T "t" } }',
      'a.partnership': 'import "b.partnership"\npartnership A "A" { term 2010-01-01 to 2020-12-31\n  exclusive B.P over B.S.T\n  open C.Deep\n  open B.S.Nope\n}',
    };
    const c = check(files, ['a.partnership']);
    assert.deepEqual(c.codes('a.partnership', ['error']), ['5:8 P101']);
    assert.match(c.diagnostics('a.partnership').find((d) => d.code === 'P101')!.message, /no scope `Nope` inside `B\.S`/);
  });

  it('tells what each part of a reference names: its scopes on a path, the partnership that qualifies it, nothing past a part that did not resolve', () => {
    const files = {
      'b.partnership': 'partnership B "B" { term 2010-01-01 to 2020-12-31 party P "P" as client scope S "s" { scope T "t" } }',
      'a.partnership': 'import "b.partnership"\npartnership A "A" { term 2010-01-01 to 2020-12-31\n  scope W "w" { scope X "x" { scope Y "y" } }\n  party Q "Q" as supplier\n  exclusive Q over W.X.Y\n  exclusive B.P over B.S.T\n  open A.W.X\n  open W.Nope\n}',
    };
    const c = check(files, ['a.partnership']);
    const source = c.program.files.get(c.path('a.partnership'))!;
    const named = (part: unknown): string => (part === null ? '-' : (part as { path?: string; name: string }).path ?? `(${(part as { name: string }).name})`);
    const references = source.resolutions.flatMap((r) => r.references).map((r) => `${r.node.text} = ${r.parts.map(named).join(' / ')} -> ${r.target ? named(r.target) : '-'}`);
    assert.deepEqual(references, [
      'Q = (Q) -> (Q)',
      'W.X.Y = W / W.X / W.X.Y -> W.X.Y',
      'B.P = (B) / (P) -> (P)',
      'B.S.T = (B) / S / S.T -> S.T',
      'A.W.X = (A) / W / W.X -> W.X',
      'W.Nope = W / - -> -',
    ]);
    // The names and their targets by place, as the analysis reads them.
    assert.deepEqual(source.resolutions.flatMap((r) => r.nodes.map((n) => n.text)), ['Q', 'W.X.Y', 'B.P', 'B.S.T', 'A.W.X', 'W.Nope']);
    assert.deepEqual(source.resolutions.flatMap((r) => r.targets.map((t) => (t ? named(t) : '-'))), ['(Q)', 'W.X.Y', '(P)', 'S.T', 'W.X', '-']);
  });

  it('reports a missing import and every import in a cycle, including a self-import', () => {
    const c = check({
      'a.partnership': 'import "b.partnership"\nimport "gone.partnership"\npartnership A "A" { term 2010-01-01 to 2020-12-31 }',
      'b.partnership': 'import "c.partnership"\npartnership B "B" { term 2010-01-01 to 2020-12-31 }',
      'c.partnership': 'import "a.partnership"\nimport "c.partnership"\npartnership C "C" { term 2010-01-01 to 2020-12-31 }',
    });
    assert.deepEqual(c.codes('a.partnership'), ['1:8 P105', '2:8 P105']);
    assert.deepEqual(c.codes('c.partnership'), ['1:8 P105', '2:8 P105']);
    assert.match(c.diagnostics('a.partnership')[0].message, /a\.partnership → b\.partnership → c\.partnership → a\.partnership/);
    assert.match(c.diagnostics('c.partnership')[1].message, /c\.partnership → c\.partnership/);
    assert.match(c.diagnostics('a.partnership')[1].message, /Cannot import `gone\.partnership`/);
  });
});
