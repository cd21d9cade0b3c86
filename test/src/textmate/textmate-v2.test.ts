// Tests of the colouring, snippets and word pattern for the language's second version
// (../shared/design/language-v2.md): events and deadlines counted from them, dates known to the
// month or the year, several parties, groups and shares, money, service levels over time,
// variations, governance, powers and duty strength. Every line tokenized here is real
// second-version text, from the brief and the cases of ../shared/corpus-v2.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  bodyOf, choices, configurationPath, fillDefaults, foreignScopes, root, scopeOf, snippetFor, snippets, tokenize,
  tokenizeLines, unrecognised, useGrammar, type Token,
} from '../helpers/textmate';

/**
 * The second version's words. These lists mirror the second version's brief until
 * server/src/core/language/vocabulary.ts has them; the tests of textmate.test.ts read the
 * vocabulary, so they cover these words too once it does.
 */
const SECOND_VERSION = {
  /** Declarations in a partnership (sections 2, 4, 6 and 7). */
  declarations: ['event', 'charge', 'variation', 'power'],
  /** The new party role (section 3) and the modal of a power (section 7). */
  role: 'group',
  modal: 'can',
  /** The new units of a duration (sections 2 and 5), singular and plural. */
  durationUnits: ['hour', 'hours', 'minute', 'minutes', 'working day', 'working days'],
  /** The words after which a date stands (section 1, and `term to` of section 6). */
  dateKeywords: ['term', 'to', 'from', 'until', 'due', 'agreed', 'effective'],
  calendars: ['england-and-wales', 'scotland', 'northern-ireland', 'weekdays'],
  endeavours: ['reasonable', 'all-reasonable', 'best'],
} as const;

/** The cases of the second version's corpus, beside the first version's shared corpus. */
const corpusV2 = path.resolve(root, '..', 'shared', 'corpus-v2');

const keyword = (text: string): Token => [text, 'keyword.other'];
const name = (text: string): Token => [text, 'variable.other'];
const accessor: Token = ['.', 'punctuation.accessor'];
const comma: Token = [',', 'punctuation.separator.comma'];
const date = (text: string): Token => [text, 'constant.numeric.date'];
const number = (text: string): Token => [text, 'constant.numeric.decimal'];
const event = (text: string): Token => [text, 'entity.name.type.event'];
const anchor = (text: string): Token => [text, 'constant.language.anchor'];
const duration = (count: string, unit: string): Token[] => [
  [`${count} `, 'constant.numeric.duration'],
  [unit, 'constant.numeric.duration keyword.other.unit.duration'],
];
const percentage = (figure: string): Token[] => [
  [figure, 'constant.numeric.percentage'],
  ['%', 'constant.numeric.percentage keyword.other.unit.percent'],
];
const pounds = (figure: string, multiplier?: string): Token[] => [
  ['£', 'constant.numeric.money keyword.other.unit.currency'],
  [figure, 'constant.numeric.money'],
  ...(multiplier ? [[multiplier, 'constant.numeric.money keyword.other.unit.multiplier'] as Token] : []),
];
const rate = (unit: string): Token[] => [keyword('per'), [unit, 'keyword.other.unit.rate']];
const string = (text: string): Token[] => [
  ['"', 'string.quoted.double punctuation.definition.string.begin'],
  [text, 'string.quoted.double'],
  ['"', 'string.quoted.double punctuation.definition.string.end'],
];

/** A contract written for these tests, using every construct of the second version. */
const CONTRACT_V2 = `import "service-birmingham.partnership"

/// The exit agreement, with the services that stay with the council.
partnership Exit2017 "Exit agreement" {
  term 2017-12 to 2021
  calendar england-and-wales
  value £120m "Stated value of the exit agreement"
  objective "Move the core services from SB to Capita without a break in service"
  note "Restated from the published summary; the schedules were not read."

  party BCC "Birmingham City Council" as client
  party Capita "Capita Business Services Ltd" as supplier
  party IBM "IBM UK Ltd" as supplier
  party SB "Service Birmingham Ltd" as joint-venture of BCC 19.9%, Capita 80.1%
  party SW1 "Southwest One Ltd" as joint-venture of BCC 5%, IBM 95%
  party Scrutiny "Scrutiny committee" as regulator
  party PSP "The public sector partners" as group of BCC, Scrutiny

  scope ICT "ICT services" {
    scope Core "ICT core services" { note "Telephony is included." }
    scope Projects "Projects: new ICT developments"
  }

  /// The council serves notice that the supplier is in material breach.
  event BreachNotice "Notice of material breach" clause "40.1"
  event GoLive "The new service goes live"

  variation CoreToCapita "Core services move from SB to Capita" {
    varies ServiceBirmingham
    agreed 2017-12-15
    effective 2018-04
    ends exclusive ServiceBirmingham.SB over ServiceBirmingham.ICT.Core
    ends open ServiceBirmingham.ICT.Projects
    ends ServiceBirmingham.CoreDelivery
    returns ServiceBirmingham.ICT.Core.Telephony to ServiceBirmingham.BCC
    term to 2021-03-31
    clause "Exit agreement, schedule 2"
  }
  exclusive Capita over ICT.Core from 2018-04 to 2021

  /// The unitary charge for core ICT, paid monthly in arrears.
  charge CoreCharge "Core ICT service charge" {
    BCC pays Capita
    £12m per year
    £10m per year from 2019-04-01 until 2021
    scope ICT.Core
    indexed "RPI each April"
    credit-cap 12% per year
    clause "Schedule 7"
  }
  charge ProjectDays "Project work" { BCC pays Capita  £650 per day  scope ICT.Projects }
  charge Seats "Desktop seats" { BCC pays Capita  EUR 35 per seat per month }

  obligation Rectify "Rectification plan" {
    Capita must submit "a rectification plan" to BCC
    due within 10 working days of BreachNotice
    clause "40.2"
  }
  obligation ExitPlan "Exit plan" {
    Capita must deliver "an exit plan" to BCC
    due 12 months before expiry
    endeavours all-reasonable
  }
  obligation Mobilise "Mobilisation plan" {
    Capita must deliver "a mobilisation plan" to BCC
    due within 3 months of start
  }
  obligation Reporting "Monthly service report" {
    Capita must provide "the monthly service report" to PSP
    every 1 month from GoLive until 2021-03
    measured-by Availability, P1Fix
  }
  obligation Review "Joint review" {
    BCC, Capita must review "the partnership's objectives" to PSP, Scrutiny
    due 2019
  }
  obligation Investment "Upfront investment" {
    Capita must invest "in the council's ICT estate" to BCC
    amount £8m
    due 2018-09
    endeavours reasonable
  }
  permission StepIn "Step in on breach" {
    BCC may operate "the failing service" to BCC
    when BreachNotice
    from start
    until expiry
  }
  power TerminateForBreach "Terminate for material breach" {
    BCC can terminate ICT.Core to Capita
    when BreachNotice, GoLive
    notice 6 months
    clause "40.3"
  }

  kpi Availability "Core service availability" {
    owner Capita
    scope ICT.Core
    baseline 99.2% "measured in 2016/17"
    target >= 99.5%
    target >= 99.8% from 2019-04-01
    credit 2% of CoreCharge when < 99.5%
    credit 5% of CoreCharge when < 99%
    threshold < 95% otherwise "critical failure: the council may terminate (clause 40)"
    measured monthly
    weight 20
  }
  kpi P1Fix "Priority 1 incidents fixed" { owner Capita  target <= 4 hours  credit £5k when > 8 hours  measured monthly }
  kpi Calls "Calls answered" { owner Capita  target <= 30 minutes  threshold > 2 working days otherwise "escalation"  measured weekly }

  body Board "Partnership Board" {
    chair BCC
    members BCC, Capita
    meets every 3 months
    escalates-to Leaders
    approves ICT.Projects above £200k
  }
  body Leaders "Leaders' meeting" { members BCC, Capita  meets every 1 year }
}
`;

describe('TextMate grammar: second version', () => {
  useGrammar();

  describe('declarations', () => {
    const named: ReadonlyArray<readonly [line: string, keyword: string, name: string, nameScope: string]> = [
      ['event BreachNotice "Notice of material breach" clause "40.1"', 'event', 'BreachNotice', 'entity.name.type.event'],
      ['charge CoreCharge "Core ICT service charge" {', 'charge', 'CoreCharge', 'entity.name.type.charge'],
      ['variation Extension2010 "Five-year extension" {', 'variation', 'Extension2010', 'entity.name.type.variation'],
      ['power TerminateForBreach "Terminate for material breach" {', 'power', 'TerminateForBreach', 'entity.name.function.norm'],
    ];
    for (const [line, declaration, declared, nameScope] of named) {
      it(`scopes ${declaration} and the name it declares`, () => {
        assert.deepEqual(tokenize(line).slice(0, 2), [
          [declaration, 'keyword.declaration'],
          [declared, nameScope],
        ]);
      });
    }

    it('scopes the whole of an event declaration', () => {
      assert.deepEqual(tokenize('event BreachNotice "Notice of material breach" clause "40.1"'), [
        ['event', 'keyword.declaration'],
        event('BreachNotice'),
        ...string('Notice of material breach'),
        keyword('clause'),
        ...string('40.1'),
      ]);
    });

    it('covers every declaration of the second version', () => {
      assert.deepEqual(named.map(([, declaration]) => declaration), [...SECOND_VERSION.declarations]);
    });
  });

  describe('events and deadlines', () => {
    it('scopes a deadline counted in working days from an event', () => {
      assert.deepEqual(tokenize('due within 10 working days of BreachNotice'), [
        keyword('due'),
        keyword('within'),
        ...duration('10', 'working days'),
        keyword('of'),
        name('BreachNotice'),
      ]);
    });

    it('scopes expiry and start as the anchors of a deadline', () => {
      assert.deepEqual(tokenize('due 12 months before expiry'), [
        keyword('due'),
        ...duration('12', 'months'),
        keyword('before'),
        anchor('expiry'),
      ]);
      assert.deepEqual(tokenize('due within 3 months of start'), [
        keyword('due'),
        keyword('within'),
        ...duration('3', 'months'),
        keyword('of'),
        anchor('start'),
      ]);
      assert.deepEqual(tokenize('from start'), [keyword('from'), anchor('start')]);
      assert.deepEqual(tokenize('until expiry'), [keyword('until'), anchor('expiry')]);
    });

    it('leaves start and expiry as names where they are no anchor', () => {
      assert.deepEqual(tokenize('members start, expiry'), [keyword('members'), name('start'), comma, name('expiry')]);
    });

    it('gives the events after when the event colour', () => {
      assert.deepEqual(tokenize('when BreachNotice'), [keyword('when'), event('BreachNotice')]);
      assert.deepEqual(tokenize('when BreachNotice, Catalogue.GoLive'), [
        keyword('when'),
        event('BreachNotice'),
        comma,
        ['Catalogue', 'entity.name.type.event'],
        accessor,
        event('GoLive'),
      ]);
    });

    it('scopes every, from an event and until a month as lines of one norm', () => {
      assert.deepEqual(tokenize('every 1 month from GoLive until 2016-03'), [
        keyword('every'),
        ...duration('1', 'month'),
        keyword('from'),
        event('GoLive'),
        keyword('until'),
        date('2016-03'),
      ]);
    });

    it('does not take the currency after from for an event', () => {
      assert.deepEqual(tokenize('approves ICT.Projects from EUR 5k to £200k').slice(4, 8), [
        keyword('from'),
        ['EUR', 'constant.numeric.money keyword.other.unit.currency'],
        [' 5', 'constant.numeric.money'],
        ['k', 'constant.numeric.money keyword.other.unit.multiplier'],
      ]);
    });
  });

  describe('dates known to the month or the year', () => {
    it('scopes a term from a month to a year', () => {
      assert.deepEqual(tokenize('term 2006-04 to 2016'), [keyword('term'), date('2006-04'), keyword('to'), date('2016')]);
      assert.deepEqual(tokenize('term 2006 to 2016'), [keyword('term'), date('2006'), keyword('to'), date('2016')]);
    });

    for (const word of SECOND_VERSION.dateKeywords) {
      it(`scopes a year and a month after ${word} as dates`, () => {
        assert.deepEqual(tokenize(`${word} 2016`), [keyword(word), date('2016')]);
        assert.deepEqual(tokenize(`${word} 2015-11`), [keyword(word), date('2015-11')]);
      });
    }

    it('scopes month and year dates on the lines that carry them', () => {
      assert.deepEqual(tokenize('exclusive B over Work from 2006-04 to 2016-12'), [
        ['exclusive', 'keyword.declaration'],
        name('B'),
        keyword('over'),
        name('Work'),
        keyword('from'),
        date('2006-04'),
        keyword('to'),
        date('2016-12'),
      ]);
      assert.deepEqual(tokenize('every 6 months from 2006-03 //~ P303').slice(0, 5), [
        keyword('every'),
        ...duration('6', 'months'),
        keyword('from'),
        date('2006-03'),
      ]);
      assert.deepEqual(tokenize('£100m per year from 2011'), [...pounds('100', 'm'), ...rate('year'), keyword('from'), date('2011')]);
      assert.deepEqual(tokenize('term to 2021-03-31'), [keyword('term'), keyword('to'), date('2021-03-31')]);
      assert.deepEqual(tokenize('due 2010-13 //~ P301').slice(0, 2), [keyword('due'), date('2010-13')]);
    });

    it('keeps four digits a number where no date stands', () => {
      assert.deepEqual(tokenize('weight 2016'), [keyword('weight'), number('2016')]);
      assert.deepEqual(tokenize('target <= 2016'), [keyword('target'), ['<=', 'keyword.operator.comparison'], number('2016')]);
      assert.deepEqual(tokenize('baseline 1500 "calls a day in 2015"'), [keyword('baseline'), number('1500'), ...string('calls a day in 2015')]);
    });

    it('keeps four digits before a unit a duration, even after due', () => {
      assert.deepEqual(tokenize('due 2012 months before expiry'), [
        keyword('due'),
        ...duration('2012', 'months'),
        keyword('before'),
        anchor('expiry'),
      ]);
      assert.deepEqual(tokenize('from 1000 working days').slice(1), duration('1000', 'working days'));
    });
  });

  describe('durations as values', () => {
    for (const unit of SECOND_VERSION.durationUnits) {
      const count = unit.endsWith('s') ? '30' : '1';
      it(`scopes the unit ${unit} as one token`, () => {
        assert.deepEqual(tokenize(`target <= ${count} ${unit}`).slice(2), duration(count, unit));
      });
    }

    it('scopes durations on KPI, power and body lines', () => {
      assert.deepEqual(tokenize('target <= 4 hours'), [keyword('target'), ['<=', 'keyword.operator.comparison'], ...duration('4', 'hours')]);
      assert.deepEqual(tokenize('threshold > 2 working days otherwise "escalation"'), [
        keyword('threshold'),
        ['>', 'keyword.operator.comparison'],
        ...duration('2', 'working days'),
        keyword('otherwise'),
        ...string('escalation'),
      ]);
      assert.deepEqual(tokenize('notice 6 months'), [keyword('notice'), ...duration('6', 'months')]);
      assert.deepEqual(tokenize('meets every 3 months'), [keyword('meets'), keyword('every'), ...duration('3', 'months')]);
    });

    it('keeps working alone a name', () => {
      assert.deepEqual(tokenize('owner working'), [keyword('owner'), name('working')]);
    });
  });

  describe('parties', () => {
    it('reads IBM 85% in an of list as a party and its share, not as money', () => {
      assert.deepEqual(tokenize('party JV "Southwest One Ltd" as joint-venture of C 5%, IBM 85%').slice(5), [
        keyword('as'),
        ['joint-venture', 'constant.language.role'],
        keyword('of'),
        name('C'),
        ...percentage('5'),
        comma,
        name('IBM'),
        ...percentage('85'),
      ]);
      assert.deepEqual(tokenize('party SB "Service Birmingham Ltd" as joint-venture of BCC 19.9%, Capita 80.1%').slice(-7), [
        name('BCC'),
        ...percentage('19.9'),
        comma,
        name('Capita'),
        ...percentage('80.1'),
      ]);
    });

    it('still reads a currency code before a figure without % as money', () => {
      assert.deepEqual(tokenize('EUR 2m per year from 2010-01-01'), [
        ['EUR', 'constant.numeric.money keyword.other.unit.currency'],
        [' 2', 'constant.numeric.money'],
        ['m', 'constant.numeric.money keyword.other.unit.multiplier'],
        ...rate('year'),
        keyword('from'),
        date('2010-01-01'),
      ]);
    });

    it('scopes the role group with the members after of', () => {
      assert.deepEqual(tokenize('party PSP "The public sector partners" as group of SCC, TDBC, ASPA').slice(5), [
        keyword('as'),
        [SECOND_VERSION.role, 'constant.language.role'],
        keyword('of'),
        name('SCC'),
        comma,
        name('TDBC'),
        comma,
        name('ASPA'),
      ]);
    });

    it('scopes several subjects and beneficiaries of one norm', () => {
      assert.deepEqual(tokenize('BCC, SB must review "the partnership\'s objectives" to PSP, Scrutiny'), [
        name('BCC'),
        comma,
        name('SB'),
        ['must', 'keyword.control.modal.obligation'],
        ['review', 'entity.name.function.verb'],
        ...string("the partnership's objectives"),
        keyword('to'),
        name('PSP'),
        comma,
        name('Scrutiny'),
      ]);
    });
  });

  describe('money', () => {
    it('scopes the value and objectives of a partnership', () => {
      assert.deepEqual(tokenize('value £1bn "Stated value over ten years"'), [
        keyword('value'),
        ...pounds('1', 'bn'),
        ...string('Stated value over ten years'),
      ]);
      assert.deepEqual(tokenize('objective "Transform the council\'s ICT and cut its cost"'), [
        keyword('objective'),
        ...string("Transform the council's ICT and cut its cost"),
      ]);
    });

    it('scopes the lines of a charge', () => {
      assert.deepEqual(tokenize('BCC pays SB'), [name('BCC'), keyword('pays'), name('SB')]);
      assert.deepEqual(tokenize('£120m per year'), [...pounds('120', 'm'), ...rate('year')]);
      assert.deepEqual(tokenize('£100m per year from 2011-04-01'), [...pounds('100', 'm'), ...rate('year'), keyword('from'), date('2011-04-01')]);
      assert.deepEqual(tokenize('indexed "RPI each April"'), [keyword('indexed'), ...string('RPI each April')]);
      assert.deepEqual(tokenize('credit-cap 12% per year'), [keyword('credit-cap'), ...percentage('12'), ...rate('year')]);
    });

    it('scopes a charge of one line, with a unit price', () => {
      assert.deepEqual(tokenize('charge Seats "Desktop seats" { BCC pays SB  £35 per seat per month }'), [
        ['charge', 'keyword.declaration'],
        ['Seats', 'entity.name.type.charge'],
        ...string('Desktop seats'),
        ['{', 'punctuation.section.block.begin'],
        name('BCC'),
        keyword('pays'),
        name('SB'),
        ...pounds('35'),
        ...rate('seat'),
        ...rate('month'),
        ['}', 'punctuation.section.block.end'],
      ]);
    });

    it('scopes a one-off amount on a norm', () => {
      assert.deepEqual(tokenize('amount £8m'), [keyword('amount'), ...pounds('8', 'm')]);
    });
  });

  describe('service levels', () => {
    it('scopes a baseline, a target from a date and a weight', () => {
      assert.deepEqual(tokenize('baseline 99.2% "measured in 2005/06"'), [keyword('baseline'), ...percentage('99.2'), ...string('measured in 2005/06')]);
      assert.deepEqual(tokenize('target >= 99.8% from 2009-04-01'), [
        keyword('target'),
        ['>=', 'keyword.operator.comparison'],
        ...percentage('99.8'),
        keyword('from'),
        date('2009-04-01'),
      ]);
      assert.deepEqual(tokenize('weight 20'), [keyword('weight'), number('20')]);
    });

    it('scopes a percentage credit, with the charge in the charge colour', () => {
      assert.deepEqual(tokenize('credit 2% of CoreCharge when < 99.5%'), [
        keyword('credit'),
        ...percentage('2'),
        keyword('of'),
        ['CoreCharge', 'entity.name.type.charge'],
        keyword('when'),
        ['<', 'keyword.operator.comparison'],
        ...percentage('99.5'),
      ]);
    });

    it('scopes a credit in money on a duration', () => {
      assert.deepEqual(tokenize('credit £5k when > 8 hours'), [
        keyword('credit'),
        ...pounds('5', 'k'),
        keyword('when'),
        ['>', 'keyword.operator.comparison'],
        ...duration('8', 'hours'),
      ]);
    });

    it('scopes a KPI of one line', () => {
      const line = 'kpi P1Fix "Priority 1 incidents fixed" { owner SB  target <= 4 hours  credit £5k when > 8 hours  measured monthly }';
      assert.deepEqual(tokenize(line).slice(0, 2), [['kpi', 'keyword.declaration'], ['P1Fix', 'entity.name.function.kpi']]);
      assert.equal(scopeOf(line, 'credit'), 'keyword.other');
      assert.equal(scopeOf(line, 'hours'), 'constant.numeric.duration keyword.other.unit.duration');
      assert.deepEqual(unrecognised(line), []);
    });
  });

  describe('variations', () => {
    it('gives the partnership a variation varies the partnership colour', () => {
      assert.deepEqual(tokenize('varies ServiceBirmingham'), [keyword('varies'), ['ServiceBirmingham', 'entity.name.namespace']]);
    });

    it('scopes agreed, effective and term to', () => {
      assert.deepEqual(tokenize('agreed 2017-12-15'), [keyword('agreed'), date('2017-12-15')]);
      assert.deepEqual(tokenize('effective 2018-04-01'), [keyword('effective'), date('2018-04-01')]);
      assert.deepEqual(tokenize('term to 2021-03-31'), [keyword('term'), keyword('to'), date('2021-03-31')]);
    });

    it('reads exclusive and open after ends as what ends, not as declarations', () => {
      assert.deepEqual(tokenize('ends exclusive ServiceBirmingham.SB over ServiceBirmingham.ICT.Core'), [
        keyword('ends'),
        keyword('exclusive'),
        name('ServiceBirmingham'),
        accessor,
        name('SB'),
        keyword('over'),
        name('ServiceBirmingham'),
        accessor,
        name('ICT'),
        accessor,
        name('Core'),
      ]);
      assert.deepEqual(tokenize('ends open Main.ICT //~ P802').slice(0, 5), [keyword('ends'), keyword('open'), name('Main'), accessor, name('ICT')]);
    });

    it('scopes ends and returns', () => {
      assert.deepEqual(tokenize('ends ServiceBirmingham.CoreDelivery'), [keyword('ends'), name('ServiceBirmingham'), accessor, name('CoreDelivery')]);
      assert.deepEqual(tokenize('returns ServiceBirmingham.ICT.Core.Telephony to ServiceBirmingham.BCC'), [
        keyword('returns'),
        name('ServiceBirmingham'),
        accessor,
        name('ICT'),
        accessor,
        name('Core'),
        accessor,
        name('Telephony'),
        keyword('to'),
        name('ServiceBirmingham'),
        accessor,
        name('BCC'),
      ]);
    });
  });

  describe('governance, powers and duty strength', () => {
    it('gives the body a body escalates to the body colour', () => {
      assert.deepEqual(tokenize('escalates-to Leaders //~ P503').slice(0, 2), [keyword('escalates-to'), ['Leaders', 'entity.name.type.body']]);
    });

    it('scopes can, its subject, verb and beneficiary', () => {
      assert.deepEqual(tokenize('BCC can terminate ICT.Core to SB'), [
        name('BCC'),
        [SECOND_VERSION.modal, 'keyword.control.modal.power'],
        ['terminate', 'entity.name.function.verb'],
        name('ICT'),
        accessor,
        name('Core'),
        keyword('to'),
        name('SB'),
      ]);
    });

    it('reads can only as a whole word', () => {
      assert.deepEqual(tokenize('SB must cancel "the order"').slice(0, 3), [
        name('SB'),
        ['must', 'keyword.control.modal.obligation'],
        ['cancel', 'entity.name.function.verb'],
      ]);
      assert.deepEqual(tokenize('members canal, can-do'), [keyword('members'), name('canal'), comma, name('can-do')]);
    });

    for (const strength of SECOND_VERSION.endeavours) {
      it(`scopes endeavours ${strength}`, () => {
        assert.deepEqual(tokenize(`endeavours ${strength}`), [keyword('endeavours'), [strength, 'constant.language.endeavours']]);
      });
    }

    for (const calendar of SECOND_VERSION.calendars) {
      it(`scopes calendar ${calendar} as one token`, () => {
        assert.deepEqual(tokenize(`calendar ${calendar}`), [keyword('calendar'), [calendar, 'constant.language.calendar']]);
      });
    }

    it('leaves a word that is no calendar as a name', () => {
      assert.deepEqual(tokenize('calendar wales'), [keyword('calendar'), name('wales')]);
    });

    it('scopes a note in any block', () => {
      assert.deepEqual(tokenize('scope Projects "Projects" { note "Each project is approved separately." }').slice(6), [
        keyword('note'),
        ...string('Each project is approved separately.'),
        ['}', 'punctuation.section.block.end'],
      ]);
    });
  });

  it('recognises every token of a whole second-version contract', () => {
    assert.deepEqual(unrecognised(CONTRACT_V2), []);
  });

  it('gives every token of it the root scope and only scopes of its own', () => {
    assert.deepEqual(foreignScopes(CONTRACT_V2), []);
  });

  it('recognises every token of every case of the second version\'s corpus', () => {
    assert.ok(fs.existsSync(corpusV2), `expected the second version's corpus at ${corpusV2}`);
    const files = fs.readdirSync(corpusV2, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.partnership')).sort();
    assert.ok(files.length >= 9, `only ${files.length} cases' files in ${corpusV2}`);
    for (const file of files) {
      const text = fs.readFileSync(path.join(corpusV2, file), 'utf8');
      assert.deepEqual(unrecognised(text), [], file);
      assert.deepEqual(foreignScopes(text), [], file);
    }
  });
});

describe('snippets: second version', () => {
  useGrammar();

  /** The lines a snippet inserts with its defaults, as tokens. */
  const linesOf = (prefix: string): Token[][] => tokenizeLines(fillDefaults(bodyOf(snippetFor(prefix))));
  /** The line of a snippet whose first token is `first`. */
  function lineStarting(prefix: string, first: string): Token[] {
    const line = linesOf(prefix).find(([token]) => token?.[0] === first);
    assert.ok(line, `no line starting with ${first} in the ${prefix} snippet: ${fillDefaults(bodyOf(snippetFor(prefix)))}`);
    return line;
  }

  const declared: Readonly<Record<(typeof SECOND_VERSION.declarations)[number], string>> = {
    event: 'entity.name.type.event',
    charge: 'entity.name.type.charge',
    variation: 'entity.name.type.variation',
    power: 'entity.name.function.norm',
  };
  for (const declaration of SECOND_VERSION.declarations) {
    it(`offers a snippet for ${declaration} that starts with its keyword and name`, () => {
      assert.deepEqual(linesOf(declaration)[0].slice(0, 2), [
        [declaration, 'keyword.declaration'],
        ['Name', declared[declaration]],
      ]);
    });
  }

  it('offers the role group and the modal can', () => {
    assert.ok(choices(snippetFor('party'), 3).includes(SECOND_VERSION.role));
    assert.ok(choices(snippetFor('norm'), 2).includes(SECOND_VERSION.modal));
  });

  it('writes an event with its title and clause', () => {
    assert.deepEqual(linesOf('event'), [[
      ['event', 'keyword.declaration'],
      event('Name'),
      ...string('What happens'),
      keyword('clause'),
      ...string('1.1'),
    ]]);
  });

  it('writes a charge with who pays whom and an amount per period', () => {
    assert.deepEqual(lineStarting('charge', 'Payer'), [name('Payer'), keyword('pays'), name('Payee')]);
    assert.deepEqual(lineStarting('charge', '£'), [...pounds('1', 'm'), ...rate('year')]);
    assert.deepEqual(choices(snippetFor('charge'), 6), ['year', 'quarter', 'month', 'week', 'day']);
  });

  it('writes a variation with what it varies, its dates and one change', () => {
    assert.deepEqual(lineStarting('variation', 'varies'), [keyword('varies'), ['Partnership', 'entity.name.namespace']]);
    assert.deepEqual(lineStarting('variation', 'agreed'), [keyword('agreed'), date('2020-04-01')]);
    assert.deepEqual(lineStarting('variation', 'effective'), [keyword('effective'), date('2020-06-01')]);
    assert.deepEqual(lineStarting('variation', 'term'), [keyword('term'), keyword('to'), date('2031-03-31')]);
  });

  it('writes a power with can, the event it waits for and its notice', () => {
    assert.deepEqual(lineStarting('power', 'Party').slice(0, 3), [
      name('Party'),
      ['can', 'keyword.control.modal.power'],
      ['terminate', 'entity.name.function.verb'],
    ]);
    assert.deepEqual(lineStarting('power', 'when'), [keyword('when'), event('Event')]);
    assert.deepEqual(lineStarting('power', 'notice'), [keyword('notice'), ...duration('6', 'months')]);
  });

  it('writes an obligation due within working days of an event', () => {
    assert.deepEqual(linesOf('obligation-on-event')[0].slice(0, 2), [
      ['obligation', 'keyword.declaration'],
      ['Name', 'entity.name.function.norm'],
    ]);
    assert.equal(scopeOf(fillDefaults(bodyOf(snippetFor('obligation-on-event'))).split('\n')[1], 'must'), 'keyword.control.modal.obligation');
    assert.deepEqual(lineStarting('obligation-on-event', 'due'), [
      keyword('due'),
      keyword('within'),
      ...duration('10', 'working days'),
      keyword('of'),
      name('Event'),
    ]);
    for (const unit of choices(snippetFor('obligation-on-event'), 8)) {
      assert.deepEqual(tokenize(`due within 10 ${unit} of Event`).slice(2, 4), duration('10', unit), unit);
    }
  });

  it('writes a KPI whose target rises, with credits that grow as the service gets worse', () => {
    const lines = linesOf('kpi-credits');
    assert.deepEqual(lines[0].slice(0, 2), [['kpi', 'keyword.declaration'], ['Name', 'entity.name.function.kpi']]);
    assert.deepEqual(lineStarting('kpi-credits', 'baseline').slice(0, 3), [keyword('baseline'), ...percentage('99.2')]);
    const targets = lines.filter(([first]) => first?.[0] === 'target');
    assert.deepEqual(targets, [
      [keyword('target'), ['>=', 'keyword.operator.comparison'], ...percentage('99.5')],
      [keyword('target'), ['>=', 'keyword.operator.comparison'], ...percentage('99.8'), keyword('from'), date('2022-04-01')],
    ]);
    const credits = lines.filter(([first]) => first?.[0] === 'credit');
    assert.deepEqual(credits, [
      [keyword('credit'), ...percentage('2'), keyword('of'), ['Charge', 'entity.name.type.charge'], keyword('when'), ['<', 'keyword.operator.comparison'], ...percentage('99.5')],
      [keyword('credit'), ...percentage('5'), keyword('of'), ['Charge', 'entity.name.type.charge'], keyword('when'), ['<', 'keyword.operator.comparison'], ...percentage('99')],
    ]);
    assert.deepEqual(lineStarting('kpi-credits', 'measured'), [keyword('measured'), ['monthly', 'constant.language.frequency']]);
  });

  it('writes a body that meets regularly and escalates to another body', () => {
    assert.deepEqual(lineStarting('body-escalation', 'meets'), [keyword('meets'), keyword('every'), ...duration('3', 'months')]);
    assert.deepEqual(lineStarting('body-escalation', 'escalates-to'), [keyword('escalates-to'), ['OtherBody', 'entity.name.type.body']]);
  });

  it('describes every snippet in words for the reader', () => {
    for (const [snippetName, snippet] of snippets) {
      assert.ok(snippet.description && /^[A-Z].*\.$/.test(snippet.description), `${snippetName}: ${snippet.description}`);
    }
  });
});

describe('language configuration: second version', () => {
  const configuration = JSON.parse(fs.readFileSync(configurationPath, 'utf8')) as { readonly wordPattern: string };
  const words = (text: string): string[] => text.match(new RegExp(configuration.wordPattern, 'g')) ?? [];

  it('keeps dates known to the month whole as words', () => {
    assert.deepEqual(words('due 2015-11'), ['due', '2015-11']);
    assert.deepEqual(words('term 2006-04 to 2016'), ['term', '2006-04', 'to', '2016']);
  });

  it('keeps the hyphenated words of the second version whole', () => {
    assert.deepEqual(words('credit-cap 12% per year'), ['credit-cap', '12%', 'per', 'year']);
    assert.deepEqual(words('escalates-to Leaders'), ['escalates-to', 'Leaders']);
    assert.deepEqual(words('calendar england-and-wales'), ['calendar', 'england-and-wales']);
    assert.deepEqual(words('endeavours all-reasonable'), ['endeavours', 'all-reasonable']);
  });
});
