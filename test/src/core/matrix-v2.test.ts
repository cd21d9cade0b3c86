// The matrix of the second version's constructs, on the corpus-v2 files and inline contracts:
// when triggered duties apply, amounts, endeavours and powers on a norm's row, what variations
// ended, and the tables of events, service levels, governance and variations, in every format.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { renderCsv } from '../../../server/out/core/matrix/csv';
import { renderHtml } from '../../../server/out/core/matrix/html';
import { renderMarkdown } from '../../../server/out/core/matrix/markdown';
import { buildMatrix } from '../../../server/out/core/matrix/model';
import type { Matrix, MatrixRow } from '../../../shared/out/matrix';
import { matrixOf } from '../preview/harness';
import { sharedCorpusV2 } from '../helpers/paths';
import { checkBody } from '../helpers/program';

const v2 = (...parts: string[]): string => path.join(sharedCorpusV2, ...parts);
const rowsOf = (m: Matrix): Map<string, MatrixRow> => new Map(m.groups.flatMap((g) => g.rows).map((r) => [r.norm, r]));
const matrixOfBody = (body: string): Matrix => {
  const c = checkBody(body);
  return buildMatrix(c.program, c.path('test.partnership'))!;
};

describe('the matrix of the second version', () => {
  it('says when triggered and relative duties apply, never "throughout the term" for them', () => {
    const rows = rowsOf(matrixOf(v2('events', 'events.partnership')));
    const when = (norm: string): string => rows.get(norm)!.when;
    assert.equal(when('Rectify'), 'within 10 working days of Breach');
    assert.equal(when('StepIn'), 'when Breach');
    assert.equal(when('Reports'), 'every month from GoLive until 2016-03');
    assert.equal(when('Exit'), '12 months before expiry (2020-03-31)');
    assert.equal(when('Mobilise'), 'within 3 months of start (2006-07-01)');
    assert.equal(when('Review'), 'within 5 working days of Rectify');
    assert.equal(when('Standing'), 'throughout the term', 'a standing duty still is');
  });

  it('counts a deadline before expiry from the term as a variation extended it', () => {
    const m = matrixOfBody(`obligation Exit "e" { B must deliver "an exit plan" to A  due 12 months before expiry }
  variation Longer "Five more years" { agreed 2015-06-30  term to 2025-12-31 }`);
    const exit = rowsOf(m).get('Exit')!;
    assert.equal(exit.when, '12 months before expiry (2024-12-31)');
    assert.deepEqual(exit.changes, [{ kind: 'extended', day: '2025-12-31', by: 'Longer' }]);
    assert.deepEqual(m.partnership.termChanges, [{ kind: 'extended', day: '2025-12-31', by: 'Longer' }]);
  });

  it('shows powers, endeavours, notice, amounts, docs, and each subject and beneficiary', () => {
    const m = matrixOfBody(`party C "C plc" as partner
  event Breach "Notice of breach"
  power End "Terminate" { A can terminate "the contract" to B  when Breach  notice 6 months }
  /// Paid on signature.
  obligation Pay "Investment" { B, C must invest "in the estate" to A, C  amount £8m  due 2011-03  endeavours reasonable }`);
    const rows = rowsOf(m);
    const end = rows.get('End')!;
    assert.equal(end.kind, 'power');
    assert.deepEqual(end.cells.A, ['R (can)']);
    assert.equal(end.when, 'when Breach, on 6 months’ notice');
    const pay = rows.get('Pay')!;
    assert.equal(pay.statement, 'B, C must (reasonable endeavours) invest "in the estate" to A, C');
    assert.deepEqual([pay.cells.A, pay.cells.B, pay.cells.C], [['B'], ['R (must)'], ['R (must)', 'B']]);
    assert.equal(pay.amount, '£8m');
    assert.equal(pay.doc, 'Paid on signature.');
    // The page's text without its markup (a word kept whole is wrapped in a span).
    for (const text of [renderHtml(m).replace(/<[^>]+>/g, ''), renderMarkdown(m), renderCsv(m)]) {
      assert.match(text, /Amount: £8m|,£8m,/);
      assert.match(text, /Paid on signature\./);
      assert.match(text, /must \(reasonable endeavours\)|must \\\(reasonable endeavours\\\)/);
    }
    assert.deepEqual(m.events.map((e) => [e.name, e.usedBy]), [['Breach', ['End']]]);
  });

  it('marks what a variation in another file ended, and lists the variations in order of effect', () => {
    const main = matrixOf(v2('variations', 'main.partnership'), undefined, [v2('variations', 'exit.partnership')]);
    const rows = rowsOf(main);
    assert.deepEqual(rows.get('Deliver')!.changes, [{ kind: 'ended', day: '2018-03-31', by: 'CoreMoves' }]);
    assert.deepEqual(rows.get('Phones')!.changes, [{ kind: 'ended', day: '2018-03-31', by: 'CoreMoves' }], 'returned with its scope');
    assert.deepEqual(main.partnership.termChanges, [{ kind: 'extended', day: '2021-03-31', by: 'Extension' }]);
    const core = main.exclusivity.find((r) => r.path === 'ICT.Core')!;
    assert.deepEqual(core.holders.find((h) => h.party === 'JV')!.changes, [{ kind: 'ended', day: '2018-03-31', by: 'CoreMoves' }]);
    assert.deepEqual(main.variations.map((v) => [v.name, v.partnership, v.status.replace(/:.*\((P\d+)\)$/, ' $1')]), [
      ['Extension', null, ''], ['CoreMoves', 'Exit', ''], ['TooLate', 'Exit', 'changes nothing P803'], ['NoDate', null, 'changes nothing P801'],
    ]);
    assert.deepEqual(main.variations[1].changes, ['ends exclusive Main.JV over Main.ICT.Core', 'ends Main.Deliver', 'returns Main.ICT.Core.Phones to Main.A', 'ends Main.Final', 'ends open Main.ICT']);
    const html = renderHtml(main).replace(/<[^>]+>/g, '');
    assert.match(html, /ended 2018-03-31 by CoreMoves/);
    assert.match(html, /term extended to 2021-03-31 by Extension/);
    // The exit agreement's own matrix shows the variation it makes, and the grant it ended.
    const exit = matrixOf(v2('variations', 'exit.partnership'), undefined, [v2('variations', 'main.partnership')]);
    assert.deepEqual(exit.variations.map((v) => v.name), ['CoreMoves', 'TooLate']);
    assert.deepEqual(exit.exclusivity.find((r) => r.path === 'Main.ICT.Core')!.holders.find((h) => h.party === 'Main.JV')!.changes, [{ kind: 'ended', day: '2018-03-31', by: 'CoreMoves' }]);
  });

  it('tabulates service levels: targets over time, thresholds, credits, baseline, weight and the norms measured', () => {
    const m = matrixOfBody(`charge Core "c" { A pays B  £12m per year }
  kpi Avail "Availability" {
    owner B
    baseline 99.2% "in 2009"
    target >= 99.5%
    target >= 99.8% from 2012-04
    credit 2% of Core when < 99.5%
    threshold < 95% otherwise "the council may terminate"
    measured monthly
    weight 20
  }
  kpi Fix "P1 fix time" { owner B  target <= 4 hours  credit £5k when > 8 hours  measured every 2 weeks }
  obligation Run "Run" { B must operate "the service" to A  measured-by Avail }`);
    const [avail, fix] = m.kpis;
    assert.deepEqual(avail.targets, ['at least 99.5% (>= 99.5%) from 2010-01-01', 'at least 99.8% (>= 99.8%) from 2012-04']);
    assert.deepEqual(avail.thresholds, ['less than 95% (< 95%): the council may terminate']);
    assert.deepEqual(avail.credits, ['2% of Core when less than 99.5% (< 99.5%)']);
    assert.deepEqual([avail.owner, avail.measured, avail.baseline, avail.weight, avail.measures], ['B', 'monthly', '99.2% (in 2009)', '20', ['Run']]);
    assert.deepEqual([fix.targets, fix.credits, fix.measured], [['at most 4 hours (<= 4 hours) from 2010-01-01'], ['£5k when more than 8 hours (> 8 hours)'], 'every 2 weeks']);
    assert.match(renderMarkdown(m), /## Service levels\n\n\| KPI \| Owner \|/);
  });

  it('tabulates governance with the approval findings of each body', () => {
    const m = matrixOfBody(`scope Projects "Projects"
  body Board "Board" { chair A  members A, B  meets every 3 months  escalates-to Leaders  approves Projects above £200k }
  body Leaders "Leaders" { members A, B  approves Projects from £10k to £100k }`);
    const [board, leaders] = m.governance;
    assert.deepEqual([board.chair, board.members, board.meets, board.escalatesTo, board.approvals], ['A', ['A', 'B'], 'every 3 months', 'Leaders', ['Projects above £200k']]);
    assert.deepEqual(leaders.approvals, ['Projects from £10k to £100k']);
    // The gaps below £10k and between £100k and £200k are P502s; each shows on the body whose band it points at.
    const findings = [...board.findings, ...leaders.findings];
    assert.ok(findings.length > 0 && findings.every((f) => f.startsWith('P502: ')), findings.join('\n'));
  });

  it('keeps the new sections’ document text inert in every format', () => {
    const m = matrixOfBody(`event Ev "<img src=x onerror=alert(1)>" clause "=HYPERLINK(1)"
  charge C "<script>alert(1)</script>" { A pays B  £1m per year  indexed "=cmd|' /C calc'!A0"  note "[x](command:y) | *b*" }
  obligation O "o" { B must report "x" to A  when Ev }`);
    const html = renderHtml(m);
    assert.doesNotMatch(html, /<img|<script/);
    assert.match(html, /&#60;script&#62;alert\(1\)&#60;\/script&#62;/);
    const md = renderMarkdown(m);
    assert.doesNotMatch(md, /\]\(command:|<img|<script/);
    const csv = renderCsv(m);
    assert.match(csv, /,'=HYPERLINK\(1\),/, 'a clause that looks like a formula is text');
    assert.doesNotMatch(csv, /(^|,)"?=cmd/m);
  });
});
