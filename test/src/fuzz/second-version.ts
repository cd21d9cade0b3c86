// Random contracts in the second version's syntax: every new construct, with names drawn from
// small pools so that references collide (deadlines counted from themselves, escalation and
// variation circles, ends of what does not exist) and values that are absurd as often as sane
// (dates 0000 and 9999-12, month 13, counts near 2^53, shares above 100%).
import * as fc from 'fast-check';

const date = fc.constantFrom('2009-06', '2010', '2010-01-01', '2012-02-29', '2015-11', '2015-13', '2030-12-31', '0000', '9999-12');
const count = fc.oneof({ arbitrary: fc.constantFrom('1', '3', '10', '12', '100000', '9007199254740991'), weight: 9 }, { arbitrary: fc.constant('99999999999999999999'), weight: 1 });
const unit = fc.constantFrom('days', 'working days', 'working day', 'months', 'years', 'hours', 'weeks');
const party = fc.constantFrom('A', 'B', 'G', 'J', 'Nobody');
const event = fc.constantFrom('E0', 'E1', 'Missing');
const norm = fc.constantFrom('N0', 'N1', 'N2', 'E0');
const body = fc.constantFrom('B0', 'B1', 'B2');
const charge = fc.constantFrom('C0', 'C1', 'N0');
const share = fc.constantFrom('50%', '100.0000001%', '0%', '-5%', '33.3333333333%', '99999999999999999999%');
const money = fc.constantFrom('£1m', '£120m', 'EUR 2m', '£0', '£99999999999999999999bn');
const percent = fc.constantFrom('2%', '99.5%', '150%', '-1%');
const value = fc.constantFrom('99%', '4 hours', '2 working days', '£5k', '7', '1 day');
const comparator = fc.constantFrom('<', '>', '>=', '<=', '=');
const option = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(a, { freq: 2 });
const some = <T>(a: fc.Arbitrary<T>, max: number): fc.Arbitrary<T[]> => fc.array(a, { maxLength: max });
/** A block's lines, each line that may be given once given at most once (repeats are a syntax error of their own). */
const lines = (a: fc.Arbitrary<string>, max: number): fc.Arbitrary<string[]> =>
  fc.uniqueArray(a, { maxLength: max, selector: (l) => (/^(target|credit|note|ends|returns) /.test(l) ? l : / pays /.test(l) ? 'pays' : l.split(' ')[0]) });
const list = (a: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.array(a, { minLength: 1, maxLength: 3 }).map((xs) => xs.join(', '));

const deadline = fc.oneof(
  date.map((d) => `due ${d}`),
  fc.tuple(count, unit, fc.oneof(norm, event, fc.constant('start'))).map(([n, u, of]) => `due within ${n} ${u} of ${of}`),
  fc.tuple(count, unit).map(([n, u]) => `due ${n} ${u} before expiry`),
);

const normLines = fc.record({
  keyword: fc.constantFrom('obligation', 'permission', 'prohibition', 'power'),
  modal: fc.constantFrom('must', 'may', 'must not', 'can'),
  subjects: list(party),
  to: option(list(party)),
  lines: lines(fc.oneof(
    deadline,
    fc.tuple(count, unit).map(([n, u]) => `every ${n} ${u}`),
    list(event).map((e) => `when ${e}`),
    fc.oneof(date, event, fc.constant('start')).map((f) => `from ${f}`),
    fc.oneof(date, fc.constant('expiry')).map((u) => `until ${u}`),
    money.map((m) => `amount ${m}`),
    fc.constantFrom('reasonable', 'all-reasonable', 'best').map((e) => `endeavours ${e}`),
    fc.tuple(count, unit).map(([n, u]) => `notice ${n} ${u}`),
    fc.constant('note "a note"'),
  ), 5),
});

const chargeLines = lines(fc.oneof(
  fc.tuple(party, party).map(([a, b]) => `${a} pays ${b}`),
  fc.tuple(money, some(fc.constantFrom('year', 'quarter', 'month', 'day', 'seat'), 2), option(date), option(date))
    .map(([m, per, from, until]) => `${m}${per.map((p) => ` per ${p}`).join('')}${from ? ` from ${from}` : ''}${until ? ` until ${until}` : ''}`),
  fc.tuple(percent, fc.constantFrom('year', 'quarter', 'month')).map(([p, per]) => `credit-cap ${p} per ${per}`),
  fc.constant('indexed "RPI"'),
  fc.constant('scope S'),
), 4);

const kpiLines = lines(fc.oneof(
  fc.tuple(comparator, value, option(date)).map(([c, v, from]) => `target ${c} ${v}${from ? ` from ${from}` : ''}`),
  fc.tuple(fc.oneof(money, percent), option(charge), comparator, value).map(([a, of, c, v]) => `credit ${a}${of ? ` of ${of}` : ''} when ${c} ${v}`),
  value.map((v) => `baseline ${v} "before"`),
  fc.constantFrom('weight 20', 'weight -1', 'weight 99999999999999999999'),
  fc.constantFrom('measured monthly', 'measured every 2 working days', 'owner B', 'threshold < 95% otherwise "escalate"'),
), 5);

const variationLines = lines(fc.oneof(
  fc.constantFrom('varies V', 'varies Missing', 'varies E0'),
  date.map((d) => `agreed ${d}`),
  date.map((d) => `effective ${d}`),
  date.map((d) => `term to ${d}`),
  fc.tuple(party).map(([p]) => `ends exclusive ${p} over S`),
  fc.constant('ends open S'),
  fc.oneof(norm, charge, body, fc.constant('K0'), fc.constant('V0')).map((n) => `ends ${n}`),
  option(party).map((p) => `returns S${p ? ` to ${p}` : ''}`),
), 5);

/** A whole contract using the second version's constructs, each part present or not. */
export const secondVersionText: fc.Arbitrary<string> = fc
  .record({
    term: option(fc.tuple(date, date)),
    calendar: option(fc.constantFrom('england-and-wales', 'scotland', 'weekdays', 'mars')),
    money: lines(fc.oneof(money.map((m) => `value ${m} "stated"`), fc.constant('objective "save money"'), fc.constant('note "restated"')), 3),
    venture: fc.array(fc.tuple(party, option(share)), { minLength: 1, maxLength: 3 }),
    events: fc.nat(3),
    norms: some(normLines, 3),
    charges: some(chargeLines, 2),
    kpis: some(kpiLines, 2),
    bodies: some(fc.tuple(option(fc.tuple(count, unit)), option(body)), 3),
    variations: some(variationLines, 2),
  })
  .map((c) => [
    'partnership V "V" {',
    ...(c.term ? [`  term ${c.term[0]} to ${c.term[1]}`] : []),
    ...(c.calendar ? [`  calendar ${c.calendar}`] : []),
    ...c.money.map((l) => `  ${l}`),
    '  party A "A" as client',
    '  party B "B" as supplier',
    '  party G "G" as group of A, B, G',
    `  party J "J" as joint-venture of ${c.venture.map(([p, s]) => (s ? `${p} ${s}` : p)).join(', ')}`,
    '  scope S "S" { scope T "T" }',
    '  exclusive J over S',
    ...Array.from({ length: c.events }, (_, i) => `  event E${i} "Event ${i}" clause "${i}"`),
    ...c.norms.map((n, i) => [`  ${n.keyword} N${i} "n" {`, `    ${n.subjects} ${n.modal} run S${n.to ? ` to ${n.to}` : ''}`, ...n.lines.map((l) => `    ${l}`), '  }'].join('\n')),
    ...c.charges.map((block, i) => [`  charge C${i} "c" {`, ...block.map((l) => `    ${l}`), '  }'].join('\n')),
    ...c.kpis.map((block, i) => [`  kpi K${i} "k" {`, ...block.map((l) => `    ${l}`), '  }'].join('\n')),
    ...c.bodies.map(([meets, up], i) => `  body B${i} "b" { members A${meets ? ` meets every ${meets[0]} ${meets[1]}` : ''}${up ? ` escalates-to ${up}` : ''} }`),
    ...c.variations.map((block, i) => [`  variation V${i} "v" {`, ...block.map((l) => `    ${l}`), '  }'].join('\n')),
    '}',
    '',
  ].join('\n'));
