// The words of the language in one place: the keywords that may start a statement in each
// block context (never names), the words that join a statement's parts, the closed sets (roles,
// modals, frequencies, duration units, comparators, approval bands), the characters that are
// white space, and each keyword's one-paragraph documentation, the summaries of the reference
// manual (docs/language.md). The grammar (grammar/partnership.peggy) stays the single source
// of the syntax: test/src/core/vocabulary.test.ts checks, with the generated parser, that the
// two agree word for word, so completion, hover, rename, `locate` and the formatter, which
// read this module, cannot drift from what the parser accepts.

import type { DurationUnit } from '../syntax/ast';

/** The kinds of block whose statements the grammar lists: the file itself and each block. */
export type BlockContext = 'file' | 'partnership' | 'scope' | 'norm' | 'kpi' | 'body' | 'charge' | 'variation';

/**
 * The keywords that start a statement in each context, in the order completion offers them
 * (the grammar's rules `FileKeyword`, `DeclarationKeyword`, `ScopeStart`, `NormLineKeyword`,
 * `KpiStart` and `BodyStart`). A norm's own line starts with a party's name instead.
 */
export const STATEMENT_KEYWORDS: Readonly<Record<BlockContext, readonly string[]>> = {
  file: ['import', 'partnership'],
  partnership: [
    'term', 'source', 'party', 'scope', 'exclusive', 'open', 'interface', 'obligation', 'permission', 'prohibition', 'kpi', 'body', 'note',
    'event', 'charge', 'variation', 'power', 'value', 'objective', 'calendar',
  ],
  scope: ['covers', 'scope', 'note'],
  norm: [
    'due', 'every', 'accountable', 'consulted', 'informed', 'scope', 'measured-by', 'otherwise', 'clause', 'note',
    'when', 'from', 'until', 'amount', 'endeavours', 'notice',
  ],
  kpi: ['owner', 'scope', 'target', 'threshold', 'measured', 'note', 'baseline', 'weight', 'credit'],
  body: ['chair', 'members', 'approves', 'note', 'meets', 'escalates-to'],
  charge: ['scope', 'note', 'clause', 'indexed', 'credit-cap'],
  variation: ['varies', 'agreed', 'effective', 'ends', 'returns', 'clause', 'note'],
};

export const BLOCK_CONTEXTS = Object.keys(STATEMENT_KEYWORDS) as readonly BlockContext[];

/**
 * Words that start a statement somewhere are never names (the grammar's `RESERVED`), so a
 * missing name is reported where it is missing instead of swallowing the next line's keyword.
 * Other keywords may be names: a party may be called `Board` or even `over`.
 */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([...Object.values(STATEMENT_KEYWORDS).flat(), 'pays']);

/** Words inside a statement that join its parts. */
export const CONNECTIVES = ['to', 'as', 'of', 'over', 'except', 'from', 'with', 'within', 'before', 'until', 'when', 'per', 'pays'] as const;

/** Words that stand for a day of the term in a deadline or a period. */
export const ANCHORS = ['start', 'expiry'] as const;

export const ROLES = ['client', 'supplier', 'joint-venture', 'subcontractor', 'client-function', 'regulator', 'partner', 'group'] as const;
export type Role = (typeof ROLES)[number];

/** A norm line's modal; `must not` is one modal of two words. */
export const MODALS = ['must', 'may', 'must not', 'can'] as const;

/** How hard the subject of an obligation must try. */
export const ENDEAVOURS = ['reasonable', 'all-reasonable', 'best'] as const;

/** The calendars whose bank holidays working days skip. */
export const CALENDARS = ['england-and-wales', 'scotland', 'northern-ireland', 'weekdays'] as const;

/** The periods a charge's credit cap counts over. */
export const CAP_PERIODS = ['year', 'quarter', 'month'] as const;

/** How often a KPI is measured, besides `every <duration>`. */
export const FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly'] as const;

/** The words of a duration's unit, singular and plural, and the unit each stands for. */
export const DURATION_UNITS: Readonly<Record<string, DurationUnit>> = {
  minute: 'minute', minutes: 'minute', hour: 'hour', hours: 'hour',
  day: 'day', days: 'day', week: 'week', weeks: 'week', month: 'month', months: 'month', year: 'year', years: 'year',
  'working day': 'working-day', 'working days': 'working-day',
};

/** The scales an amount of money may carry: `£200k`, `EUR 5m`, `£1.2bn`. */
export const MONEY_SCALES = ['k', 'm', 'bn'] as const;

export const COMPARATORS = ['>=', '<=', '>', '<', '='] as const;

/** The forms of an approval limit after `approves <scope>`, by their opening words. */
export const BANDS = ['above', 'up to', 'from', 'any'] as const;

/**
 * White space to the grammar (`skipBlank` in its initializer), which the tokenizer and the
 * formatter skip too: the ASCII blanks, no-break space, the byte order mark and the Unicode
 * line and paragraph separators (U+2028, U+2029). `code` is one UTF-16 code unit.
 */
export function isBlankCode(code: number): boolean {
  switch (code) {
    case 0x20: case 0x09: case 0x0a: case 0x0d: case 0x0b: case 0x0c:
    case 0xa0: case 0xfeff: case 0x2028: case 0x2029:
      return true;
    default:
      return false;
  }
}

/** Whether a one-character string is white space to the grammar. */
export function isBlank(c: string): boolean {
  return c.length === 1 && isBlankCode(c.charCodeAt(0));
}

/** One paragraph on each keyword, shown when hovering it and beside completion items. */
export const KEYWORD_DOCS: Readonly<Record<string, string>> = {
  import: 'Makes another file\'s declarations visible under that file\'s partnership name (`Catalogue.ICT.Core`). The path is relative to this file; imports come before the partnership.',
  partnership: 'The contract this file restates: `partnership Name "Title" { … }`, one per file. Its name qualifies its declarations in files that import it.',
  term: 'The partnership\'s term: `term <start> to <end>`, both days included. Grants and norms without dates take their period from it. Required (P107).',
  source: 'The document this file restates, e.g. `source "Strategic Partnership Agreement, 2006"`.',
  party: 'A party to the contract: `party Name "Full name" as <role> [of <parents>]`.',
  as: 'Introduces a party\'s role: client, supplier, joint-venture, subcontractor, client-function, regulator, partner or group.',
  of: 'The parents of a joint venture or a client function, each with its share or none with one (`as joint-venture of BCC 19.9%, Capita 80.1%`), or the members of a group; in a deadline, what it counts from (`due within 10 working days of BreachNotice`); in a credit, the charge it is a share of.',
  scope: 'A service, asset or area of work: `scope Name "Title" { covers "…" scope Child "…" }`. Inside a norm, a KPI or a charge, `scope <ref>` ties it to a scope.',
  covers: 'What a scope includes, in words: `covers "Telephony and associated services"`. Repeatable.',
  note: 'What the language cannot say, for the reader: `note "The savings guarantee was later replaced by the 2014 review."`. In every block, as often as needed; shown in hovers and in the matrix.',
  exclusive: 'An exclusivity grant: `exclusive <party> over <scope> [except <scopes>] [from <date>] [to <date>] [clause "…"]`. Missing dates come from the term.',
  over: 'The scope an exclusivity grant covers, with everything inside it.',
  except: 'Carve-outs: scopes inside the granted scope that the grant does not cover (P205 when outside it).',
  from: 'The first day of a period (included). In a norm, `from <date | event | start>`: a norm from an event arises on it. After an amount or a target, the day it applies from.',
  to: 'The last day of a period (included); after a norm\'s object, the beneficiary.',
  clause: 'The clause of the agreement a statement comes from, e.g. `clause "2.3.1"`.',
  open: 'Declares a scope open to the market: others may compete for that work. An open scope must lie outside every exclusive grant (P203).',
  interface: 'Records that work in one scope plugs into another: `interface <scope> with <scope> ["note"]`. Used by P204.',
  with: 'The other side of an interface.',
  obligation: 'A duty: `obligation Name "Title" { <party> must <verb> <object> [to <party>] … }`.',
  permission: 'A right: `permission Name "Title" { <party> may <verb> <object> … }`.',
  prohibition: 'A ban: `prohibition Name "Title" { <party> must not <verb> <object> … }`.',
  must: 'The modal of an obligation: the party is bound to do this.',
  may: 'The modal of a permission: the party is allowed to do this.',
  'must not': 'The modal of a prohibition: the party is forbidden to do this.',
  due: 'A deadline: `due 2015-11-30` (`due 2015-11` is by the month\'s last day), `due within 10 working days of <event | obligation | start>` or `due 12 months before expiry`.',
  every: 'A recurrence: `every 1 month [from <date | event | start>] [until <date | expiry>]`; the norm then applies from that day (else its due date, else the term\'s first day) to that day (else the term\'s last day as varied).',
  accountable: 'The party answerable for the norm (A in the matrix).',
  consulted: 'Parties consulted before the work is done (C in the matrix).',
  informed: 'Parties kept informed (I in the matrix).',
  'measured-by': 'The KPIs that measure the norm: `measured-by Availability, Disputes`.',
  otherwise: 'The consequence of a breach, or of a KPI threshold being triggered.',
  kpi: 'A key performance indicator: `kpi Name "Title" { owner … scope … target … threshold … measured … }`.',
  owner: 'The party answerable for a KPI (P403 when missing).',
  target: 'The level a KPI must meet, e.g. `target >= 99.5%` or `target <= 4 hours`; repeat it with `from <date>` for a target that changes over time.',
  threshold: 'The level that triggers a consequence, e.g. `threshold < 98% otherwise "service credit"`. Every value that triggers it must fail the target (P402).',
  measured: 'How often a KPI is measured: daily, weekly, monthly, quarterly, yearly or `every <duration>`. Service credits count per measurement period.',
  body: 'A governance body: `body Name "Title" { chair … members … meets every … escalates-to … approves <scope> <band> }`.',
  chair: 'The party that chairs the body.',
  members: 'The parties that sit on the body.',
  approves: 'An approval limit: `approves <scope> above £200k | up to £200k | from £X to £Y | any`.',
  above: 'Amounts greater than the figure (the figure itself excluded).',
  up: '`up to X`: amounts from zero to X, both included.',
  any: 'Every amount, in every currency.',
  daily: 'Measured every day.',
  weekly: 'Measured every week.',
  monthly: 'Measured every month.',
  quarterly: 'Measured every quarter.',
  yearly: 'Measured every year.',
  client: 'Role: the authority that buys the services.',
  supplier: 'Role: a company that provides services.',
  'joint-venture': 'Role: a company owned jointly by its parents (`of`).',
  subcontractor: 'Role: a company working for a supplier.',
  'client-function': 'Role: the team that manages the contract for the client (`of` the client).',
  regulator: 'Role: a body that oversees the partnership, such as a scrutiny committee.',
  partner: 'Role: any other party to the partnership.',
  day: 'A unit of a duration: `every 1 day`.',
  days: 'A unit of a duration: `every 30 days`.',
  week: 'A unit of a duration: `every 1 week`.',
  weeks: 'A unit of a duration: `every 2 weeks`.',
  month: 'A unit of a duration: `every 1 month`.',
  months: 'A unit of a duration: `every 6 months`.',
  year: 'A unit of a duration: `every 1 year`.',
  years: 'A unit of a duration: `every 2 years`.',
  minute: 'A unit of a duration, for a KPI\'s value: `target <= 30 minutes`.',
  minutes: 'A unit of a duration, for a KPI\'s value: `target <= 30 minutes`.',
  hour: 'A unit of a duration, for a KPI\'s value: `target <= 1 hour`.',
  hours: 'A unit of a duration, for a KPI\'s value: `target <= 4 hours`.',
  working: '`working days`: days that are neither a Saturday, a Sunday nor a bank holiday in the partnership\'s calendar.',
  event: 'Something that happens at a date the contract does not know in advance: `event BreachNotice "Notice of material breach" [clause "40.1"]`. Norms arise on it with `when`, or count deadlines from it.',
  charge: 'Money one party pays another: `charge Name "Title" { <party> pays <party>  £120m per year  … }`.',
  variation: 'An agreement that changes a partnership: `variation Name "Title" { varies <partnership>  agreed <date>  effective <date>  <changes> }`.',
  power: 'A right to change legal relations (terminate, extend, step in): `power Name "Title" { <party> can <verb> <object> … notice 6 months }`.',
  can: 'The modal of a power: the party has the right to change legal relations.',
  value: 'The contract\'s stated value: `value £1bn "Stated value over ten years"`. Shown at the head of the matrix beside the fixed charges.',
  objective: 'What the partnership is for, in words: `objective "Transform the council\'s ICT"`. Repeatable.',
  calendar: 'Whose bank holidays working days skip: `calendar england-and-wales` (the default), `scotland`, `northern-ireland` or `weekdays` (no holidays).',
  when: 'The events on which the norm arises: `when BreachNotice`. It applies only once one of them has happened, on each occurrence.',
  until: 'The last day a norm or an amount applies: `until 2016-03` or `until expiry`.',
  within: '`due within 10 working days of <event | obligation | start>`: a deadline counted from an event, from the day an obligation is done, or from the term\'s first day.',
  before: '`due 12 months before expiry`: a deadline counted back from the term\'s last day as varied.',
  start: 'The term\'s first day, in a deadline or a period: `due within 3 months of start`.',
  expiry: 'The term\'s last day as varied, in a deadline or a period: `due 12 months before expiry`.',
  amount: 'A one-off sum on a norm (a payment, an investment, a settlement): `amount £8m`.',
  endeavours: 'How hard an obligation\'s subject must try: `endeavours reasonable | all-reasonable | best`.',
  reasonable: 'Reasonable endeavours: the least demanding of the three.',
  'all-reasonable': 'All reasonable endeavours: more than reasonable, less than best.',
  best: 'Best endeavours: the most demanding of the three.',
  notice: 'The notice a power needs before it takes effect: `notice 6 months`.',
  baseline: 'The level measured before the contract: `baseline 99.2% "measured in 2005/06"`.',
  weight: 'The KPI\'s weight among the others: `weight 20`.',
  credit: 'A service credit for a measurement period that meets its condition: `credit 2% of <charge> when < 99.5%` or `credit £5k when > 8 hours`. When several apply, the largest does.',
  pays: '`<payer> pays <payee>`: who pays the charge, and to whom.',
  per: 'The unit an amount is counted in: `£120m per year`, `£35 per seat per month`.',
  indexed: 'How the charge is indexed, in words: `indexed "RPI each April"`.',
  'credit-cap': 'The most a charge\'s service credits may take in a period: `credit-cap 12% per year`.',
  quarter: 'A quarter of a year, for an amount or a credit cap.',
  meets: '`meets every 3 months`: how often the body meets.',
  'escalates-to': 'The body a dispute goes to next: `escalates-to Leaders`.',
  varies: 'The partnership the variation changes: this one (the default) or one this file imports.',
  agreed: 'The day the variation was agreed; its changes take effect then unless `effective` says otherwise.',
  effective: 'The day the variation\'s changes take effect.',
  ends: '`ends <norm | kpi | charge | body>`, `ends exclusive <party> over <scope>` or `ends open <scope>`: ends it the day before the variation takes effect.',
  returns: '`returns <scope> [to <party>]`: the scope leaves the contract; its grants and norms end.',
  group: 'Role: several parties acting as one (`as group of SCC, TDBC`); a norm of the group binds each member.',
  'england-and-wales': 'The bank holidays of England and Wales (the default calendar).',
  scotland: 'The bank holidays of Scotland.',
  'northern-ireland': 'The bank holidays of Northern Ireland.',
  weekdays: 'A calendar without holidays: every weekday is a working day.',
};

/** Every keyword with documentation: what `locate` reports as a keyword and hover explains. */
export const KEYWORDS: ReadonlySet<string> = new Set(Object.keys(KEYWORD_DOCS));
