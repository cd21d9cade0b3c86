// Hover: keyword documentation; for names, what they are in the document's own words: a
// party's full name and role, a scope's path, covers lines and who holds it exclusively, a
// KPI's target and threshold, doc comments. Document text is escaped: hovers are untrusted.

import type { Hover, HoverParams } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';
import type { PartnershipSymbol } from '../../core/binding/symbols';
import { describePeriod } from '../../core/checks/context';
import { KEYWORD_DOCS } from '../../core/language/vocabulary';
import { escapeMarkdown, escapeMarkdownInline } from '../../core/matrix/markdown';
import { isCovered } from '../../core/model/coverage';
import { notesIn } from '../../core/model/semantic';
import { locate, type Target } from '../../core/services/locate';
import { namesText, qnameText } from '../../core/syntax/ast';
import { formatQuantity } from '../../core/values/decimal';
import { type FeatureContext, sourceOf } from './context';

const md = escapeMarkdownInline;
/** Names are letters, digits, `_`, `-` and dots, so they are safe inside a code span. */
const name = (s: string): string => '`' + s.replace(/`/g, '') + '`';

export function handleHover(ctx: FeatureContext, params: HoverParams): Hover | null {
  const source = sourceOf(ctx, params.textDocument.uri);
  if (!source) return null;
  const offset = ctx.positions.offset(source.file, params.position);
  const located = locate(source, offset);
  if (!located) return null;
  let value: string | null = null;
  switch (located.kind) {
    case 'keyword':
      value = KEYWORD_DOCS[located.word] ? `**${located.word}**\n\n${KEYWORD_DOCS[located.word]}` : null;
      break;
    case 'declaration':
      value = describeTarget(ctx, located.symbol);
      break;
    case 'partnership':
      value = describeTarget(ctx, { name: located.source.partnership!.name.text, file: located.source.file, declarations: located.source.declarations });
      break;
    case 'reference':
      value = located.target ? describeTarget(ctx, located.target) : null;
      break;
  }
  if (!value) return null;
  return { contents: { kind: MarkupKind.Markdown, value }, range: ctx.positions.range(source.file, located.span.start, located.span.end) };
}

export function describeTarget(ctx: FeatureContext, target: Target): string {
  if (!('kind' in target)) {
    const source = ctx.program.files.get(target.file);
    const p = source?.partnership;
    const term = source?.model?.term;
    return [`**partnership** ${name(target.name)}${p?.title ? ` — ${md(p.title.value)}` : ''}`, term ? `Term: ${describePeriod(term)}` : '', ...notes(source?.model?.notes ?? [])]
      .filter(Boolean).join('\n\n');
  }
  const lines: string[] = [];
  const s: PartnershipSymbol = target;
  const title = s.title ? ` — ${md(s.title)}` : '';
  switch (s.kind) {
    case 'party': {
      const role = s.decl.role?.text;
      const parents = s.decl.parents.map(qnameText);
      lines.push(`**party** ${name(s.name)}${title}`);
      if (role) lines.push(`Role: ${md(role)}${parents.length ? ` of ${parents.map(name).join(', ')}` : ''}`);
      break;
    }
    case 'scope': {
      lines.push(`**scope** ${name(s.path)}${title}`);
      const covers = (s.decl.block?.items ?? []).flatMap((i) => (i.kind === 'Covers' ? [i.text.value] : []));
      if (covers.length) lines.push('Covers:\n' + covers.map((c) => `- ${escapeMarkdown(c)}`).join('\n'));
      const grants = ctx.program.models().flatMap((m) => m.grants).filter((g) => isCovered(s, g));
      for (const g of grants) lines.push(`Exclusive to ${name(qnameText(g.node.holder))} ${md(describePeriod(g.period))}${g.node.clause ? ` (clause ${md(g.node.clause.value)})` : ''}`);
      if (ctx.program.models().some((m) => m.opens.some((o) => o.scope === s))) lines.push('Open to the market');
      break;
    }
    case 'kpi': {
      lines.push(`**KPI** ${name(s.name)}${title}`);
      const items = s.decl.block?.items ?? [];
      for (const i of items) {
        if (i.kind === 'Owner') lines.push(`Owner: ${name(qnameText(i.party))}`);
        if (i.kind === 'Target') lines.push(`Target: ${md(`${i.comparator.op} ${formatQuantity(i.value)}`)}`);
        if (i.kind === 'Threshold') lines.push(`Threshold: ${md(`${i.comparator.op} ${formatQuantity(i.value)}`)}${i.consequence ? `, otherwise ${md(i.consequence.value)}` : ''}`);
        if (i.kind === 'Measured') lines.push(`Measured: ${i.frequency.kind === 'Frequency' ? i.frequency.text : `every ${i.frequency.count} ${i.frequency.unit}${i.frequency.count > 1 ? 's' : ''}`}`);
      }
      break;
    }
    case 'norm': {
      lines.push(`**${s.decl.keyword}** ${name(s.name)}${title}`);
      const line = s.decl.block?.items.find((i) => i.kind === 'NormLine');
      if (line && line.kind === 'NormLine') {
        const object = line.object.kind === 'String' ? `"${line.object.value}"` : qnameText(line.object);
        lines.push(md(`${namesText(line.subjects)} ${line.modal.value} ${line.verb.text} ${object}${line.beneficiaries.length > 0 ? ` to ${namesText(line.beneficiaries)}` : ''}`));
      }
      break;
    }
    case 'body': {
      lines.push(`**body** ${name(s.name)}${title}`);
      for (const i of s.decl.block?.items ?? []) {
        if (i.kind === 'Chair') lines.push(`Chair: ${name(qnameText(i.party))}`);
        if (i.kind === 'Members') lines.push(`Members: ${i.parties.map((p) => name(qnameText(p))).join(', ')}`);
      }
      break;
    }
  }
  if (s.kind !== 'party' && s.kind !== 'event') lines.push(...notes(notesIn(s.decl.block?.items ?? [])));
  if (s.doc) lines.push(s.doc.split('\n').map(escapeMarkdown).join('  \n'));
  return lines.join('\n\n');
}

/** A declaration's `note` lines, each a paragraph. */
function notes(texts: readonly string[]): string[] {
  return texts.map((t) => `Note: ${md(t)}`);
}
