'use strict';
// The benchmark's contracts in the language's second version. The shared generator
// (../shared/bench/gen-partnership.mjs) writes a first-version contract and the same records as
// JSON; this step adds, deterministically, what restated contracts hold beside it, in about
// their proportions: events (one per 50 norms) and norms triggered by them or with deadlines
// counted from them (about 15%), deadlines before expiry, windows from an event until a date,
// joint subjects and beneficiaries, a group and a joint venture with shares, charges whose
// amounts ramp and rates, KPIs with ramped targets, baselines, weights and credits of a charge,
// bodies that meet and escalate (a chain, never a circle), powers, duty strength, notes, a
// variation per 300 norms that ends a norm or extends the term, the contract's value,
// objectives and calendar. Every addition is meant to check clean: dates inside the term,
// credits only for failing values, worse results earning larger credits, shares adding to 100%.
//   node scripts/bench/second-version.js <prefix>   rewrites <prefix>.partnership and <prefix>.json

const fs = require('node:fs');

/** A mulberry32 generator: the same seed gives the same contract. */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n, w) => String(n).padStart(w, '0');
const q = (s) => JSON.stringify(s);
const EVENT_TITLES = ['Notice of material breach', 'The new service goes live', 'A change request is approved', 'Notice of force majeure',
  'An audit finding is raised', 'A data breach is reported', 'A service is transferred', 'The annual review is held'];
const THINGS_SUBJECTS = ['Council', 'Client', 'Auditor'];

/**
 * Adds the second version's constructs to the shared generator's contract `text` and its
 * records `doc` (changed in place). Returns the new text.
 */
function addSecondVersion(text, doc, seed = 20262) {
  const rnd = seeded(seed);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const N = doc.norms.length;
  const termFrom = Number(doc.term.from.slice(0, 4));
  const termTo = Number(doc.term.to.slice(0, 4));
  const yearIn = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));

  // ---- events, used round-robin so that every one is used
  doc.events = [];
  for (let i = 1; i <= Math.max(2, Math.round(N / 50)); i++) {
    const clause = rnd() < 0.5 ? `${30 + Math.floor(rnd() * 20)}.${1 + Math.floor(rnd() * 9)}` : undefined;
    doc.events.push({ id: `Event${pad(i, 4)}`, title: `${pick(EVENT_TITLES)} (${i})`, clause });
  }
  let nextEvent = 0;
  const event = () => doc.events[nextEvent++ % doc.events.length].id;

  // ---- charges: fixed charges that ramp, and rates; percentage credits name a fixed one
  doc.charges = [];
  const areas = (top) => doc.scopes.find((s) => s.id === top).children.map((a) => `${top}.${a.id}`);
  for (let i = 1; i <= Math.max(2, Math.round(N / 250)); i++) {
    const fixed = i % 4 !== 0;
    const first = 2 + Math.floor(rnd() * 40);
    const amounts = fixed
      ? [{ money: `£${first}m`, per: ['year'] }, { money: `£${first + 1 + Math.floor(rnd() * 5)}m`, per: ['year'], from: `${yearIn(termFrom + 2, termTo - 6)}-04-01` }]
      : [{ money: `£${400 + Math.floor(rnd() * 600)}`, per: ['day'] }, { money: `£${20 + Math.floor(rnd() * 30)}`, per: ['seat', 'month'] }];
    if (fixed && rnd() < 0.5) amounts.push({ money: `£${first + 8}m`, per: ['year'], from: `${termTo - 4}-04-01` });
    doc.charges.push({
      id: `Charge${pad(i, 3)}`, title: fixed ? `Service charge ${i}` : `Project rates ${i}`, payer: 'Council', payee: fixed ? 'JV' : 'Supplier',
      amounts, scope: pick(areas(fixed ? 'Core' : 'Market')), indexed: fixed ? 'RPI each April' : undefined,
      creditCap: fixed ? `${8 + Math.floor(rnd() * 8)}%` : undefined, clause: `Schedule 7.${i}`,
      note: rnd() < 0.3 ? 'Paid monthly in arrears.' : undefined,
    });
  }
  const fixedCharges = doc.charges.filter((c) => c.creditCap);

  // ---- norms
  const everyNorms = [];
  for (const n of doc.norms) {
    const r = rnd();
    if (n.kind === 'obligation' && n.due) {
      if (r < 0.16) { n.dueWithin = { count: pick([5, 10, 20, 30]), unit: 'working days', of: event() }; delete n.due; }
      else if (r < 0.17) { n.dueBeforeExpiry = { count: pick([6, 12]), unit: 'months' }; delete n.due; }
      else if (r < 0.19) n.amount = `£${1 + Math.floor(rnd() * 20)}m`;
    } else if (n.kind === 'obligation' && n.every) {
      if (r < 0.1) n.every = { n: 1, unit: 'month', from: event(), until: `${yearIn(termTo - 4, termTo)}-${pad(1 + Math.floor(rnd() * 12), 2)}` };
      else everyNorms.push(n);
    } else if (n.kind !== 'obligation' && r < 0.2) n.when = [event()];
    // Joint subjects only for duties about things, whose subjects no prohibition names.
    if (THINGS_SUBJECTS.includes(n.subject) && n.kind === 'obligation' && rnd() < 0.08) {
      n.subjects = rnd() < 0.3 ? ['Partners'] : [n.subject, pick(THINGS_SUBJECTS.filter((s) => s !== n.subject))];
    }
    if (n.to && rnd() < 0.03) n.toAll = [n.to, 'Auditor'];
    if (n.kind === 'obligation' && rnd() < 0.03) n.endeavours = pick(['reasonable', 'all-reasonable', 'best']);
    if (rnd() < 0.02) n.note = 'Restated from the schedule; the wording there governs.';
  }

  // ---- KPIs: ramped targets, baselines and weights, credits of a charge or of money
  for (const k of doc.kpis) {
    const pct = k.unit === 'percent';
    const v = (x) => `${x}${pct ? '%' : ''}`;
    if (rnd() < 0.35) k.ramp = { op: k.target.op, value: pct ? Math.min(99, k.target.value + 1) : Math.max(1, k.target.value - 1), from: `${yearIn(termFrom + 3, termTo - 3)}-04-01` };
    if (rnd() < 0.2) k.baseline = v(pct ? k.target.value - 2 : k.target.value + 3);
    if (rnd() < 0.2) k.weight = 5 * (1 + Math.floor(rnd() * 6));
    if (rnd() < 0.35) {
      // Only a failing value earns a credit, and a worse one earns more (P402, P408).
      k.credits = pct
        ? [{ amount: '2%', of: pick(fixedCharges).id, when: `< ${v(k.target.value - 1)}` }, { amount: '5%', of: pick(fixedCharges).id, when: `< ${v(k.target.value - 3)}` }]
        : [{ amount: '£5k', when: `> ${2 * k.target.value}` }, { amount: '£10k', when: `> ${3 * k.target.value}` }];
    }
  }

  // ---- bodies: a chain of escalation from the operations groups up to the leaders
  const board = doc.bodies.find((b) => b.id === 'Board');
  const group = doc.bodies.find((b) => b.id === 'Group');
  Object.assign(board, { meets: '1 month', escalatesTo: 'Leaders' });
  Object.assign(group, { meets: '3 months', escalatesTo: 'Board' });
  const newBodies = [{ id: 'Leaders', title: "Leaders' meeting", members: ['Council', 'JV', 'Venture'], meets: '6 months', note: 'Chaired in turn.' }];
  for (let i = 1; i <= Math.max(1, Math.round(N / 1000)); i++) {
    newBodies.push({ id: `Ops${pad(i, 3)}`, title: `Operations group ${i}`, chair: 'JV', members: ['JV', 'Supplier'], meets: '1 month', escalatesTo: 'Group' });
  }
  doc.bodies.push(...newBodies);

  // ---- powers, and variations that end a standing duty or extend the term
  doc.powers = [];
  for (let i = 1; i <= Math.max(1, Math.round(N / 500)); i++) {
    doc.powers.push({ id: `Power${pad(i, 3)}`, title: `Step in on service ${i}`, subject: 'Council', verb: pick(['terminate', 'operate', 'suspend']), object: pick(areas('Core')), to: 'JV', when: event(), notice: `${pick([1, 3, 6])} months` });
  }
  doc.variations = [];
  const nVariations = Math.max(1, Math.round(N / 300));
  for (let i = 1; i <= nVariations; i++) {
    const year = termFrom + 2 + Math.floor(((i - 1) * (termTo - termFrom - 3)) / nVariations);
    const ended = everyNorms.splice(Math.floor(rnd() * everyNorms.length), 1)[0];
    doc.variations.push({
      id: `Variation${pad(i, 3)}`, title: `Deed of variation ${i}`, agreed: `${year}-03-15`, effective: rnd() < 0.7 ? `${year}-04-01` : undefined,
      termTo: i % 4 === 1 ? `${termTo + 1 + Math.floor(i / 4)}-03-31` : undefined, ends: ended ? [ended.id] : [], clause: `Deed ${i}`,
    });
  }

  Object.assign(doc, {
    calendar: 'england-and-wales', value: '£2bn',
    objectives: ['Transform the council\'s services and cut their cost', 'Create local jobs'],
    notes: ['Restated from the published agreement and its schedules.'],
  });
  const shareTenths = 10 + Math.floor(rnd() * 980);
  doc.parties.push({ id: 'Partners', name: 'The public sector partners', role: 'group', of: ['Council', 'Client'] },
    { id: 'Venture', name: 'Regeneration Ventures Ltd', role: 'joint-venture', of: ['Council', 'Supplier'], shares: [`${shareTenths / 10}%`, `${(1000 - shareTenths) / 10}%`] });

  return render(text, doc);
}

/** Writes the records' second-version parts into the first version's text. */
function render(text, doc) {
  const byId = new Map(doc.norms.map((n) => [n.id, n]));
  text = text.replace(/^( {2}(?:obligation|permission|prohibition) (\w+) .*\{\n)((?: {4}.*\n)+)( {2}\}\n)/gm, (all, head, id, lines, close) => {
    const n = byId.get(id);
    if (!n) return all;
    const out = lines.split('\n').slice(0, -1).map((line) => normLine(n, line)).filter((line) => line !== null);
    if (n.when) out.splice(1, 0, `    when ${n.when.join(', ')}`);
    if (n.amount) out.splice(1, 0, `    amount ${n.amount}`);
    if (n.endeavours) out.splice(1, 0, `    endeavours ${n.endeavours}`);
    if (n.note) out.push(`    note ${q(n.note)}`);
    return head + out.join('\n') + '\n' + close;
  });
  const kpis = new Map(doc.kpis.map((k) => [k.id, k]));
  text = text.replace(/^( {2}kpi (\w+) .*\{\n)((?: {4}.*\n)+)( {2}\}\n)/gm, (all, head, id, lines, close) => head + lines + kpiLines(kpis.get(id)) + close);
  for (const b of doc.bodies.filter((b) => b.meets && text.includes(`  body ${b.id} `))) {
    text = text.replace(new RegExp(`(^ {2}body ${b.id} .*\\{\\n(?: {4}.*\\n)+)( {2}\\}\\n)`, 'm'), (_, body, close) => body + bodyExtras(b) + close);
  }
  const newBodies = doc.bodies.filter((b) => !text.includes(`  body ${b.id} `));
  const parties = doc.parties.filter((p) => p.role === 'group' || p.shares)
    .map((p) => `  party ${p.id} ${q(p.name)} as ${p.role} of ${p.of.map((o, i) => (p.shares ? `${o} ${p.shares[i]}` : o)).join(', ')}`);
  const events = doc.events.map((e) => `  event ${e.id} ${q(e.title)}${e.clause ? ` clause ${q(e.clause)}` : ''}`);
  const lines = [`  calendar ${doc.calendar}`, `  value ${doc.value} "Stated value over the term"`, ...doc.objectives.map((o) => `  objective ${q(o)}`), ...doc.notes.map((n) => `  note ${q(n)}`)];
  text = insertAfter(text, /^ {2}term .*\n/m, lines.join('\n') + '\n');
  text = insertAfter(text, /^ {2}party Auditor .*\n/m, [...parties, '', ...events].join('\n') + '\n');
  const bodies = newBodies.map((b) => `  body ${b.id} ${q(b.title)} {\n${b.chair ? `    chair ${b.chair}\n` : ''}    members ${b.members.join(', ')}\n${bodyExtras(b)}  }\n`);
  text = insertBefore(text, /^ {2}kpi /m, [...bodies, ...doc.charges.map(chargeText)].join('\n') + '\n');
  const tail = [...doc.powers.map(powerText), ...doc.variations.map(variationText)].join('\n');
  return text.replace(/\n\}\n$/, `\n${tail}\n}\n`);
}

/** One line of a norm as the records now say it; null drops it. */
function normLine(n, line) {
  if (/^ {4}\w+ (must|may) /.test(line)) {
    let out = n.subjects ? line.replace(/^ {4}\w+/, `    ${n.subjects.join(', ')}`) : line;
    if (n.toAll) out = out.replace(/ to \w+$/, ` to ${n.toAll.join(', ')}`);
    return out;
  }
  if (/^ {4}due /.test(line)) {
    if (n.dueWithin) return `    due within ${n.dueWithin.count} ${n.dueWithin.unit} of ${n.dueWithin.of}`;
    if (n.dueBeforeExpiry) return `    due ${n.dueBeforeExpiry.count} ${n.dueBeforeExpiry.unit} before expiry`;
  }
  if (/^ {4}every /.test(line) && n.every.until) return `    every ${n.every.n} ${n.every.unit} from ${n.every.from} until ${n.every.until}`;
  return line;
}

function kpiLines(k) {
  if (!k) return '';
  const v = (x) => `${x}${k.unit === 'percent' ? '%' : ''}`;
  const out = [];
  if (k.ramp) out.push(`    target ${k.ramp.op} ${v(k.ramp.value)} from ${k.ramp.from}`);
  if (k.baseline) out.push(`    baseline ${k.baseline} "measured before the contract"`);
  for (const c of k.credits ?? []) out.push(`    credit ${c.amount}${c.of ? ` of ${c.of}` : ''} when ${c.when}`);
  if (k.weight) out.push(`    weight ${k.weight}`);
  return out.map((l) => l + '\n').join('');
}

function bodyExtras(b) {
  return `    meets every ${b.meets}\n${b.escalatesTo ? `    escalates-to ${b.escalatesTo}\n` : ''}${b.note ? `    note ${q(b.note)}\n` : ''}`;
}

function chargeText(c) {
  const amounts = c.amounts.map((a) => `    ${a.money}${a.per.map((p) => ` per ${p}`).join('')}${a.from ? ` from ${a.from}` : ''}`);
  return [`  charge ${c.id} ${q(c.title)} {`, `    ${c.payer} pays ${c.payee}`, ...amounts, `    scope ${c.scope}`,
    ...(c.indexed ? [`    indexed ${q(c.indexed)}`] : []), ...(c.creditCap ? [`    credit-cap ${c.creditCap} per year`] : []),
    `    clause ${q(c.clause)}`, ...(c.note ? [`    note ${q(c.note)}`] : []), '  }', ''].join('\n');
}

function powerText(p) {
  return [`  power ${p.id} ${q(p.title)} {`, `    ${p.subject} can ${p.verb} ${p.object} to ${p.to}`, `    when ${p.when}`, `    notice ${p.notice}`, '  }', ''].join('\n');
}

function variationText(v) {
  return [`  variation ${v.id} ${q(v.title)} {`, `    agreed ${v.agreed}`, ...(v.effective ? [`    effective ${v.effective}`] : []),
    ...(v.termTo ? [`    term to ${v.termTo}`] : []), ...v.ends.map((e) => `    ends ${e}`), `    clause ${q(v.clause)}`, '  }', ''].join('\n');
}

function insertAfter(text, pattern, insert) {
  const m = pattern.exec(text);
  if (!m) throw new Error(`second-version: no ${pattern} in the generated contract`);
  return text.slice(0, m.index + m[0].length) + insert + text.slice(m.index + m[0].length);
}

function insertBefore(text, pattern, insert) {
  const m = pattern.exec(text);
  if (!m) throw new Error(`second-version: no ${pattern} in the generated contract`);
  return text.slice(0, m.index) + insert + text.slice(m.index);
}

/** Rewrites `${prefix}.partnership` and `${prefix}.json`, as the shared generator wrote them, with the second version's constructs. */
function rewrite(prefix) {
  const doc = JSON.parse(fs.readFileSync(`${prefix}.json`, 'utf8'));
  const text = addSecondVersion(fs.readFileSync(`${prefix}.partnership`, 'utf8'), doc);
  fs.writeFileSync(`${prefix}.partnership`, text);
  fs.writeFileSync(`${prefix}.json`, JSON.stringify(doc, null, 2) + '\n');
}

module.exports = { addSecondVersion, rewrite };

if (require.main === module) {
  if (process.argv.length !== 3) {
    console.error('usage: node scripts/bench/second-version.js <prefix>  (rewrites <prefix>.partnership and <prefix>.json)');
    process.exit(2);
  }
  rewrite(process.argv[2]);
}
