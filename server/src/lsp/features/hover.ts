// Hover: keyword documentation; for names, what they are in the document's own words and what
// they mean in plain words (hover-text.ts): a party's full name and role, a scope's covers
// lines and who holds it exclusively, a norm's timing, a charge's amounts, a KPI's targets, a
// variation's changes, doc comments and notes. Document text is escaped: hovers are untrusted.

import type { Hover, HoverParams } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';
import { describePeriod } from '../../core/checks/context';
import { KEYWORD_DOCS } from '../../core/language/vocabulary';
import { escapeMarkdown } from '../../core/matrix/markdown';
import { notesIn } from '../../core/model/semantic';
import { locate, type Target } from '../../core/services/locate';
import { type FeatureContext, sourceOf } from './context';
import { declarationLines, md, name, partnershipLines } from './hover-text';

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
    return [
      `**partnership** ${name(target.name)}${p?.title ? ` — ${md(p.title.value)}` : ''}`,
      term ? `Term: ${describePeriod(term)}` : '',
      ...partnershipLines(source?.model),
      ...notes(source?.model?.notes ?? []),
    ].filter(Boolean).join('\n\n');
  }
  const lines = declarationLines(ctx, target);
  if (target.kind !== 'party' && target.kind !== 'event') lines.push(...notes(notesIn(target.decl.block?.items ?? [])));
  if (target.doc) lines.push(target.doc.split('\n').map(escapeMarkdown).join('  \n'));
  return lines.join('\n\n');
}

/** A declaration's `note` lines, each a paragraph. */
function notes(texts: readonly string[]): string[] {
  return texts.map((t) => `Note: ${md(t)}`);
}
