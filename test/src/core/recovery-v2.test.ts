// Recovery for the second version's lines: a broken line of any block gets exactly one P001, at
// the token where it goes wrong, naming what was expected there; the lines around it and the
// declaration's name still parse, so the rest of the file is checked as usual.
import * as assert from 'node:assert/strict';
import { parseDocument } from '../../../server/out/core/syntax/parse';
import { checkBody, covered } from '../helpers/program';

interface Case {
  readonly broken: string;
  /** The token the P001 covers. */
  readonly found: string;
  /** The whole message, or a pattern where the parser may list more than one reading. */
  readonly message: string | RegExp;
  readonly before?: string;
  readonly after?: string;
  /** The kind of the broken declaration when its keyword and name parsed: it stays declared. */
  readonly stays?: string;
}

interface Context {
  /** The declaration's header, or null for lines of the partnership itself. */
  readonly header: string | null;
  readonly before: string;
  readonly after: string;
  readonly cases: readonly Case[];
}

type Node = { readonly kind: string; readonly name?: { readonly text: string }; readonly block?: { readonly items: readonly { kind: string }[] } | null };

/** The partnership's units, or the items of the declaration under test, as parsed, without the broken stretches. */
function parsedKinds(text: string, header: string | null): { kinds: string[]; name: string | undefined } {
  const partnership = parseDocument('/t.partnership', text).ast.items[0] as unknown as { block: { units: { node: Node }[] } };
  const nodes = partnership.block.units.map((u) => u.node);
  if (header === null) return { kinds: nodes.slice(2).map((n) => n.kind).filter((k) => k !== 'Junk'), name: undefined };
  const declaration = nodes[2];
  return { kinds: (declaration.block?.items ?? []).map((i) => i.kind).filter((k) => k !== 'Junk'), name: declaration.name?.text };
}

const kindOf = (line: string, header: string | null): string => {
  const text = `partnership X "X" {\n  term 2010-01-01 to 2020-12-31\n  party A "A" as client\n  ${header === null ? line : `${header} {\n    ${line}\n  }`}\n}\n`;
  const { kinds } = parsedKinds(text, header);
  assert.equal(kinds.length, 1, `\`${line}\` parses on its own`);
  return kinds[0];
};

const contexts: Record<string, Context> = {
  'partnership lines': {
    header: null,
    before: 'event Go "Go live"',
    after: 'value £1bn "Stated value"',
    cases: [
      { broken: 'event "t"', found: '"t"', message: 'Expected a name after `event`, found `"t"`.' },
      { broken: 'event E "t" clause', found: 'value', message: 'Expected a quoted string after `clause`, found `value`.', stays: 'Event' },
      { broken: 'value 1bn', found: '1bn', message: 'Expected an amount of money such as `£200k` or `EUR 5000` after `value`, found `1bn`.' },
      { broken: 'objective cut costs', found: 'cut', message: 'Expected a quoted string after `objective`, found `cut`.' },
      { broken: 'calendar 2010', found: '2010', message: 'Expected a name after `calendar`, found `2010`.' },
      { broken: 'party G "G" as group of', found: 'value', message: 'Expected a name after `of`, found `value`.', stays: 'Party' },
      { broken: 'party J "J" as joint-venture of A 50%,', found: 'value', message: 'Expected a name after `50%,`, found `value`.', stays: 'Party' },
      { broken: 'note 1', found: '1', message: 'Expected a quoted string after `note`, found `1`.' },
    ],
  },
  'norm lines': {
    header: 'obligation O "o"',
    before: 'A must deliver "x" to A',
    after: 'clause "1"',
    cases: [
      { broken: 'due within 10 working days Go', found: 'Go', message: 'Expected `of` after `days`, found `Go`.' },
      { broken: 'due within ten days of Go', found: 'ten', message: 'Expected a duration such as `6 months` after `within`, found `ten`.' },
      { broken: 'due within 10 working days of', found: 'clause', message: 'Expected `start` or a name after `of`, found `clause`.' },
      { broken: 'due 12 months after expiry', found: 'after', message: 'Expected `before` after `months`, found `after`.' },
      { broken: 'due 12 months before end', found: 'end', message: 'Expected `expiry` after `before`, found `end`.' },
      { broken: 'when', found: 'clause', message: 'Expected a name after `when`, found `clause`.' },
      { broken: 'when Go,', found: 'clause', message: 'Expected a name after `Go,`, found `clause`.' },
      { broken: 'from "x"', found: '"x"', message: 'Expected a date (YYYY-MM-DD, YYYY-MM or YYYY), `start` or a name after `from`, found `"x"`.' },
      { broken: 'until start', found: 'start', message: 'Expected a date (YYYY-MM-DD, YYYY-MM or YYYY) or `expiry` after `until`, found `start`.' },
      { broken: 'amount 8m', found: '8m', message: 'Expected an amount of money such as `£200k` or `EUR 5000` after `amount`, found `8m`.' },
      { broken: 'endeavours hard', found: 'hard', message: 'Expected `reasonable`, `all-reasonable` or `best` after `endeavours`, found `hard`.' },
      { broken: 'notice six months', found: 'six', message: 'Expected a duration such as `6 months` after `notice`, found `six`.' },
      { broken: 'A, A must deliver "x" to A,', found: 'clause', message: 'Expected a name after `A,`, found `clause`.', before: 'note "joint"' },
      { broken: 'A cannot deliver "x"', found: 'cannot', message: 'Expected `must`, `may`, `must not` or `can` after `A`, found `cannot`.', before: 'note "modal"' },
    ],
  },
  'KPI lines': {
    header: 'kpi K "k"',
    before: 'owner A',
    after: 'measured monthly',
    cases: [
      { broken: 'target >= 99% from', found: 'measured', message: 'Expected a date (YYYY-MM-DD, YYYY-MM or YYYY) after `from`, found `measured`.' },
      { broken: 'baseline "measured in 2005"', found: '"measured in 2005"', message: 'Expected a value (a percentage, a number, a duration or an amount of money) after `baseline`, found `"measured in 2005"`.' },
      { broken: 'weight high', found: 'high', message: 'Expected a number after `weight`, found `high`.' },
      { broken: 'credit 2% of when < 99%', found: 'when', message: 'Expected a name after `of`, found `when`.' },
      { broken: 'credit 2% of C < 99%', found: '<', message: 'Expected `when` after `C`, found `<`.' },
      { broken: 'credit 2 when < 99%', found: '2', message: 'Expected an amount of money such as `£200k` or `EUR 5000` or a percentage such as `12%` after `credit`, found `2`.' },
      { broken: 'credit £5k when 8 hours', found: '8', message: 'Expected a comparison (`>=`, `<=`, `>`, `<` or `=`) after `when`, found `8`.' },
    ],
  },
  'body lines': {
    header: 'body Bd "b"',
    before: 'members A',
    after: 'chair A',
    cases: [
      { broken: 'meets 3 months', found: '3', message: 'Expected `every` after `meets`, found `3`.' },
      { broken: 'meets every month', found: 'month', message: 'Expected a duration such as `6 months` after `every`, found `month`.' },
      { broken: 'escalates-to', found: 'chair', message: 'Expected a name after `escalates-to`, found `chair`.' },
    ],
  },
  'charge lines': {
    header: 'charge C "c"',
    before: 'A pays A',
    after: 'clause "1"',
    cases: [
      { broken: 'A pays', found: 'clause', message: 'Expected a name after `pays`, found `clause`.', before: '£1m per year' },
      { broken: 'A A', found: 'A', message: 'Expected `pays` after `A`, found `A`.', before: '£1m per year' },
      // `per` may also be read as a payer's name (`per pays A`), so the message may name `pays` too.
      { broken: '£1m per', found: 'clause', message: /^Expected a unit such as `year`, `month` or `seat`( or `pays`)? after `per`, found `clause`\.$/ },
      { broken: '£1m per year from', found: 'clause', message: 'Expected a date (YYYY-MM-DD, YYYY-MM or YYYY) after `from`, found `clause`.' },
      { broken: '£1m per year until soon', found: 'soon', message: 'Expected a date (YYYY-MM-DD, YYYY-MM or YYYY) after `until`, found `soon`.' },
      { broken: '1m per year', found: '1m', message: /^Expected a line of the charge \(`<party> pays <party>`, an amount such as `£1m per year`, .*\) or `\}`, found `1m`\.$/ },
      { broken: 'indexed RPI', found: 'RPI', message: 'Expected a quoted string after `indexed`, found `RPI`.' },
      { broken: 'credit-cap 12%', found: 'clause', message: 'Expected `per` after `12%`, found `clause`.' },
      { broken: 'credit-cap 12% per decade', found: 'decade', message: 'Expected `year`, `quarter` or `month` after `per`, found `decade`.' },
      { broken: 'credit-cap twelve per year', found: 'twelve', message: 'Expected a percentage such as `12%` after `credit-cap`, found `twelve`.' },
      { broken: 'scope', found: 'clause', message: 'Expected a name after `scope`, found `clause`.' },
      { broken: 'note 5', found: '5', message: 'Expected a quoted string after `note`, found `5`.' },
    ],
  },
  'variation lines': {
    header: 'variation V "v"',
    before: 'agreed 2010-06-30',
    after: 'clause "1"',
    cases: [
      { broken: 'varies', found: 'clause', message: 'Expected a name after `varies`, found `clause`.' },
      { broken: 'agreed in June', found: 'in', message: 'Expected a date (YYYY-MM-DD, YYYY-MM or YYYY) after `agreed`, found `in`.', before: 'effective 2010-07-01' },
      { broken: 'note changes', found: 'changes', message: 'Expected a quoted string after `note`, found `changes`.' },
      { broken: 'effective 2010-6-30', found: '2010-6-30', message: 'Expected a date (YYYY-MM-DD, YYYY-MM or YYYY) after `effective`, found `2010-6-30`.' },
      { broken: 'term to', found: 'clause', message: 'Expected a date (YYYY-MM-DD, YYYY-MM or YYYY) after `to`, found `clause`.' },
      { broken: 'term 2021-03-31', found: '2021-03-31', message: 'Expected `to` after `term`, found `2021-03-31`.' },
      { broken: 'extend to 2021-03-31', found: 'extend', message: /^Expected a change of the variation \(`varies`, .*, `term to`\) or `\}`, found `extend`\.$/ },
      { broken: 'ends exclusive A S', found: 'S', message: 'Expected `over` after `A`, found `S`.' },
      { broken: 'ends exclusive A over', found: 'clause', message: 'Expected a name after `over`, found `clause`.' },
      { broken: 'ends open', found: 'clause', message: 'Expected a name after `open`, found `clause`.' },
      { broken: 'ends', found: 'clause', message: 'Expected `exclusive`, `open` or a name after `ends`, found `clause`.' },
      { broken: 'returns S to', found: 'clause', message: 'Expected a name after `to`, found `clause`.' },
      { broken: 'returns', found: 'clause', message: 'Expected a name after `returns`, found `clause`.' },
    ],
  },
};

describe('recovery in the second version’s lines', () => {
  for (const [title, context] of Object.entries(contexts)) {
    describe(title, () => {
      for (const c of context.cases) {
        it(`\`${c.broken}\`: one P001 at \`${c.found}\`, and the lines around it still parse`, () => {
          const before = c.before ?? context.before;
          const after = c.after ?? context.after;
          const lines = [before, c.broken, after];
          const body = context.header === null ? lines.map((l) => `  ${l}`).join('\n') : `  ${context.header} {\n${lines.map((l) => `    ${l}`).join('\n')}\n  }`;
          const text = `partnership X "X" {\n  term 2010-01-01 to 2020-12-31\n  party A "A" as client\n${body}\n}\n`;
          const diagnostics = parseDocument('/t.partnership', text).diagnostics;
          assert.equal(diagnostics.length, 1, diagnostics.map((d) => d.message).join('\n'));
          assert.equal(covered(text, diagnostics[0]), c.found);
          if (typeof c.message === 'string') assert.equal(diagnostics[0].message, c.message);
          else assert.match(diagnostics[0].message, c.message);
          const parsed = parsedKinds(text, context.header);
          const expected = [before, after].map((line) => kindOf(line, context.header));
          assert.deepEqual(parsed.kinds, c.stays ? [expected[0], c.stays, expected[1]] : expected);
          if (context.header !== null) assert.equal(parsed.name, context.header.split(' ')[1]);
        });
      }
    });
  }

  it('keeps events, charges and variations declared when their header or a line is broken, so references to them resolve', () => {
    const c = checkBody([
      '  scope S "S"',
      '  event Go "Go live" clause',
      '  charge Core "Core charge" £1m {',
      '    A pays B',
      '    £1m per year',
      '  }',
      '  charge Other "Other charge" {',
      '    A pays B',
      '    £1m per year',
      '    credit-cap 12% per decade',
      '  }',
      '  kpi K "k" { owner B target >= 99% credit 2% of Core when < 98% measured monthly }',
      '  obligation O "o" {',
      '    B must deliver S to A',
      '    due within 10 working days of Go',
      '    measured-by K',
      '  }',
      '  variation Ends "Ends the duty" now {',
      '    agreed 2015-06-30',
      '    ends O',
      '  }',
      '  variation Moves "Moves the work" {',
      '    agreed 2015-06-30',
      '    ends exclusive B S',
      '  }',
    ].join('\n'));
    const errors = c.diagnostics('test.partnership').filter((d) => d.severity === 'error');
    // One P001 per broken line; the checks of what the broken lines leave out (a charge with no
    // amount, a variation with no date) may report too, but no reference goes unresolved.
    assert.deepEqual(errors.filter((d) => d.code === 'P001').map((d) => covered(c.text, d)), ['charge', '£1m', 'decade', 'now', 'S']);
    assert.deepEqual(errors.filter((d) => d.code === 'P101' || d.code === 'P103'), []);
    const declared = c.program.files.get(c.path('test.partnership'))!.declarations.topLevel;
    for (const name of ['Go', 'Core', 'Other', 'Ends', 'Moves']) assert.ok(declared.has(name), name);
  });
});
