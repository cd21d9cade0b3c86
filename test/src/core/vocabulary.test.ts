// The vocabulary (server/src/core/language/vocabulary.ts) and the grammar say the same thing:
// the same reserved words, the same keywords starting a statement in each block, the same
// words elsewhere, and the same white space. Each is asked of the generated parser itself.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as generatedParse, SyntaxError as GeneratedSyntaxError } from '../../../server/generated/parser';
import { piecesOf } from '../../../server/out/core/format/pieces';
import { nameProblem } from '../../../server/out/core/language/names';
import {
  ANCHORS, BANDS, BLOCK_CONTEXTS, CALENDARS, CAP_PERIODS, CONNECTIVES, DURATION_UNITS, ENDEAVOURS, FREQUENCIES, isBlankCode, KEYWORD_DOCS,
  KEYWORDS, MODALS, MONEY_SCALES, RESERVED_WORDS, ROLES, STATEMENT_KEYWORDS,
} from '../../../server/out/core/language/vocabulary';
import { parseDocument } from '../../../server/out/core/syntax/parse';
import { skipTrivia, tokenBefore } from '../../../server/out/core/syntax/tokens';

const grammar = fs.readFileSync(path.resolve(__dirname, '../../../grammar/partnership.peggy'), 'utf8');

/** Whether the generated parser reads all of `text` with a start rule. */
function parses(text: string, options: Record<string, unknown>): boolean {
  try {
    generatedParse(text, options);
    return true;
  } catch (error) {
    if (error instanceof GeneratedSyntaxError) return false;
    throw error;
  }
}

/** The words of the grammar's own `RESERVED` set, read from its initializer. */
function grammarReserved(): string[] {
  const body = /const RESERVED = new Set\(\[([^\]]*)\]\)/.exec(grammar);
  assert.ok(body, 'the grammar declares its reserved words in `const RESERVED = new Set([...])`');
  return [...body[1].matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

/**
 * Every word the grammar's rules match literally (`"due"`), outside its code blocks and apart
 * from the one-letter look-aheads that choose a statement by its keyword's first letter.
 */
function grammarWords(): Set<string> {
  const rules = grammar.slice(grammar.indexOf('\nFile\n'));
  return new Set([...rules.matchAll(/(?<!&)"([a-z][a-z-]*)"/g)].map((m) => m[1]));
}

const startsStatement = (text: string, context: string): boolean => parses(text, { startRule: 'StartsStatement', context });
const isName = (word: string): boolean => parses(word, { startRule: 'NameOnly' });

describe('the vocabulary agrees with the grammar', () => {
  const wordsOfVocabulary = [
    ...Object.values(STATEMENT_KEYWORDS).flat(), ...CONNECTIVES, ...ROLES, ...MODALS.flatMap((m) => m.split(' ')),
    ...FREQUENCIES, ...Object.keys(DURATION_UNITS).flatMap((u) => u.split(' ')), ...MONEY_SCALES, ...BANDS.flatMap((b) => b.split(' ')),
    ...ANCHORS, ...ENDEAVOURS, ...CALENDARS, ...CAP_PERIODS,
  ];

  it('reserves the words the grammar reserves, no more and no fewer', () => {
    assert.deepEqual([...RESERVED_WORDS].sort(), grammarReserved().sort());
  });

  it('has the parser refuse exactly the reserved words as names', () => {
    const candidates = new Set([...grammarReserved(), ...grammarWords(), ...wordsOfVocabulary, 'Board', 'measured-by-x', 'scoped']);
    for (const word of candidates) {
      assert.equal(isName(word), !RESERVED_WORDS.has(word), `\`${word}\` ${RESERVED_WORDS.has(word) ? 'is reserved but the parser reads it as a name' : 'is refused as a name but not reserved'}`);
    }
  });

  it('lists for each block exactly the keywords that start a statement there', () => {
    const candidates = [...grammarWords(), ...wordsOfVocabulary];
    for (const context of BLOCK_CONTEXTS) {
      for (const word of STATEMENT_KEYWORDS[context]) assert.ok(startsStatement(`${word} `, context), `\`${word}\` does not start a statement in ${context}`);
      const starting = candidates.filter((word) => startsStatement(`${word} `, context));
      assert.deepEqual([...new Set(starting)].sort(), [...STATEMENT_KEYWORDS[context]].sort(), context);
    }
  });

  it('holds every word the grammar matches, and the grammar reads each closed set in its place', () => {
    const known = new Set(wordsOfVocabulary);
    for (const word of grammarWords()) assert.ok(known.has(word), `the grammar's \`${word}\` is not in the vocabulary`);
    const clean = (body: string): boolean => {
      const text = `partnership X "X" {\n  term 2010-01-01 to 2020-12-31\n  party A "A" as client\n${body}\n}\n`;
      return parseDocument('/v.partnership', text).diagnostics.every((d) => d.code !== 'P001');
    };
    for (const f of FREQUENCIES) assert.ok(clean(`  kpi K "k" { measured ${f} }`), f);
    for (const unit of Object.keys(DURATION_UNITS)) assert.ok(clean(`  obligation O "o" { A must do "x" every 2 ${unit} }`), unit);
    for (const modal of MODALS) assert.ok(clean(`  obligation O "o" { A ${modal} do "x" }`), modal);
    for (const level of ENDEAVOURS) assert.ok(clean(`  obligation O "o" { A must do "x" endeavours ${level} }`), level);
    for (const calendar of CALENDARS) assert.ok(clean(`  calendar ${calendar}`), calendar);
    for (const period of CAP_PERIODS) assert.ok(clean(`  charge C "c" { A pays A  £1m per ${period}  credit-cap 10% per ${period} }`), period);
    assert.deepEqual([...ANCHORS].sort(), ['expiry', 'start']);
    assert.ok(clean(`  obligation O "o" { A must do "x" due within 2 days of start }`), 'start');
    assert.ok(clean(`  obligation O "o" { A must do "x" due 2 months before expiry }`), 'expiry');
    for (const band of ['above £1k', 'up to £1k', 'from £1k to £2k', 'any']) assert.ok(clean(`  scope S "s"\n  body B "b" { approves S ${band} }`), band);
    assert.deepEqual(BANDS.map((b) => b.split(' ')[0]).sort(), ['above', 'any', 'from', 'up']);
  });

  it('documents every keyword, and only words of the vocabulary', () => {
    const documented = new Set([...wordsOfVocabulary.filter((w) => !(MONEY_SCALES as readonly string[]).includes(w) && w !== 'not'), ...MODALS]);
    assert.deepEqual([...KEYWORDS].sort(), [...documented].sort());
    for (const word of KEYWORDS) assert.match(KEYWORD_DOCS[word], /^\S.*\.$/, word);
  });

  it('judges names as the parser does, and says why one is refused', () => {
    assert.equal(nameProblem('ClientTeam'), null);
    assert.equal(nameProblem('over'), null, 'a keyword that starts no statement may be a name');
    assert.equal(nameProblem('measured-by'), 'reserved');
    assert.equal(nameProblem('9lives'), 'malformed');
    assert.equal(nameProblem('Two words'), 'malformed');
    assert.equal(nameProblem(''), 'malformed');
  });
});

describe('white space', () => {
  // The grammar's probe for a file reads `import <blank> "x"` only when the character between
  // is white space to it (a probe has no recovery, so anything else fails).
  const grammarBlank = (c: string): boolean => parses(`import${c}"x"`, { startRule: 'FileProbe' });
  const tokenizerBlank = (c: string): boolean => skipTrivia(`${c}x`, 0) === 1 && tokenBefore(`x${c}`, 2, 0)?.end === 1;
  const formatterBlank = (c: string): boolean => {
    const pieces = piecesOf(`a${c}b`);
    return pieces.length === 2 && pieces[1].start === 2;
  };

  it('is the same set of characters to the grammar, the tokenizer, the formatter and the vocabulary', () => {
    const blank: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      const verdicts = [grammarBlank(c), tokenizerBlank(c), formatterBlank(c), isBlankCode(code)];
      if (verdicts.some(Boolean)) {
        assert.deepEqual(verdicts, [true, true, true, true], `U+${code.toString(16).toUpperCase().padStart(4, '0')} (grammar, tokenizer, formatter, vocabulary)`);
        blank.push(code);
      }
    }
    assert.deepEqual(blank, [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x2028, 0x2029, 0xfeff]);
  });
});
