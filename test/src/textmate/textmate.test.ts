// Tests of the editor's colouring and editing files: the TextMate grammar
// (syntaxes/partnership.tmLanguage.json) run by the engine VS Code uses, the snippets, and the
// language configuration. Every line tokenized here is real .partnership text.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { COMPARATORS, DURATION_UNITS, FREQUENCIES, MODALS, ROLES, STATEMENT_KEYWORDS } from '../../../server/out/core/language/vocabulary';
import {
  bodyOf, choices, configurationPath, fillDefaults, foreignScopes, scopeOf, snippetFor, snippets, tokenize, tokenizeLines,
  unrecognised, useGrammar, type Token,
} from '../helpers/textmate';

/** A contract written for these tests, using every construct of the language. */
const CONTRACT = `import "shared/estates.partnership"

/// Highways maintenance for a county council, let to a contractor for ten years.
/* Figures are illustrative;
   the clause numbers follow the 2019 agreement. */
partnership Highways "Northshire Highways Maintenance Contract" {
  term 2019-04-01 to 2029-03-31
  source "Highways Term Maintenance Contract, 2019, \\"as amended\\""

  party NCC "Northshire County Council" as client
  party Roads "Roads Ltd" as supplier
  party HJV "Highways Joint Venture" as joint-venture of NCC, Roads
  party Client-Team "Highways client team" as client-function of NCC
  party Lights "Street Lighting plc" as subcontractor
  party ORR "Office of Rail and Road" as regulator
  party Parish "Parish councils" as partner

  scope Network "Road network" {
    covers "All adopted roads, footways and verges"
    scope Carriageway "Carriageway repairs" { scope Potholes "Pothole repairs" }
    scope Winter "Winter service"
  }
  scope Schemes "Improvement schemes"

  exclusive HJV over Network except Network.Winter from 2019-04-01 to 2024-03-31 clause "3.1"
  open Schemes clause "3.2"
  interface Schemes with Network.Carriageway "new schemes join the repaired network"

  obligation Repairs "Repair potholes" {
    HJV must repair Network.Carriageway.Potholes to NCC
    every 1 month from 2019-05-01
    accountable Client-Team
    consulted Parish
    informed ORR, Lights
    measured-by Response, Spend
    otherwise "deduction from the monthly payment"
    clause "5.4"
  }
  obligation Plan "Winter plan" {
    HJV must publish "the winter service plan" to NCC
    scope Network.Winter
    due 2019-10-01
  }
  permission Compete "Compete improvement schemes" { NCC may procure Schemes }
  prohibition NoSublet "No subletting of winter service" {
    HJV must not sublet Network.Winter
  }

  kpi Response "Emergency response" {
    owner HJV
    scope Network
    target >= 98.5%
    threshold < 95% otherwise "service credit"
    measured every 2 weeks
  }
  kpi Spend "Reactive spend" { owner NCC target <= £1.5m threshold > GBP 2000000 measured quarterly }
  kpi Claims "Insurance claims" { target <= 40 threshold > 60 measured yearly }
  kpi Count "Defects" { owner HJV target = 0 measured daily }
  kpi Bins "Bins emptied" { owner HJV target >= 99% measured weekly }

  body Board "Highways Board" {
    chair NCC
    members NCC, HJV, Client-Team
    approves Schemes above £250,000
    approves Schemes from EUR 5k to £250,000
    approves Network up to USD 1bn
    approves Network.Winter any
  }
}
`;

describe('TextMate grammar', () => {
  useGrammar();

  describe('comments', () => {
    it('scopes a line comment with its // marked', () => {
      assert.deepEqual(tokenize('// figures from the 2015 report'), [
        ['//', 'comment.line.double-slash punctuation.definition.comment'],
        [' figures from the 2015 report', 'comment.line.double-slash'],
      ]);
    });

    it('gives a doc comment its own scope, with /// marked', () => {
      assert.deepEqual(tokenize('/// The client authority.'), [
        ['///', 'comment.line.documentation punctuation.definition.comment'],
        [' The client authority.', 'comment.line.documentation'],
      ]);
    });

    it('treats four slashes as a plain comment', () => {
      assert.deepEqual(tokenize('//// old text'), [
        ['//', 'comment.line.double-slash punctuation.definition.comment'],
        ['// old text', 'comment.line.double-slash'],
      ]);
    });

    it('ends a line comment that follows code at the end of the line', () => {
      assert.deepEqual(tokenizeLines('open ICT.Projects // the market may compete\nopen ICT.Web'), [
        [
          ['open', 'keyword.declaration'],
          ['ICT', 'variable.other'],
          ['.', 'punctuation.accessor'],
          ['Projects', 'variable.other'],
          ['//', 'comment.line.double-slash punctuation.definition.comment'],
          [' the market may compete', 'comment.line.double-slash'],
        ],
        [
          ['open', 'keyword.declaration'],
          ['ICT', 'variable.other'],
          ['.', 'punctuation.accessor'],
          ['Web', 'variable.other'],
        ],
      ]);
    });

    it('runs a block comment across lines and resumes code after it', () => {
      assert.deepEqual(tokenizeLines('/* KPI figures\n   are illustrative */ kpi Disputes'), [
        [
          ['/*', 'comment.block punctuation.definition.comment.begin'],
          [' KPI figures', 'comment.block'],
        ],
        [
          ['   are illustrative ', 'comment.block'],
          ['*/', 'comment.block punctuation.definition.comment.end'],
          ['kpi', 'keyword.declaration'],
          ['Disputes', 'entity.name.function.kpi'],
        ],
      ]);
    });

    it('does not start a comment inside a string', () => {
      assert.deepEqual(tokenize('source "https://example.org/contract"'), [
        ['source', 'keyword.other'],
        ['"', 'string.quoted.double punctuation.definition.string.begin'],
        ['https://example.org/contract', 'string.quoted.double'],
        ['"', 'string.quoted.double punctuation.definition.string.end'],
      ]);
    });
  });

  describe('declarations', () => {
    it('scopes import and its path', () => {
      assert.deepEqual(tokenize('import "catalogue.partnership"'), [
        ['import', 'keyword.declaration'],
        ['"', 'string.quoted.double punctuation.definition.string.begin'],
        ['catalogue.partnership', 'string.quoted.double'],
        ['"', 'string.quoted.double punctuation.definition.string.end'],
      ]);
    });

    const named: ReadonlyArray<readonly [line: string, keyword: string, name: string, nameScope: string]> = [
      ['partnership ServiceBirmingham "Service Birmingham" {', 'partnership', 'ServiceBirmingham', 'entity.name.namespace'],
      ['party BCC "Birmingham City Council" as client', 'party', 'BCC', 'entity.name.type.party'],
      ['scope Core "ICT core services" {', 'scope', 'Core', 'entity.name.type.scope'],
      ['obligation UserForecast "Forecast ICT user changes" {', 'obligation', 'UserForecast', 'entity.name.function.norm'],
      ['permission MarketTest "Compete projects on the open market" {', 'permission', 'MarketTest', 'entity.name.function.norm'],
      ['prohibition NoResale "No resale of council data" {', 'prohibition', 'NoResale', 'entity.name.function.norm'],
      ['kpi Availability "Core service availability" {', 'kpi', 'Availability', 'entity.name.function.kpi'],
      ['body ProgrammeBoard "ICT Programme Board" {', 'body', 'ProgrammeBoard', 'entity.name.type.body'],
    ];
    for (const [line, keyword, name, nameScope] of named) {
      it(`scopes ${keyword} and the name it declares`, () => {
        assert.deepEqual(tokenize(line).slice(0, 2), [
          [keyword, 'keyword.declaration'],
          [name, nameScope],
        ]);
      });
    }

    it('scopes exclusive, open and interface, whose names are references', () => {
      assert.deepEqual(tokenize('exclusive SB over ICT.Core'), [
        ['exclusive', 'keyword.declaration'],
        ['SB', 'variable.other'],
        ['over', 'keyword.other'],
        ['ICT', 'variable.other'],
        ['.', 'punctuation.accessor'],
        ['Core', 'variable.other'],
      ]);
      assert.deepEqual(tokenize('open Projects clause "2.3.1"').slice(0, 3), [
        ['open', 'keyword.declaration'],
        ['Projects', 'variable.other'],
        ['clause', 'keyword.other'],
      ]);
      assert.deepEqual(tokenize('interface Projects with Core "plug in and play"').slice(0, 4), [
        ['interface', 'keyword.declaration'],
        ['Projects', 'variable.other'],
        ['with', 'keyword.other'],
        ['Core', 'variable.other'],
      ]);
    });

    it('reads scope without a title as the reference line of a norm or KPI', () => {
      assert.deepEqual(tokenize('scope Work'), [
        ['scope', 'keyword.other'],
        ['Work', 'variable.other'],
      ]);
      assert.deepEqual(tokenize('scope ICT.Projects').slice(0, 2), [
        ['scope', 'keyword.other'],
        ['ICT', 'variable.other'],
      ]);
    });
  });

  describe('statement keywords', () => {
    const lines: ReadonlyArray<readonly [line: string, keywords: readonly string[]]> = [
      ['term 2006-04-01 to 2021-03-31', ['term', 'to']],
      ['source "Strategic Partnership Agreement, 2006"', ['source']],
      ['party SB "Service Birmingham Ltd" as joint-venture of BCC, Capita', ['as', 'of']],
      ['covers "Telephony and associated services"', ['covers']],
      ['exclusive SB over ICT except ICT.Projects, ICT.Web from 2006-04-01 clause "2.3.1"', ['over', 'except', 'from', 'clause']],
      ['interface ICT.Projects with ICT.Core', ['with']],
      ['due 2015-11-30', ['due']],
      ['every 6 months from 2006-10-01', ['every', 'from']],
      ['accountable ICF', ['accountable']],
      ['consulted SB, ICF', ['consulted']],
      ['informed SB', ['informed']],
      ['measured-by Availability, Disputes', ['measured-by']],
      ['otherwise "six-month delay to any reduction in overall costs"', ['otherwise']],
      ['owner SB', ['owner']],
      ['target >= 99.5%', ['target']],
      ['threshold < 98% otherwise "service credit"', ['threshold', 'otherwise']],
      ['measured monthly', ['measured']],
      ['chair BCC', ['chair']],
      ['members BCC, SB, ICF', ['members']],
      ['approves ICT.Projects above £200k', ['approves', 'above']],
      ['approves ICT.Projects up to £200k', ['up to']],
      ['approves ICT.Projects from £500k to £2m', ['from', 'to']],
      ['approves ICT.Apps any', ['any']],
      ['scope ICT.Core', ['scope']],
    ];
    for (const [line, keywords] of lines) {
      it(`scopes ${keywords.join(', ')} in: ${line}`, () => {
        for (const keyword of keywords) assert.equal(scopeOf(line, keyword), 'keyword.other', keyword);
      });
    }

    it('matches keywords only as whole words', () => {
      assert.deepEqual(tokenize('accountable dueDate'), [
        ['accountable', 'keyword.other'],
        ['dueDate', 'variable.other'],
      ]);
      assert.deepEqual(tokenize('chair Board'), [
        ['chair', 'keyword.other'],
        ['Board', 'variable.other'],
      ]);
      assert.deepEqual(tokenize('members owners, to-do, due_1, over2'), [
        ['members', 'keyword.other'],
        ['owners', 'variable.other'],
        [',', 'punctuation.separator.comma'],
        ['to-do', 'variable.other'],
        [',', 'punctuation.separator.comma'],
        ['due_1', 'variable.other'],
        [',', 'punctuation.separator.comma'],
        ['over2', 'variable.other'],
      ]);
    });

    it('keeps measured-by whole and distinct from measured, and gives the KPIs it names the KPI colour', () => {
      assert.deepEqual(tokenize('measured-by Availability'), [
        ['measured-by', 'keyword.other'],
        ['Availability', 'entity.name.function.kpi'],
      ]);
      assert.deepEqual(tokenize('measured-by Availability, Catalogue.Savings clause "R04"').slice(0, 8), [
        ['measured-by', 'keyword.other'],
        ['Availability', 'entity.name.function.kpi'],
        [',', 'punctuation.separator.comma'],
        ['Catalogue', 'entity.name.function.kpi'],
        ['.', 'punctuation.accessor'],
        ['Savings', 'entity.name.function.kpi'],
        ['clause', 'keyword.other'],
        ['"', 'string.quoted.double punctuation.definition.string.begin'],
      ]);
    });
  });

  describe('norms', () => {
    it('scopes must, its subject, verb and beneficiary', () => {
      assert.deepEqual(tokenize('BCC must provide "the volume of forecast ICT user changes" to SB'), [
        ['BCC', 'variable.other'],
        ['must', 'keyword.control.modal.obligation'],
        ['provide', 'entity.name.function.verb'],
        ['"', 'string.quoted.double punctuation.definition.string.begin'],
        ['the volume of forecast ICT user changes', 'string.quoted.double'],
        ['"', 'string.quoted.double punctuation.definition.string.end'],
        ['to', 'keyword.other'],
        ['SB', 'variable.other'],
      ]);
    });

    it('scopes may', () => {
      assert.deepEqual(tokenize('BCC may procure ICT.Projects'), [
        ['BCC', 'variable.other'],
        ['may', 'keyword.control.modal.permission'],
        ['procure', 'entity.name.function.verb'],
        ['ICT', 'variable.other'],
        ['.', 'punctuation.accessor'],
        ['Projects', 'variable.other'],
      ]);
    });

    it('scopes must not as one token', () => {
      assert.deepEqual(tokenize('SB must not sell "council data"').slice(0, 3), [
        ['SB', 'variable.other'],
        ['must not', 'keyword.control.modal.prohibition'],
        ['sell', 'entity.name.function.verb'],
      ]);
    });

    it('does not read must notify as must not', () => {
      assert.deepEqual(tokenize('SB must notify ORR').slice(0, 3), [
        ['SB', 'variable.other'],
        ['must', 'keyword.control.modal.obligation'],
        ['notify', 'entity.name.function.verb'],
      ]);
    });
  });

  describe('party roles', () => {
    for (const role of ROLES) {
      it(`scopes the role ${role} as one token`, () => {
        assert.deepEqual(tokenize(`party X "X Ltd" as ${role}`).slice(-2), [
          ['as', 'keyword.other'],
          [role, 'constant.language.role'],
        ]);
      });
    }

    it('leaves a word that is not a role as an identifier', () => {
      assert.deepEqual(tokenize('party C "Gamma" as vendor').slice(-2), [
        ['as', 'keyword.other'],
        ['vendor', 'variable.other'],
      ]);
    });
  });

  describe('literals', () => {
    it('scopes a date', () => {
      assert.deepEqual(tokenize('due 2015-11-30'), [
        ['due', 'keyword.other'],
        ['2015-11-30', 'constant.numeric.date'],
      ]);
    });

    it('scopes durations, singular and plural, with the unit marked', () => {
      assert.deepEqual(tokenize('every 6 months from 2006-10-01'), [
        ['every', 'keyword.other'],
        ['6 ', 'constant.numeric.duration'],
        ['months', 'constant.numeric.duration keyword.other.unit.duration'],
        ['from', 'keyword.other'],
        ['2006-10-01', 'constant.numeric.date'],
      ]);
      for (const [amount, unit] of Object.keys(DURATION_UNITS).map((u) => [u.endsWith('s') ? '30' : '1', u])) {
        assert.deepEqual(tokenize(`every ${amount} ${unit}`).slice(1), [
          [`${amount} `, 'constant.numeric.duration'],
          [unit, 'constant.numeric.duration keyword.other.unit.duration'],
        ]);
      }
    });

    const currency = (text: string): Token => [text, 'constant.numeric.money keyword.other.unit.currency'];
    const amount = (text: string): Token => [text, 'constant.numeric.money'];
    const multiplier = (text: string): Token => [text, 'constant.numeric.money keyword.other.unit.multiplier'];
    const money: ReadonlyArray<readonly [text: string, tokens: Token[]]> = [
      ['£0', [currency('£'), amount('0')]],
      ['£250', [currency('£'), amount('250')]],
      ['£200k', [currency('£'), amount('200'), multiplier('k')]],
      ['£1.5m', [currency('£'), amount('1.5'), multiplier('m')]],
      ['£200,000', [currency('£'), amount('200,000')]],
      ['GBP 200000', [currency('GBP'), amount(' 200000')]],
      ['EUR 5k', [currency('EUR'), amount(' 5'), multiplier('k')]],
      ['USD 1bn', [currency('USD'), amount(' 1'), multiplier('bn')]],
    ];
    for (const [text, tokens] of money) {
      it(`scopes ${text} as money with its currency marked`, () => {
        assert.deepEqual(tokenize(`target <= ${text}`).slice(2), tokens);
      });
    }

    it('does not take a three-letter name followed by a word for a currency', () => {
      assert.deepEqual(tokenize('chair BCC'), [
        ['chair', 'keyword.other'],
        ['BCC', 'variable.other'],
      ]);
    });

    it('scopes a percentage with % marked', () => {
      assert.deepEqual(tokenize('target >= 99.5%'), [
        ['target', 'keyword.other'],
        ['>=', 'keyword.operator.comparison'],
        ['99.5', 'constant.numeric.percentage'],
        ['%', 'constant.numeric.percentage keyword.other.unit.percent'],
      ]);
    });

    it('scopes plain numbers', () => {
      assert.deepEqual(tokenize('target <= 2').slice(2), [['2', 'constant.numeric.decimal']]);
      assert.deepEqual(tokenize('target <= 0.5').slice(2), [['0.5', 'constant.numeric.decimal']]);
    });

    for (const comparator of COMPARATORS) {
      it(`scopes the comparator ${comparator} as one token`, () => {
        assert.deepEqual(tokenize(`threshold ${comparator} 6 otherwise "escalation"`).slice(0, 3), [
          ['threshold', 'keyword.other'],
          [comparator, 'keyword.operator.comparison'],
          ['6', 'constant.numeric.decimal'],
        ]);
      });
    }

    for (const frequency of FREQUENCIES) {
      it(`scopes the frequency ${frequency}`, () => {
        assert.deepEqual(tokenize(`measured ${frequency}`), [
          ['measured', 'keyword.other'],
          [frequency, 'constant.language.frequency'],
        ]);
      });
    }
  });

  describe('strings', () => {
    it('scopes \\" and \\\\ as escapes', () => {
      assert.deepEqual(tokenize('covers "the \\"core\\" estate \\\\ offices"'), [
        ['covers', 'keyword.other'],
        ['"', 'string.quoted.double punctuation.definition.string.begin'],
        ['the ', 'string.quoted.double'],
        ['\\"', 'string.quoted.double constant.character.escape'],
        ['core', 'string.quoted.double'],
        ['\\"', 'string.quoted.double constant.character.escape'],
        [' estate ', 'string.quoted.double'],
        ['\\\\', 'string.quoted.double constant.character.escape'],
        [' offices', 'string.quoted.double'],
        ['"', 'string.quoted.double punctuation.definition.string.end'],
      ]);
    });

    it('marks an escape the language does not have', () => {
      assert.equal(scopeOf('covers "a\\nb"', '\\n'), 'string.quoted.double invalid.illegal.unknown-escape');
    });

    it('ends an unterminated string at the end of its line', () => {
      assert.deepEqual(tokenizeLines('covers "Telephony and\nscope Network "Network"'), [
        [
          ['covers', 'keyword.other'],
          ['"', 'string.quoted.double punctuation.definition.string.begin'],
          ['Telephony an', 'string.quoted.double'],
          ['d', 'string.quoted.double invalid.illegal.unterminated-string'],
        ],
        [
          ['scope', 'keyword.declaration'],
          ['Network', 'entity.name.type.scope'],
          ['"', 'string.quoted.double punctuation.definition.string.begin'],
          ['Network', 'string.quoted.double'],
          ['"', 'string.quoted.double punctuation.definition.string.end'],
        ],
      ]);
    });
  });

  describe('names', () => {
    it('scopes a qualified name with . as an accessor', () => {
      assert.deepEqual(tokenize('open ICT.Core.Telephony'), [
        ['open', 'keyword.declaration'],
        ['ICT', 'variable.other'],
        ['.', 'punctuation.accessor'],
        ['Core', 'variable.other'],
        ['.', 'punctuation.accessor'],
        ['Telephony', 'variable.other'],
      ]);
    });

    it('takes no part of a qualified name for a keyword', () => {
      assert.deepEqual(tokenize('approves Estates.any any'), [
        ['approves', 'keyword.other'],
        ['Estates', 'variable.other'],
        ['.', 'punctuation.accessor'],
        ['any', 'variable.other'],
        ['any', 'keyword.other'],
      ]);
    });

    it('keeps identifiers with - whole', () => {
      assert.deepEqual(tokenize('scope Core-services "Core services"').slice(0, 2), [
        ['scope', 'keyword.declaration'],
        ['Core-services', 'entity.name.type.scope'],
      ]);
      assert.deepEqual(tokenize('accountable client-function'), [
        ['accountable', 'keyword.other'],
        ['client-function', 'variable.other'],
      ]);
    });

    it('lets a party be called Board', () => {
      assert.deepEqual(tokenize('party Board "Programme Board" as partner').slice(0, 2), [
        ['party', 'keyword.declaration'],
        ['Board', 'entity.name.type.party'],
      ]);
    });
  });

  it('marks a character that is not part of the language', () => {
    assert.deepEqual(tokenize('target >= 5; owner #SB'), [
      ['target', 'keyword.other'],
      ['>=', 'keyword.operator.comparison'],
      ['5', 'constant.numeric.decimal'],
      [';', 'invalid.illegal.character'],
      ['owner', 'keyword.other'],
      ['#', 'invalid.illegal.character'],
      ['SB', 'variable.other'],
    ]);
  });

  it('recognises every token of a whole contract', () => {
    assert.deepEqual(unrecognised(CONTRACT), []);
  });

  it('gives every token the root scope and only scopes of its own', () => {
    assert.deepEqual(foreignScopes(CONTRACT), []);
  });
});

describe('snippets', () => {
  useGrammar();

  it('fills placeholders with their defaults', () => {
    assert.equal(fillDefaults('a ${1:b} ${2|c,d|} ${3:x ${4:y}}$0 ${5} $6.'), 'a b c x y  .');
  });

  // Lines of the partnership itself, which declare nothing: `term`, `source` and `note`, and the
  // second version's `value`, `objective` and `calendar` (this list mirrors the second version's
  // brief, ../shared/design/language-v2.md, sections 1 and 4, until the vocabulary has them).
  const partnershipLines = new Set(['term', 'source', 'note', 'value', 'objective', 'calendar']);
  // Every keyword of the file and of the partnership that opens a declaration.
  const declarations = [...STATEMENT_KEYWORDS.file, ...STATEMENT_KEYWORDS.partnership.filter((k) => !partnershipLines.has(k))];

  it('offers a snippet for every declaration', () => {
    for (const declaration of declarations) snippetFor(declaration);
  });

  for (const [name, snippet] of snippets) {
    it(`${name}: with its defaults, contains only tokens the grammar recognises`, () => {
      const text = fillDefaults(bodyOf(snippet));
      assert.ok(!text.includes('$'), `placeholders left in ${JSON.stringify(text)}`);
      assert.deepEqual(unrecognised(text), [], text);
    });
  }

  it('starts each declaration snippet with its keyword', () => {
    for (const declaration of declarations) {
      const [first] = tokenize(fillDefaults(bodyOf(snippetFor(declaration))).split('\n')[0]);
      assert.deepEqual(first, [declaration, 'keyword.declaration']);
    }
    assert.deepEqual(tokenize(fillDefaults(bodyOf(snippetFor('kpi'))).split('\n')[0]).slice(0, 2), [
      ['kpi', 'keyword.declaration'],
      ['Name', 'entity.name.function.kpi'],
    ]);
  });

  // The snippets may offer the second version's role and modal before the vocabulary lists
  // them (textmate-v2.test.ts checks those), so each choice is checked against the grammar.
  it('offers every party role and every modal as a choice, and only words the grammar colours so', () => {
    const roles = choices(snippetFor('party'), 3);
    for (const role of ROLES) assert.ok(roles.includes(role), `the party snippet offers ${role}`);
    for (const role of roles) assert.equal(scopeOf(`party X "X Ltd" as ${role}`, role), 'constant.language.role', role);
    const modals = choices(snippetFor('norm'), 2);
    assert.equal(modals[0], 'must');
    for (const modal of MODALS) assert.ok(modals.includes(modal), `the norm snippet offers ${modal}`);
    for (const modal of modals) assert.match(scopeOf(`SB ${modal} deliver ICT.Core`, modal), /^keyword\.control\.modal\./, modal);
  });

  it('gives each block its own modal', () => {
    const modalOf = (prefix: string): string | undefined =>
      tokenizeLines(fillDefaults(bodyOf(snippetFor(prefix))))
        .flat()
        .find(([, scopes]) => scopes.startsWith('keyword.control.modal.'))?.[0];
    assert.equal(modalOf('obligation'), 'must');
    assert.equal(modalOf('permission'), 'may');
    assert.equal(modalOf('prohibition'), 'must not');
  });
});

describe('language configuration', () => {
  useGrammar();

  interface OnEnterRule {
    readonly beforeText: string;
    readonly action: { readonly appendText?: string };
  }
  interface LanguageConfiguration {
    readonly comments: { readonly lineComment: string; readonly blockComment: readonly [string, string] };
    readonly brackets: ReadonlyArray<readonly [string, string]>;
    readonly autoClosingPairs: ReadonlyArray<{ readonly open: string; readonly notIn?: readonly string[] }>;
    readonly wordPattern: string;
    readonly onEnterRules: readonly OnEnterRule[];
  }
  const configuration = JSON.parse(fs.readFileSync(configurationPath, 'utf8')) as LanguageConfiguration;
  const words = (text: string): string[] => text.match(new RegExp(configuration.wordPattern, 'g')) ?? [];

  it('declares the comments the grammar scopes', () => {
    assert.deepEqual(configuration.comments, { lineComment: '//', blockComment: ['/*', '*/'] });
    assert.equal(
      scopeOf(`${configuration.comments.lineComment} x`, '//'),
      'comment.line.double-slash punctuation.definition.comment',
    );
  });

  it('pairs braces and quotes, not inside strings or comments', () => {
    assert.deepEqual(configuration.brackets, [['{', '}']]);
    for (const open of ['{', '"']) {
      const pair = configuration.autoClosingPairs.find((candidate) => candidate.open === open);
      assert.ok(pair, `no auto-closing pair for ${open}`);
      assert.deepEqual([...(pair.notIn ?? [])].sort(), ['comment', 'string']);
    }
  });

  it('keeps hyphenated names whole as words', () => {
    assert.deepEqual(words('party ICF "ICF" as client-function of BCC'), [
      'party', 'ICF', 'ICF', 'as', 'client-function', 'of', 'BCC',
    ]);
    assert.deepEqual(words('measured-by ICT-Core_2'), ['measured-by', 'ICT-Core_2']);
  });

  it('splits qualified names at the dots and keeps dates and amounts whole', () => {
    assert.deepEqual(words('open ICT.Core.Telephony'), ['open', 'ICT', 'Core', 'Telephony']);
    assert.deepEqual(words('due 2015-11-30'), ['due', '2015-11-30']);
    assert.deepEqual(words('target >= 99.5%'), ['target', '99.5%']);
  });

  it('continues a doc comment on Enter, and only a doc comment', () => {
    const continuing = (line: string) =>
      configuration.onEnterRules.filter((rule) => new RegExp(rule.beforeText).test(line));
    assert.deepEqual(continuing('  /// The client authority.').map((rule) => rule.action.appendText), ['/// ']);
    assert.deepEqual(continuing('  // a plain comment'), []);
    assert.deepEqual(continuing('  party BCC "Birmingham City Council" as client'), []);
  });
});
