// Every diagnostic the product reports, declared once: code, severity, a short title (used by
// SARIF rules and the reference manual) and the message, built from the document's own names,
// dates and amounts. Checks create diagnostics only through `report` below.

import type { Diagnostic, FileSpan, Fix, RelatedInformation, Severity } from './diagnostic';

interface Entry<P> {
  readonly severity: Severity;
  readonly title: string;
  readonly message: (params: P) => string;
}

function entry<P>(severity: Severity, title: string, message: (params: P) => string): Entry<P> {
  return { severity, title, message };
}

const code = (s: string): string => '`' + s + '`';

export const catalog = {
  P001: entry<{ text: string }>('error', 'Syntax error', (p) => p.text),
  P101: entry<{ name: string; expected: string; inside?: string; suggestion?: string }>(
    'error',
    'Unknown name',
    (p) =>
      (p.inside
        ? `There is no ${p.expected} ${code(p.name)} inside ${code(p.inside)}.`
        : `There is no ${p.expected} named ${code(p.name)}.`) +
      (p.suggestion ? ` Did you mean ${p.suggestion}?` : ''),
  ),
  P102: entry<{ name: string; kind: string; firstLine: number; namespace: string }>(
    'error',
    'Name declared twice',
    (p) =>
      `${code(p.name)} is already declared on line ${p.firstLine} (as a ${p.kind}); each name may be declared only once ${p.namespace}.`,
  ),
  P103: entry<{ name: string; actual: string; expected: string }>(
    'error',
    'Name of the wrong kind',
    (p) => `${code(p.name)} is ${article(p.actual)} ${p.actual}, but ${article(p.expected)} ${p.expected} is expected here.`,
  ),
  P104: entry<{ role: string; roles: readonly string[]; suggestion?: string }>(
    'error',
    'Unknown party role',
    (p) =>
      `${code(p.role)} is not a party role.` +
      (p.suggestion ? ` Did you mean ${code(p.suggestion)}?` : '') +
      ` The roles are ${listOf(p.roles.map(code), 'and')}.`,
  ),
  P105: entry<{ path: string; cycle?: readonly string[]; reason?: string }>(
    'error',
    'Import not found or import cycle',
    (p) =>
      p.cycle
        ? `This import is part of a cycle: ${p.cycle.join(' → ')}. Files may not import each other in a loop.`
        : `Cannot import ${code(p.path)}: ${p.reason ?? 'no such file'}.`,
  ),
  P106: entry<{ kind: string; name: string }>(
    'hint',
    'Unused declaration',
    (p) => `The ${p.kind} ${code(p.name)} is not used anywhere.`,
  ),
  P107: entry<{ name: string }>(
    'error',
    'Partnership without a term',
    (p) => `The partnership ${code(p.name)} has no term: add \`term <start date> to <end date>\`.`,
  ),
  P109: entry<{ kind: string; name: string; codePoint: string; controlName: string }>(
    'warning',
    'Bidirectional control in a title',
    (p) =>
      `The title of the ${p.kind} ${code(p.name)} contains the invisible bidirectional control ${p.codePoint} (${p.controlName}), ` +
      `which can make the title display in another order than it is read. Remove it, or write the text in its reading order.`,
  ),
  P201: entry<{ grant: string; others: string; count: number }>(
    'error',
    'Overlapping exclusive grants',
    (p) =>
      `${p.grant} overlaps ${p.count === 1 ? 'another exclusive grant' : `${p.count} other exclusive grants`}: ` +
      `${p.others}. The same work cannot be exclusive to two parties on the same day.`,
  ),
  P202: entry<{ grant: string; normKind: string; work: string; contains: boolean; subject: string; when: string; more: number }>(
    'error',
    'Work given against an exclusive grant',
    (p) =>
      `${p.grant}; this ${p.normKind} gives ${p.contains ? 'work that includes it' : 'that work'} (${p.work}) to ${p.subject} ${p.when}.` +
      (p.more > 0 ? ` It also conflicts with ${p.more} more grant${p.more > 1 ? 's' : ''} (see related locations).` : ''),
  ),
  P203: entry<{ scope: string; grants: string }>(
    'error',
    'Open scope inside an exclusive grant',
    (p) =>
      `${code(p.scope)} is declared open to the market, but it overlaps ${p.grants}. ` +
      `An open scope must lie outside every exclusive grant.`,
  ),
  P204: entry<{ subject: string; work: string; open: string; exclusive: string; holder: string; when: string }>(
    'warning',
    'Open work that plugs into exclusive work',
    (p) =>
      `${p.subject} is given ${code(p.work)} (open to the market under ${code(p.open)}), which interfaces with ${code(p.exclusive)}, ` +
      `held exclusively by ${p.holder} ${p.when}; no \`must\` or \`may\` norm of ${p.holder} covers ${code(p.open)} on those days. ` +
      `Add an obligation of ${p.holder} for that work (for example to integrate it), or review the interface.`,
  ),
  P205: entry<{ carveOut: string; scope: string }>(
    'error',
    'Carve-out outside the granted scope',
    (p) => `The carve-out ${code(p.carveOut)} is not inside the granted scope ${code(p.scope)}, so it removes nothing from the grant.`,
  ),
  P301: entry<{ date: string; reason: string }>(
    'error',
    'Impossible date',
    (p) => `${code(p.date)} is not a calendar date: ${p.reason}.`,
  ),
  P302: entry<{ from: string; to: string; what: string }>(
    'error',
    'End date before start date',
    (p) => `The ${p.what} ends on ${p.to}, before it starts on ${p.from}.`,
  ),
  P303: entry<{ date: string; day?: string; from: string; to: string }>(
    'warning',
    'Date outside the term',
    (p) => `${p.date}${p.day ? ` (${p.day})` : ''} is outside the partnership's term (${p.from} to ${p.to}).`,
  ),
  P304: entry<{ name: string; calendars: readonly string[]; fallback: string; suggestion?: string }>(
    'error',
    'Unknown calendar',
    (p) =>
      `${code(p.name)} is not a calendar.` +
      (p.suggestion ? ` Did you mean ${code(p.suggestion)}?` : '') +
      ` The calendars are ${listOf(p.calendars.map(code), 'and')}; until this is corrected, working days skip the bank holidays of ${code(p.fallback)}.`,
  ),
  P305: entry<{ name: string; anchor: string; problem: 'not-obligation'; keyword: string } | { name: string; anchor: string; problem: 'circle'; size: number; circle: string }>(
    'error',
    'Deadline that never starts',
    (p) =>
      p.problem === 'not-obligation'
        ? `The deadline of ${code(p.name)} counts from ${code(p.anchor)}, ${article(p.keyword)} ${p.keyword}: only an obligation is done, so this deadline never starts. Count it from an event or an obligation.`
        : p.size === 1
          ? `The deadline of ${code(p.name)} counts from the day ${code(p.name)} itself is done, so it never falls due.`
          : `The deadline of ${code(p.name)} counts from ${code(p.anchor)} in a circle of ${p.size} deadlines (${p.circle}), so none of them ever falls due.`,
  ),
  P306: entry<{ name: string }>(
    'hint',
    'Event no norm uses',
    (p) => `No norm uses the event ${code(p.name)}: name it in a \`when\` line, a \`from\` line or a deadline counted from it.`,
  ),
  P401: entry<{ value: string; share?: boolean }>(
    'error',
    'Percentage out of range',
    (p) => (p.share ? `${p.value} is not an ownership share: a share is above 0% and at most 100%.` : `${p.value} is not a percentage between 0% and 100%.`),
  ),
  P402: entry<{ threshold: string; target: string; reason: 'overlap' | 'unit'; example?: string; line?: 'threshold' | 'credit' }>(
    'error',
    'Threshold inconsistent with the target',
    (p) =>
      p.line === 'credit'
        ? p.reason === 'unit'
          ? `The credit's condition ${code(p.threshold)} is in another unit than the target ${code(p.target)}; they cannot be compared.`
          : `The credit's condition ${code(p.threshold)} would be met by values that meet the target ${code(p.target)}` +
            (p.example ? ` (for example ${p.example})` : '') +
            `: a service credit is earned only by a result that fails the target.`
        : p.reason === 'unit'
          ? `The threshold ${code(p.threshold)} is in another unit than the target ${code(p.target)}; they cannot be compared.`
          : `The threshold ${code(p.threshold)} would be triggered by values that meet the target ${code(p.target)}` +
            (p.example ? ` (for example ${p.example})` : '') +
            `: every value that triggers the consequence must fail the target.`,
  ),
  P403: entry<{ name: string }>(
    'warning',
    'KPI without an owner',
    (p) => `The KPI ${code(p.name)} has no owner: add \`owner <party>\` so someone answers for it.`,
  ),
  P404: entry<{ name: string }>(
    'hint',
    'KPI not used by any norm',
    (p) => `No norm is measured by the KPI ${code(p.name)}.`,
  ),
  P501: entry<{ band: string; others: string }>(
    'error',
    'Overlapping approval bands',
    (p) => `${p.band} overlaps ${p.others}: one amount would need two bodies' approval.`,
  ),
  P502: entry<{ scope: string; gap: string }>(
    'warning',
    'Gap between approval bands',
    (p) => `No body approves ${code(p.scope)} for amounts ${p.gap}.`,
  ),
  P601: entry<{ keyword: string; modal: string; expected: string; suggestedKeyword: string }>(
    'error',
    'Modal does not match the block',
    (p) =>
      `${article(p.keyword, true)} ${p.keyword} takes ${code(p.expected)}, but this line says ${code(p.modal)}: ` +
      `write ${code(p.expected)}, or make it ${article(p.suggestedKeyword)} ${p.suggestedKeyword}.`,
  ),
  P602: entry<{ party: string; verb: string; object: string; other: string }>(
    'error',
    'Contradictory norms',
    (p) => `${p.party} both must and must not ${p.verb} ${p.object} (see ${p.other}).`,
  ),
  P603: entry<{ name: string; window: string }>(
    'information',
    'Obligation without a date',
    (p) => `The obligation ${code(p.name)} has neither \`due\` nor \`every\`, so it applies ${p.window}.`,
  ),
  // Variations (language-v2.md section 6).
  P801: entry<{ name: string }>(
    'error',
    'Variation without a date',
    (p) => `The variation ${code(p.name)} has neither \`agreed\` nor \`effective\`, so it is not known when it takes effect; it changes nothing until one is given.`,
  ),
  P802: entry<{ change: string; day: string }>(
    'warning',
    'Variation ends nothing',
    (p) => `${p.change} matches nothing in force or yet to come on ${p.day}, the day the variation takes effect.`,
  ),
  P803: entry<{ name: string; day: string; partnership: string; termEnd: string }>(
    'warning',
    'Variation after the term',
    (p) => `The variation ${code(p.name)} takes effect on ${p.day}, after the term of ${code(p.partnership)} ended on ${p.termEnd}; it changes nothing.`,
  ),
  // Service levels and money (second version): targets over time, credits, charges.
  P405: entry<{ name: string }>(
    'information',
    'KPI without a target or threshold',
    (p) => `The KPI ${code(p.name)} has neither a target nor a threshold, so no result fails it; it is shown, and never fails.`,
  ),
  P406: entry<{ name: string; day: string; target: string; other: string }>(
    'error',
    'Two targets from the same day',
    (p) =>
      `The target ${code(p.target)} of the KPI ${code(p.name)} comes into force on ${p.day}, the same day as ${code(p.other)}: ` +
      `only one target can be in force on a day. Give it a later \`from\` date, or remove one of them.`,
  ),
  P407: entry<{ name: string; reason: 'unmeasured' | 'rate' | 'no-charge' }>(
    'error',
    'Credit that cannot be worked out',
    (p) =>
      p.reason === 'unmeasured'
        ? `A credit is earned per measurement period, but the KPI ${code(p.name)} has no \`measured\` line: say how often it is measured.`
        : p.reason === 'no-charge'
          ? `A percentage credit is a share of a charge: say which, as in \`credit 2% of <charge> when …\`.`
          : `This credit is a share of the charge ${code(p.name)}, which has no fixed charge (an amount per year, per quarter or per month) to take a share of.`,
  ),
  P408: entry<{ credit: string; other: string }>(
    'warning',
    'Credit bands out of order',
    (p) =>
      `The credit ${code(p.credit)} is for a worse result than ${code(p.other)} but earns less: ` +
      `when several credits apply only the largest is paid, so this one never is. Swap the two amounts.`,
  ),
  P701: entry<{ amount: string; other: string; day: string }>(
    'error',
    'Two amounts of a charge at once',
    (p) =>
      `The amount ${code(p.amount)} applies on the same days as ${code(p.other)} (from ${p.day}): a charge has one amount for each unit on each day. ` +
      `Start it later with \`from\`, or end the other with \`until\`.`,
  ),
  P702: entry<{ name: string; party: string }>(
    'error',
    'Charge paid to its payer',
    (p) => `The charge ${code(p.name)} is paid by ${code(p.party)} to ${code(p.party)}: the payer and the payee must be different parties.`,
  ),
  P703: entry<{ name: string; currency: string; first: string; amount: string }>(
    'error',
    'Amounts of a charge in different currencies',
    (p) =>
      `The charge ${code(p.name)} is in ${p.first}, but ${code(p.amount)} is in ${p.currency}: amounts of different currencies cannot be compared, ` +
      `so write every amount of one charge in one currency.`,
  ),
  P704: entry<{ name: string; missing: 'pays' | 'amount' | 'both' }>(
    'error',
    'Charge without a payer or an amount',
    (p) =>
      `The charge ${code(p.name)} has ` +
      (p.missing === 'pays' ? `no \`pays\` line: add \`<payer> pays <payee>\`.`
        : p.missing === 'amount' ? `no amount: add a line such as \`£1m per year\` or \`£650 per day\`.`
          : `neither a \`pays\` line nor an amount: add \`<payer> pays <payee>\` and a line such as \`£1m per year\`.`),
  ),
  // Several parties, governance and powers (second version).
  P108: entry<{ party: string; problem: 'missing' | 'sum'; missing?: string; total?: string }>(
    'error',
    'Ownership shares missing or not adding up to 100%',
    (p) =>
      p.problem === 'missing'
        ? `${code(p.party)} gives a share to some of its parents but not to ${p.missing}: either every parent has a share or none does.`
        : `The shares of ${code(p.party)}'s parents add up to ${p.total}, not 100%.`,
  ),
  P503: entry<{ body: string; circle: readonly string[] }>(
    'error',
    'Escalation in a circle',
    (p) => `Escalation from ${code(p.body)} comes back to it (${p.circle.join(' → ')}): a dispute escalated this way never reaches a body that decides it.`,
  ),
  P604: entry<{ keyword: string; level: string }>(
    'error',
    'Endeavours on a norm that is not an obligation',
    (p) => `\`endeavours ${p.level}\` says how hard a party must try, so only an obligation takes it; this is ${article(p.keyword)} ${p.keyword}.`,
  ),
  P900: entry<{ detail: string }>(
    'error',
    'Internal error',
    (p) => `This file could not be fully checked because of an internal error (${p.detail}). Please report it.`,
  ),
  // Results files of the obligation ledger (ledger.md): rows that cannot be read or do not fit the contracts.
  R001: entry<{ reason: string }>(
    'error',
    'Unreadable results row',
    (p) => `This row cannot be read: ${p.reason}.`,
  ),
  R002: entry<{ name: string; expected: string; suggestion?: string; partnerships?: readonly string[] }>(
    'error',
    'Unknown or ambiguous name in a results file',
    (p) =>
      p.partnerships
        ? `${code(p.name)} is declared by ${listOf(p.partnerships.map(code), 'and')}: write ${listOf(p.partnerships.map((q) => code(q + '.' + p.name)), 'or')}.`
        : `No contract checked together declares ${article(p.expected)} ${p.expected} named ${code(p.name)}.` + (p.suggestion ? ` Did you mean ${code(p.suggestion)}?` : ''),
  ),
  R003: entry<{ name: string; actual: string; row: string; expected: string }>(
    'error',
    'Name of the wrong kind for the row',
    (p) => `${code(p.name)} is ${article(p.actual)} ${p.actual}, but a ${code(p.row)} row needs ${article(p.expected)} ${p.expected}.`,
  ),
  R004: entry<{ date: string; reason: string }>(
    'error',
    'Not a calendar day',
    (p) => `${code(p.date)} is not a date this row can take: ${p.reason}.`,
  ),
  R005: entry<{ value: string; kpi: string; unit: string }>(
    'error',
    'Result not in the KPI\'s unit',
    (p) => (p.value === '' ? `The result of ${code(p.kpi)} has no value` : `${code(p.value)} is not a value of ${code(p.kpi)}`) + `: write ${p.unit}.`,
  ),
  R006: entry<{ kpi: string; period: string; firstLine: number }>(
    'error',
    'Two results for one measurement period',
    (p) => `${code(p.kpi)} already has a result for the period ${p.period} (line ${p.firstLine}); one result per measurement period.`,
  ),
  R007: entry<{ date: string; partnership: string; from: string; to: string }>(
    'warning',
    'Date outside the term',
    (p) => `${p.date} is outside the term of ${code(p.partnership)} (${p.from} to ${p.to}, as varied).`,
  ),
  R008: entry<{ name: string; date: string; row: 'done' | 'waiver' }>(
    'warning',
    'Nothing left to complete',
    (p) =>
      p.row === 'done'
        ? `${code(p.name)} has no occurrence that has arisen by ${p.date} and is not yet done, so this row completes nothing.`
        : `${code(p.name)} has no occurrence due on ${p.date} left to waive, so this row waives nothing.`,
  ),
} as const;

export type Code = keyof typeof catalog;
type Params<C extends Code> = Parameters<(typeof catalog)[C]['message']>[0];

export interface ReportOptions {
  readonly related?: readonly RelatedInformation[];
  readonly fixes?: readonly Fix[];
}

/** The one way to create a diagnostic: the catalog decides its severity and wording. */
export function report<C extends Code>(
  code: C,
  at: FileSpan,
  params: Params<C>,
  options: ReportOptions = {},
): Diagnostic {
  const e = catalog[code] as unknown as Entry<Params<C>>;
  if (!e) throw new Error(`undeclared diagnostic ${String(code)}`);
  return {
    code,
    severity: e.severity,
    message: e.message(params),
    file: at.file,
    ...(at.unit ? { unit: at.unit } : {}),
    start: at.start,
    end: at.end,
    related: options.related ?? [],
    fixes: options.fixes ?? [],
  };
}

export function listOf(items: readonly string[], conjunction: 'and' | 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

function article(word: string, capital = false): string {
  const a = /^[aeiou]/i.test(word) && !/^(one|uni)/i.test(word) ? 'an' : 'a';
  return capital ? a[0].toUpperCase() + a.slice(1) : a;
}
