// What may be written at a cursor (`cursorContext` of core/services/locate.ts), in every block
// and every slot, on documents with a cursor marker `‸`: complete, broken mid-statement, with a
// block left open at the end of the file, and inside comments and strings.
import * as assert from 'node:assert/strict';
import { Program } from '../../../server/out/core/program/program';
import { cursorContext, type CursorContext } from '../../../server/out/core/services/locate';
import { withCursor } from '../helpers/markers';

const FILE = '/virtual/cursor.partnership';

function at(marked: string): CursorContext {
  const { text, offset } = withCursor(marked);
  const source = new Program([{ file: FILE, text }], { readFile: () => undefined }).files.get(FILE)!;
  return cursorContext(source, offset);
}

/** The block, the statement keyword and the slot, in one line for readable assertions. */
function summary(marked: string): string {
  const c = at(marked);
  const slot = c.slot.kind === 'reference' ? `reference ${c.slot.expects}` : c.slot.kind === 'member' ? `member ${c.slot.qualifier}` : c.slot.kind;
  return `${c.block} ${c.keyword ?? '-'} ${slot}`;
}

/** Each marked document with the summary expected at its cursor; all mismatches at once. */
function expectAll(cases: readonly (readonly [string, string])[]): void {
  const wrong = cases.filter(([marked, want]) => summary(marked) !== want).map(([marked, want]) => `${JSON.stringify(marked.slice(-60))}: ${summary(marked)}, expected ${want}`);
  assert.deepEqual(wrong, []);
}

const head = 'partnership S "s" {\n  term 2010-01-01 to 2020-12-31\n  party P "P" as supplier\n  scope ICT "ICT" { scope Core "Core" }\n';
const inPartnership = (line: string): string => `${head}  ${line}\n}\n`;
const inNorm = (line: string): string => `${head}  obligation O "o" {\n    P must run ICT\n    ${line}\n  }\n}\n`;

describe('the context at a cursor', () => {
  it('in the file: the file keywords, before and after the partnership', () => {
    expectAll([
      ['‸', 'file - statement'],
      ['import "a.partnership"\n‸\n', 'file - statement'],
      [`${head}}\n‸`, 'file - statement'],
      ['imp‸', 'file - statement'],
      ['partnership ‸', 'file partnership none'],
    ]);
  });

  it('in the partnership: its keywords; names, roles and scopes after the words that take them', () => {
    expectAll([
      [inPartnership('‸'), 'partnership - statement'],
      [inPartnership('ob‸'), 'partnership - statement'],
      [inPartnership('party R "R" as ‸'), 'partnership party role'],
      [inPartnership('party R "R" as cl‸'), 'partnership party role'],
      [inPartnership('party J "J" as joint-venture of ‸'), 'partnership party reference party'],
      [inPartnership('party J "J" as joint-venture of P, ‸'), 'partnership party reference party'],
      [inPartnership('exclusive ‸'), 'partnership exclusive reference party'],
      [inPartnership('exclusive P over ‸'), 'partnership exclusive reference scope'],
      [inPartnership('exclusive P over ICT except Core, ‸'), 'partnership exclusive reference scope'],
      [inPartnership('open ‸'), 'partnership open reference scope'],
      [inPartnership('interface ICT with ‸'), 'partnership interface reference scope'],
      [inPartnership('open ICT.‸'), 'partnership open member ICT'],
      [inPartnership('exclusive P over Catalogue.ICT.Co‸'), 'partnership exclusive member Catalogue.ICT'],
      [inPartnership('scope ‸'), 'partnership scope none'],
      [inPartnership('term 2010-01-01 to ‸'), 'partnership term none'],
    ]);
  });

  it('after a complete statement: a new statement may start', () => {
    expectAll([
      [`${head}  party Q "Q" as client ‸\n}\n`, 'partnership - statement'],
      [inNorm('accountable P\n    ‸'), 'norm - statement'],
    ]);
  });

  it('in a scope: its keywords, and no names after `scope`, which declares one', () => {
    expectAll([
      [`${head}  scope Web "Web" {\n    ‸\n  }\n}\n`, 'scope - statement'],
      [`${head}  scope Web "Web" {\n    scope ‸\n  }\n}\n`, 'scope scope none'],
    ]);
  });

  it('in a norm: its keywords and parties; the modal, the object and the beneficiary of its line', () => {
    expectAll([
      [inNorm('‸'), 'norm - statement'],
      [inNorm('accountable ‸'), 'norm accountable reference party'],
      [inNorm('accountable P‸'), 'norm accountable reference party'],
      [inNorm('consulted P, ‸'), 'norm consulted reference party'],
      [inNorm('informed P, P, ‸'), 'norm informed reference party'],
      [inNorm('measured-by ‸'), 'norm measured-by reference kpi'],
      [inNorm('measured-by K1, ‸'), 'norm measured-by reference kpi'],
      [inNorm('scope ‸'), 'norm scope reference scope'],
      [inNorm('due ‸'), 'norm due none'],
      [inNorm('P ‸'), 'norm - modal'],
      [inNorm('P must deliver ‸'), 'norm - reference scope'],
      [inNorm('P must not deliver ‸'), 'norm - reference scope'],
      [inNorm('P must deliver ICT to ‸'), 'norm - reference party'],
    ]);
  });

  it('in a KPI: its keywords, comparators, frequencies, the owner and the scope', () => {
    const inKpi = (line: string): string => `${head}  kpi K "k" {\n    ${line}\n  }\n}\n`;
    expectAll([
      [inKpi('‸'), 'kpi - statement'],
      [inKpi('owner ‸'), 'kpi owner reference party'],
      [inKpi('scope ‸'), 'kpi scope reference scope'],
      [inKpi('target ‸'), 'kpi target comparator'],
      [inKpi('threshold ‸'), 'kpi threshold comparator'],
      [inKpi('measured ‸'), 'kpi measured frequency'],
    ]);
  });

  it('in a body: its keywords, parties, the scope and the band of an approval', () => {
    const inBody = (line: string): string => `${head}  body B "b" {\n    ${line}\n  }\n}\n`;
    expectAll([
      [inBody('‸'), 'body - statement'],
      [inBody('chair ‸'), 'body chair reference party'],
      [inBody('members P, ‸'), 'body members reference party'],
      [inBody('approves ‸'), 'body approves reference scope'],
      [inBody('approves ICT ‸'), 'body approves band'],
    ]);
  });

  it('keeps the cursor inside a block left open at the end of the file', () => {
    expectAll([
      [`${head}  obligation O "o" {\n    accountable ‸`, 'norm accountable reference party'],
      [`${head}  kpi K "k" {\n    ‸`, 'kpi - statement'],
      [`${head}  body B "b" {\n    chair P\n    ‸`, 'body - statement'],
    ]);
  });

  it('offers nothing inside comments and strings', () => {
    expectAll([
      [inNorm('accountable P // who ‸'), 'norm - none'],
      [inNorm('otherwise "the ‸'), 'norm - none'],
      [inNorm('/* accountable ‸'), 'norm - none'],
      [inPartnership('// scope ‸'), 'partnership - none'],
    ]);
  });

  it('says which part of the word is typed before the cursor', () => {
    assert.deepEqual(at(inNorm('accountable Pa‸')).typed.text, 'Pa');
    assert.deepEqual(at(inNorm('accountable ‸')).typed.text, '');
  });
});
