// The Markdown of a declaration's hover: what it is in the document's own words (titles,
// covers lines) and its meaning in plain words from the model (core/services/describe.ts):
// a norm's timing, a charge's amounts, a KPI's targets over time, a variation's changes.
// Every piece of document text is escaped: hovers are untrusted.

import type {
  BodySymbol, ChargeSymbol, EventSymbol, KpiSymbol, NormSymbol, PartnershipSymbol, PartySymbol, ScopeSymbol, SymbolKind, VariationSymbol,
} from '../../core/binding/symbols';
import { describePeriod } from '../../core/checks/context';
import { escapeMarkdown, escapeMarkdownInline } from '../../core/matrix/markdown';
import { isCovered } from '../../core/model/coverage';
import type { FileModel, NormModel } from '../../core/model/semantic';
import {
  describeAmounts, describeChanges, describeCredit, describeCreditCap, describeDuration, describeMeasured, describeModal,
  describePayment, describeQuantity, describeTarget, describeThreshold, describeTiming, describeVariationDates, type NameOf,
} from '../../core/services/describe';
import { namesIn } from '../../core/services/names-in-file';
import { namesText, qnameText, type Band } from '../../core/syntax/ast';
import type { FeatureContext } from './context';

export const md = escapeMarkdownInline;
/** Names are letters, digits, `_`, `-` and dots, so they are safe inside a code span. */
export const name = (s: string): string => '`' + s.replace(/`/g, '') + '`';

/** A list under a label: one line for one item, a bulleted list for several. */
function listed(label: string, items: readonly string[]): string[] {
  if (items.length === 0) return [];
  if (items.length === 1) return [`${label}: ${md(items[0])}`];
  return [`${label}:\n` + items.map((i) => `- ${md(i)}`).join('\n')];
}

/** The model of the file that declares a symbol. */
function modelOf(ctx: FeatureContext, s: PartnershipSymbol): FileModel | undefined {
  return ctx.program.files.get(s.file)?.model ?? undefined;
}

type LinesOf = { readonly [K in SymbolKind]: (ctx: FeatureContext, s: Extract<PartnershipSymbol, { kind: K }>) => string[] };

const LINES: LinesOf = {
  party: (_ctx, s) => partyLines(s),
  scope: scopeLines, kpi: kpiLines, norm: normLines, body: bodyLines, event: eventLines, charge: chargeLines, variation: variationLines,
};

/** The paragraphs describing a declaration, without its notes and doc comment. */
export function declarationLines(ctx: FeatureContext, s: PartnershipSymbol): string[] {
  // Each kind's function takes its own kind of symbol, which the table's type pairs up.
  return (LINES[s.kind] as (ctx: FeatureContext, s: PartnershipSymbol) => string[])(ctx, s);
}

const heading = (kind: string, s: PartnershipSymbol, shown = s.name): string => `**${kind}** ${name(shown)}${s.title ? ` — ${md(s.title)}` : ''}`;

function partyLines(s: PartySymbol): string[] {
  const lines = [heading('party', s)];
  const role = s.decl.role?.text;
  // Parents as written, each with its share when one is given.
  const parents = s.decl.parents.map((p, i) => {
    const share = s.decl.shares[i];
    return name(qnameText(p)) + (share ? ` ${md(describeQuantity(share))}` : '');
  }).join(', ');
  if (role === 'group') {
    lines.push('Role: group');
    if (parents) lines.push(`Members: ${parents}`);
  } else if (role) {
    lines.push(`Role: ${md(role)}${parents ? ` of ${parents}` : ''}`);
  }
  return lines;
}

function scopeLines(ctx: FeatureContext, s: ScopeSymbol): string[] {
  const lines = [heading('scope', s, s.path)];
  const covers = (s.decl.block?.items ?? []).flatMap((i) => (i.kind === 'Covers' ? [i.text.value] : []));
  if (covers.length) lines.push('Covers:\n' + covers.map((c) => `- ${escapeMarkdown(c)}`).join('\n'));
  const grants = ctx.program.models().flatMap((m) => m.grants).filter((g) => isCovered(s, g));
  for (const g of grants) lines.push(`Exclusive to ${name(qnameText(g.node.holder))} ${md(describePeriod(g.period))}${g.node.clause ? ` (clause ${md(g.node.clause.value)})` : ''}`);
  if (ctx.program.models().some((m) => m.opens.some((o) => o.scope === s))) lines.push('Open to the market');
  return lines;
}

function kpiLines(ctx: FeatureContext, s: KpiSymbol): string[] {
  const lines = [heading('KPI', s)];
  const kpi = modelOf(ctx, s)?.kpis.find((k) => k.symbol === s);
  if (!kpi) return lines;
  const owner = s.decl.block?.items.find((i) => i.kind === 'Owner');
  if (owner?.kind === 'Owner') lines.push(`Owner: ${name(qnameText(owner.party))}`);
  if (kpi.scope) lines.push(`Scope: ${name(kpi.scope.path)}`);
  if (kpi.baseline) lines.push(`Baseline: ${md(describeQuantity(kpi.baseline.value))}${kpi.baseline.text ? ` (${md(kpi.baseline.text.value)})` : ''}`);
  lines.push(...listed(kpi.targets.length > 1 ? 'Targets' : 'Target', kpi.targets.map(describeTarget)));
  lines.push(...listed(kpi.thresholds.length > 1 ? 'Thresholds' : 'Threshold', kpi.thresholds.map(describeThreshold)));
  lines.push(...listed(kpi.credits.length > 1 ? 'Service credits (the largest that applies)' : 'Service credit', kpi.credits.map(describeCredit)));
  if (kpi.measured) lines.push(`Measured: ${md(describeMeasured(kpi.measured))}`);
  if (kpi.weight) lines.push(`Weight: ${md(describeQuantity(kpi.weight.value))}`);
  return lines;
}

function normLines(ctx: FeatureContext, s: NormSymbol): string[] {
  const lines = [heading(s.decl.keyword, s)];
  const norm = modelOf(ctx, s)?.norms.find((n) => n.symbol === s);
  const line = norm?.line;
  if (!norm || !line) return lines;
  const object = line.object.kind === 'String' ? `"${line.object.value}"` : qnameText(line.object);
  const to = line.beneficiaries.length > 0 ? ` to ${namesText(line.beneficiaries)}` : '';
  lines.push(md(`${namesText(line.subjects)} ${describeModal(norm)} ${line.verb.text} ${object}${to}`));
  const timing = describeTiming(norm, namesIn(ctx.program.files.get(s.file)));
  if (timing.length) lines.push(`Timing: ${md(timing.join(', '))}`);
  if (norm.amount) lines.push(`Amount: ${md(describeQuantity(norm.amount))}`);
  if (norm.notice) lines.push(`Notice: ${md(describeDuration(norm.notice))}`);
  if (norm.clause) lines.push(`Clause: ${md(norm.clause)}`);
  return lines;
}

function bandText(band: Band): string {
  const money = (q: Band['low']): string => (q ? describeQuantity(q) : '');
  switch (band.form) {
    case 'above':
      return `above ${money(band.low)}`;
    case 'up-to':
      return `up to ${money(band.high)}`;
    case 'range':
      return `from ${money(band.low)} to ${money(band.high)}`;
    case 'any':
      return 'any amount';
  }
}

function bodyLines(ctx: FeatureContext, s: BodySymbol): string[] {
  const lines = [heading('body', s)];
  const body = modelOf(ctx, s)?.bodies.find((b) => b.symbol === s);
  if (!body) return lines;
  for (const i of s.decl.block?.items ?? []) {
    if (i.kind === 'Chair') lines.push(`Chair: ${name(qnameText(i.party))}`);
    if (i.kind === 'Members') lines.push(`Members: ${i.parties.map((p) => name(qnameText(p))).join(', ')}`);
  }
  if (body.meets) lines.push(`Meets every ${md(describeDuration(body.meets))}`);
  if (body.escalation) {
    const next = body.escalation.body;
    lines.push(`Escalates to ${name(next.name)}${next.title ? ` (${md(next.title)})` : ''}`);
  }
  lines.push(...listed('Approves', body.approvals.map((a) => `${a.scope.path} ${bandText(a.node.band)}`)));
  return lines;
}

/** Whether a norm arises on an event: `when` it, a deadline counted from it, or a `from` that names it. */
function arisesOn(norm: NormModel, event: EventSymbol, nameOf: NameOf): boolean {
  if (norm.when.includes(event) || norm.deadline?.anchor === event) return true;
  const from = norm.from?.at;
  return from !== undefined && from.kind === 'QName' && nameOf(from) === event;
}

function eventLines(ctx: FeatureContext, s: EventSymbol): string[] {
  const lines = [heading('event', s)];
  if (s.decl.clause) lines.push(`Clause: ${md(s.decl.clause.value)}`);
  const arising: string[] = [];
  for (const model of ctx.program.models()) {
    const nameOf = namesIn(ctx.program.files.get(model.file));
    for (const norm of model.norms) {
      if (!arisesOn(norm, s, nameOf)) continue;
      const timing = describeTiming(norm, nameOf).join(', ');
      arising.push(`- ${name(norm.symbol.name)}${norm.symbol.title ? ` (${md(norm.symbol.title)})` : ''}${timing ? `: ${md(timing)}` : ''}`);
    }
  }
  lines.push(arising.length ? `Arising on it:\n${arising.join('\n')}` : 'No norm arises on it.');
  return lines;
}

function chargeLines(ctx: FeatureContext, s: ChargeSymbol): string[] {
  const lines = [heading('charge', s)];
  const charge = modelOf(ctx, s)?.charges.find((c) => c.symbol === s);
  if (!charge) return lines;
  const payment = describePayment(charge);
  if (payment) lines.push(`Paid: ${md(payment)}`);
  const { fixed, rates } = describeAmounts(charge);
  lines.push(...listed(fixed.length > 1 ? 'Fixed charges' : 'Fixed charge', fixed));
  lines.push(...listed(rates.length > 1 ? 'Rates' : 'Rate', rates));
  if (charge.scope) lines.push(`Scope: ${name(charge.scope.path)}`);
  if (charge.indexed) lines.push(`Indexed: ${md(charge.indexed)}`);
  if (charge.cap) lines.push(md(describeCreditCap(charge.cap)).replace(/^c/, 'C'));
  if (charge.clause) lines.push(`Clause: ${md(charge.clause)}`);
  return lines;
}

function variationLines(ctx: FeatureContext, s: VariationSymbol): string[] {
  const lines = [heading('variation', s)];
  const variation = modelOf(ctx, s)?.variations.find((v) => v.symbol === s);
  if (!variation) return lines;
  lines.push(variation.variedName ? `Varies ${name(variation.variedName)}` : 'Varies this partnership');
  const dates = describeVariationDates(variation);
  if (dates) lines.push(md(dates[0].toUpperCase() + dates.slice(1)));
  lines.push(...listed('Changes', describeChanges(variation)));
  if (variation.clause) lines.push(`Clause: ${md(variation.clause)}`);
  return lines;
}

/** The partnership's own lines: its stated value, objectives and calendar. */
export function partnershipLines(model: FileModel | null | undefined): string[] {
  if (!model) return [];
  const lines = model.values.map((v) => `Value: ${md(describeQuantity(v.amount))}${v.text ? ` (${md(v.text.value)})` : ''}`);
  lines.push(...model.objectives.map((o) => `Objective: ${md(o.text.value)}`));
  if (model.calendarNode) lines.push(`Working days: ${md(model.calendar)} calendar`);
  return lines;
}

