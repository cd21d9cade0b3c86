// Variations: one agreement changing another, in the same file or across files, and the
// periods the checks read as varied (language-v2.md section 6).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analysis } from '../../../server/out/core/analysis/analysis';
import { applyVariations } from '../../../server/out/core/model/variations';
import { variedModel } from '../../../server/out/core/model/varied';
import { formatDay } from '../../../server/out/core/values/dates';
import { check, checkBody, covered, editingHost, VIRTUAL_ROOT } from '../helpers/program';
import { sharedCorpusV2 } from '../helpers/paths';

const corpus = path.join(sharedCorpusV2, 'variations');
const main = fs.readFileSync(path.join(corpus, 'main.partnership'), 'utf8');
const exit = fs.readFileSync(path.join(corpus, 'exit.partnership'), 'utf8');

/** The model of one file and every variation of it in the program, varied. */
function varied(files: Record<string, string>, name: string) {
  const c = check(files);
  const models = c.program.models();
  const model = models.find((m) => m.file === c.path(name))!;
  const variations = models.flatMap((m) => m.variations).filter((v) => v.variedFile === model.file);
  const effects = applyVariations(model, variations);
  return { c, model, effects, varied: variedModel(model, effects) };
}

describe('variations', () => {
  it('reads the exit agreement as clean once the core grant has ended, and not otherwise', () => {
    const clean = check({ 'main.partnership': main, 'exit.partnership': exit });
    assert.deepEqual(clean.codes('exit.partnership', ['error']), []);
    // Without the variation, the vendor's grant meets the joint venture's, and its norm meets the grant.
    const without = exit.replace(/ {2}variation CoreMoves[\s\S]*?\n {2}}\n/, '');
    const conflicted = check({ 'main.partnership': main, 'exit.partnership': without });
    const codes = [...conflicted.codes('exit.partnership'), ...conflicted.codes('main.partnership')].map((c) => c.split(' ')[1]);
    assert.ok(codes.includes('P201'), codes.join(', '));
    assert.ok(codes.includes('P202'), codes.join(', '));
  });

  it('extends the term: a date within the extension is no longer outside it, and open-ended periods follow', () => {
    const { effects, varied: model } = varied({ 'main.partnership': main }, 'main.partnership');
    assert.equal(formatDay(effects.termEnd!), '2021-03-31');
    assert.equal(effects.termChangedBy!.symbol.name, 'Extension');
    assert.equal(formatDay(model.term!.to), '2021-03-31');
    assert.equal(formatDay(model.grants[0].period!.to), '2021-03-31');
    assert.equal(formatDay(model.norms.find((n) => n.symbol.name === 'Deliver')!.period!.to), '2021-03-31');
    const c = check({ 'main.partnership': main });
    assert.deepEqual(c.codes('main.partnership').filter((x) => x.endsWith('P303')), []);
    const unextended = check({ 'main.partnership': main.replace('term to 2021-03-31', 'clause "none"') });
    assert.deepEqual(unextended.codes('main.partnership').filter((x) => x.endsWith('P303')), ['18:9 P303']);
  });

  it('ends what it names the day before it takes effect, and returns a scope out of the grants that hold it', () => {
    const { effects, varied: model } = varied({ 'main.partnership': main, 'exit.partnership': exit }, 'main.partnership');
    const endOf = (name: string): string => formatDay(model.norms.find((n) => n.symbol.name === name)!.period!.to);
    assert.equal(endOf('Deliver'), '2018-03-31');
    assert.equal(endOf('Phones'), '2018-03-31', 'a norm whose work lies in a returned scope ends');
    assert.equal(endOf('Final'), '2018-03-31');
    assert.equal(model.grants.length, 1);
    assert.equal(formatDay(model.grants[0].period!.to), '2018-03-31');
    assert.deepEqual(effects.applied.map((v) => v.symbol.name), ['Extension', 'CoreMoves']);
    assert.deepEqual([...effects.late.keys()].map((v) => v.symbol.name), ['TooLate']);
  });

  it('splits a grant around the day a scope inside it is returned', () => {
    const text = main.replace('ends Main.Deliver', '').replace('exclusive JV over ICT.Core', 'exclusive JV over ICT');
    const exitOnlyReturns = `import "main.partnership"\n\npartnership Exit "Exit" {\n  term 2017-12-15 to 2021-03-31\n  variation Back "Telephony back" {\n    varies Main\n    effective 2018-04-01\n    returns Main.ICT.Core.Phones to Main.A\n  }\n}\n`;
    const { varied: model } = varied({ 'main.partnership': text, 'exit.partnership': exitOnlyReturns }, 'main.partnership');
    const parts = model.grants.map((g) => `${formatDay(g.period!.from)}..${formatDay(g.period!.to)} except ${g.carveOuts.map((s) => s.path).join(',')}`);
    assert.deepEqual(parts, ['2006-04-01..2018-03-31 except ', '2018-04-01..2021-03-31 except ICT.Core.Phones']);
  });

  it('P801, P802 and P803 point where the brief says, in words', () => {
    const c = check({ 'main.partnership': main, 'exit.partnership': exit });
    const p801 = c.diagnostics('main.partnership').find((d) => d.code === 'P801')!;
    assert.equal(covered(main, p801), 'NoDate');
    const p802 = c.diagnostics('exit.partnership').find((d) => d.code === 'P802')!;
    assert.equal(covered(exit, p802), 'ends');
    assert.equal(p802.message, '`ends open Main.ICT` matches nothing in force or yet to come on 2018-04-01, the day the variation takes effect.');
    const p803 = c.diagnostics('exit.partnership').find((d) => d.code === 'P803')!;
    assert.equal(covered(exit, p803), '2022-01-01');
    assert.match(p803.message, /after the term of `Main` ended on 2021-03-31; it changes nothing\.$/);
  });

  it('a variation flagged P801 or P803 changes nothing', () => {
    const { effects } = varied({ 'main.partnership': main, 'exit.partnership': exit }, 'main.partnership');
    assert.equal(formatDay(effects.termEnd!), '2021-03-31', 'NoDate would have moved it to 2022-03-31');
    const ended = [...effects.ended.values()].map((e) => e.by.symbol.name);
    assert.ok(!ended.includes('TooLate'));
  });

  it('shortens the term too, and a deadline counted back from expiry moves with it', () => {
    const c = checkBody(`  obligation Exit "Exit plan" { B must deliver "an exit plan" to A due 12 months before expiry }
  obligation Run "Run" { B must run "the service" to A every 1 month }
  variation Early "Early end" { agreed 2014-01-01 term to 2015-12-31 }`);
    const model = c.program.models()[0];
    const { varied: v } = { varied: variedModel(model, applyVariations(model, model.variations)) };
    assert.equal(formatDay(v.norms.at(0).period!.from), '2014-12-31');
    assert.equal(formatDay(v.norms.at(1).period!.to), '2015-12-31');
  });

  it('updates the other file\'s diagnostics when an edit changes a variation', () => {
    const roots = [{ file: path.join(VIRTUAL_ROOT, 'main.partnership'), text: main }, { file: path.join(VIRTUAL_ROOT, 'exit.partnership'), text: exit }];
    const host = { readFile: (): string | undefined => undefined };
    const first = new Analysis(roots, host);
    assert.ok(!first.diagnostics(roots[0].file).some((d) => d.code === 'P303'));
    // The extension is undone by editing the variation in place: the final report falls outside the term again.
    const edited = [{ ...roots[0], text: main.replace('term to 2021-03-31', 'term to 2016-03-31') }, roots[1]];
    const second = new Analysis(edited, host, first);
    const codes = second.diagnostics(roots[0].file).map((d) => d.code);
    assert.ok(codes.includes('P303'), codes.join(', '));
    // And in the other direction: removing the exit agreement's change brings the conflict back in the exit file.
    const third = new Analysis([roots[0], { ...roots[1], text: exit.replace('    ends exclusive Main.JV over Main.ICT.Core\n', '') }], host, first);
    assert.ok(third.diagnostics(roots[1].file).some((d) => d.code === 'P201'));
  });

  it('follows edits to a norm a variation ends, and to the others, as an analysis from nothing does', () => {
    const file = path.join(VIRTUAL_ROOT, 'main.partnership');
    const other = path.join(VIRTUAL_ROOT, 'exit.partnership');
    // As the editor does: an edit parses again only the unit it touched, and the model is carried.
    const host = editingHost();
    const endedOf = (a: Analysis): string[] => [...a.variationEffects(file).ended].map(([what, e]) => `${'name' in what ? what.name : 'grant'} ${formatDay(e.day)}`).sort();
    const texts = [
      // Another norm edited: the ended norms' models are the ones before.
      main.replace('JV must deliver ICT.Core.Phones to A', 'JV must deliver ICT.Core.Phones to B'),
      // A norm the exit agreement ends, edited in place.
      main.replace('JV must deliver ICT.Core to A\n    every 1 month', 'JV must deliver ICT.Core to A\n    every 3 months'),
      // Its name taken away and given back: the exit agreement's `ends Main.Deliver` finds nothing, then finds it again.
      main.replace('obligation Deliver "Deliver the core"', 'obligation Delivered "Deliver the core"'),
      main,
    ];
    let previous = new Analysis([{ file, text: main }, { file: other, text: exit }], host);
    for (const text of texts) {
      const roots = [{ file, text }, { file: other, text: exit }];
      const next = new Analysis(roots, host, previous);
      const fresh = new Analysis(roots, { readFile: () => undefined });
      assert.deepEqual(endedOf(next), endedOf(fresh), text.slice(0, 40));
      for (const r of roots) assert.deepEqual(next.diagnostics(r.file), fresh.diagnostics(r.file));
      previous = next;
    }
    assert.ok(endedOf(previous).some((e) => e.startsWith('Deliver ')), endedOf(previous).join(', '));
  });

  it('checks no norm again when an edit to a variation moves no day, and every norm when it does', () => {
    const roots = [{ file: path.join(VIRTUAL_ROOT, 'main.partnership'), text: main }, { file: path.join(VIRTUAL_ROOT, 'exit.partnership'), text: exit }];
    // As the editor does: a text parsed once is not parsed again, and an edit parses again only what it touched.
    const host = editingHost();
    const fresh = (texts: typeof roots) => new Analysis(texts, { readFile: () => undefined });
    const sameNorms = (a: Analysis, b: Analysis, file: string): boolean => {
      const then = a.checks.byFile.get(file)!.norms;
      const now = b.checks.byFile.get(file)!.norms;
      return then.length === now.length && now.every((result, i) => result === then.at(i));
    };
    const first = new Analysis(roots, host);
    // The exit agreement's variation renamed and given a new title: it ends the same grant on the same day.
    const renamed = exit.replace('variation CoreMoves "The core moves to the vendor"', 'variation CoreGoes "The core goes to the vendor"');
    assert.notEqual(renamed, exit);
    const texts = [roots[0], { ...roots[1], text: renamed }];
    const second = new Analysis(texts, host, first);
    assert.ok(sameNorms(first, second, roots[0].file), 'the main agreement\'s norms keep their results');
    for (const r of texts) assert.deepEqual(second.diagnostics(r.file), fresh(texts).diagnostics(r.file));
    // What reads which variation did it reads the new one: the effects, and the matrix through them.
    const ended = [...second.variationEffects(roots[0].file).ended.values()].map((e) => e.by.symbol.name);
    assert.ok(ended.length > 0 && ended.every((name) => name === 'CoreGoes'), ended.join(', '));
    // The extension moved back: the term's end changes every period, so every norm is checked again.
    const shortened = [{ ...roots[0], text: main.replace('term to 2021-03-31', 'term to 2016-03-31') }, texts[1]];
    const third = new Analysis(shortened, host, second);
    assert.ok(!sameNorms(second, third, roots[0].file));
    for (const r of shortened) assert.deepEqual(third.diagnostics(r.file), fresh(shortened).diagnostics(r.file));
    assert.ok(third.diagnostics(roots[0].file).some((d) => d.code === 'P303'));
  });
});
