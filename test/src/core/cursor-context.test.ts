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
  const slot = c.slot.kind === 'reference'
    ? `reference ${c.slot.expects}${c.slot.words ? ` +${c.slot.words.join('/')}` : ''}`
    : c.slot.kind === 'member' ? `member ${c.slot.qualifier}` : c.slot.kind === 'words' ? `words ${c.slot.words.join('/')}` : c.slot.kind;
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
      [inNorm('due ‸'), 'norm due deadline'],
      [inNorm('due 2015-11 ‸'), 'norm - statement'],
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

  it('in the second version\'s norm lines: deadlines, events, windows, endeavours, joint subjects and beneficiaries', () => {
    expectAll([
      [inNorm('due within ‸'), 'norm due none'],
      [inNorm('due within 10 working days ‸'), 'norm due words of'],
      [inNorm('due within 10 working days of ‸'), 'norm due reference anchor +start'],
      [inNorm('due within 10 working days of Bre‸'), 'norm due reference anchor +start'],
      [inNorm('due 12 months ‸'), 'norm due words before'],
      [inNorm('due 12 months before ‸'), 'norm due words expiry'],
      [inNorm('when ‸'), 'norm when reference event'],
      [inNorm('when Breach, ‸'), 'norm when reference event'],
      [inNorm('from ‸'), 'norm from reference event +start'],
      [inNorm('until ‸'), 'norm until words expiry'],
      // `from` and `until` are lines of the norm, also when written after `every`.
      [inNorm('every 1 month ‸'), 'norm - statement'],
      [inNorm('every 1 month from ‸'), 'norm from reference event +start'],
      [inNorm('every 1 month from GoLive until ‸'), 'norm until words expiry'],
      [inNorm('endeavours ‸'), 'norm endeavours words reasonable/all-reasonable/best'],
      [inNorm('notice ‸'), 'norm notice none'],
      [inNorm('amount ‸'), 'norm amount none'],
      [`${head}  obligation O "o" {\n    P, ‸\n  }\n}\n`, 'norm - reference party'],
      [`${head}  obligation O "o" {\n    P, Q ‸\n  }\n}\n`, 'norm - modal'],
      [inNorm('P, Q must deliver "x" to R, ‸'), 'norm - reference party'],
      [inNorm('P can terminate ‸'), 'norm - reference scope'],
    ]);
  });

  it('in the second version\'s other lines: parents with shares, calendars, credits, bodies, charges and variations', () => {
    const inBlock = (declaration: string, line: string): string => `${head}  ${declaration} {\n    ${line}\n  }\n}\n`;
    expectAll([
      [inPartnership('party J "J" as joint-venture of P 19.9%, ‸'), 'partnership party reference party'],
      [inPartnership('party G "G" as group of P, ‸'), 'partnership party reference party'],
      [inPartnership('calendar ‸'), 'partnership calendar words england-and-wales/scotland/northern-ireland/weekdays'],
      [inPartnership('value ‸'), 'partnership value none'],
      [inBlock('kpi K "k"', 'credit 2% of ‸'), 'kpi credit reference charge'],
      [inBlock('kpi K "k"', 'credit 2% of C when ‸'), 'kpi credit comparator'],
      [inBlock('kpi K "k"', 'credit £5k when ‸'), 'kpi credit comparator'],
      [inBlock('body B "b"', 'escalates-to ‸'), 'body escalates-to reference body'],
      [inBlock('body B "b"', 'meets ‸'), 'body meets words every'],
      [inBlock('charge C "c"', '‸'), 'charge - statement'],
      [inBlock('charge C "c"', 'P ‸'), 'charge - words pays'],
      [inBlock('charge C "c"', 'P pays ‸'), 'charge - reference party'],
      // Three capitals are a party's name unless a number follows (`EUR 2m`).
      [inBlock('charge C "c"', 'BCC ‸'), 'charge - words pays'],
      [inBlock('charge C "c"', 'EUR 2m per ‸'), 'charge - words year/quarter/month/week/day'],
      [inBlock('charge C "c"', '£35 per ‸'), 'charge - words year/quarter/month/week/day'],
      [inBlock('charge C "c"', '£35 per seat ‸'), 'charge - statement'],
      [inBlock('charge C "c"', '£100m per year from ‸'), 'charge - none'],
      [inBlock('charge C "c"', 'scope ‸'), 'charge scope reference scope'],
      [inBlock('charge C "c"', 'credit-cap 12% per ‸'), 'charge credit-cap words year/quarter/month'],
      [inBlock('variation V "v"', '‸'), 'variation - statement'],
      [inBlock('variation V "v"', 'varies ‸'), 'variation varies reference partnership'],
      [inBlock('variation V "v"', 'ends ‸'), 'variation ends reference endable +exclusive/open'],
      // An `ends exclusive` or `ends open` broken before its name stays in the variation's block.
      [inBlock('variation V "v"', 'ends exclusive ‸'), 'variation ends reference party'],
      [inBlock('variation V "v"', 'ends exclusive P over ‸'), 'variation ends reference scope'],
      [inBlock('variation V "v"', 'ends open ‸'), 'variation ends reference scope'],
      [inBlock('variation V "v"', 'returns ‸'), 'variation returns reference scope'],
      [inBlock('variation V "v"', 'returns ICT to ‸'), 'variation returns reference party'],
      [inBlock('variation V "v"', 'agreed ‸'), 'variation agreed none'],
      [`${head}  charge C "c" {\n    P pays ‸`, 'charge - reference party'],
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
