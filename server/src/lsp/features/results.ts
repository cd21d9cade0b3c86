// Completion and hover in a results file (`*.results.csv`): the kinds, the names a row of its
// kind may give, and on a name what it is and where it stands today (results-assist.ts).

import { type CompletionItem, CompletionItemKind, type CompletionParams, type Hover, type HoverParams, MarkupKind } from 'vscode-languageserver';
import { resultsCompletions, resultsHover } from '../../core/ledger/results-assist';
import { today } from '../ledger-view';
import type { FeatureContext } from './context';

const ITEM_KINDS = { keyword: CompletionItemKind.Keyword, obligation: CompletionItemKind.Function, kpi: CompletionItemKind.Constant, event: CompletionItemKind.Event, header: CompletionItemKind.Snippet } as const;

export function handleResultsCompletion(ctx: FeatureContext, params: CompletionParams): CompletionItem[] {
  const file = ctx.ids.fileOf(params.textDocument.uri);
  const text = ctx.ledger.results.text(file);
  if (text === undefined) return [];
  const offset = ctx.positions.offset(file, params.position);
  return resultsCompletions(text, offset, ctx.ledger.ledger().names).map((c) => ({
    label: c.label,
    kind: ITEM_KINDS[c.kind],
    detail: c.detail,
    ...(c.documentation ? { documentation: { kind: MarkupKind.Markdown, value: c.documentation } } : {}),
    textEdit: { range: ctx.positions.range(file, c.start, c.end), newText: c.label },
  }));
}

export function handleResultsHover(ctx: FeatureContext, params: HoverParams): Hover | null {
  const file = ctx.ids.fileOf(params.textDocument.uri);
  const text = ctx.ledger.results.text(file);
  if (text === undefined) return null;
  const offset = ctx.positions.offset(file, params.position);
  const hover = resultsHover(text, offset, ctx.ledger.ledger().names, ctx.ledger.status(today()));
  if (!hover) return null;
  return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: ctx.positions.range(file, hover.start, hover.end) };
}
