// Edits the server proposes: formatting (one whole-document edit, none for a broken document),
// quick fixes carried by their diagnostics, and the code lens above each norm: who, how bound
// and when, in the words of the hover.

import {
  type CodeAction,
  type CodeActionParams,
  type CodeLens,
  type CodeLensParams,
  type DocumentFormattingParams,
  type TextEdit,
} from 'vscode-languageserver';
import { formatDocument, LayoutGuardError } from '../../core/format/format';
import { describeModal, describeTiming } from '../../core/services/describe';
import { namesIn } from '../../core/services/names-in-file';
import { namesText } from '../../core/syntax/ast';
import { fixesAsActions } from '../convert';
import { standingOf } from '../../core/ledger/standing';
import { today } from '../ledger-view';
import { type FeatureContext, sourceOf } from './context';

export function handleFormatting(ctx: FeatureContext, params: DocumentFormattingParams): TextEdit[] {
  const source = sourceOf(ctx, params.textDocument.uri);
  if (!source) return [];
  let formatted: string | null;
  try {
    formatted = formatDocument(source.text);
  } catch (error) {
    // The formatter refuses to return anything that differs from the text in more than white
    // space: the document then stays as it is. Any other failure is a fault, which the
    // request's guard logs.
    if (error instanceof LayoutGuardError) return [];
    throw error;
  }
  if (formatted === null || formatted === source.text) return [];
  return [{ range: ctx.positions.range(source.file, 0, source.text.length), newText: formatted }];
}

export function handleCodeActions(_ctx: FeatureContext, params: CodeActionParams): CodeAction[] {
  return params.context.diagnostics.flatMap(fixesAsActions);
}

export function handleCodeLens(ctx: FeatureContext, params: CodeLensParams): CodeLens[] {
  const source = sourceOf(ctx, params.textDocument.uri);
  const model = source?.model;
  if (!source || !model) return [];
  // Its table of names is built only if a norm's `from` names an event.
  const nameOf = namesIn(source);
  // Where each obligation stands today, once a results file tracks the partnership.
  const partnership = model.partnership.name.text;
  const last = ctx.ledger.results.files().length > 0 ? ctx.ledger.lastStatus(today()) : undefined;
  const state = last?.ledger.tracks(partnership) ? last.status.partnerships.find((p) => p.name === partnership && p.file === ctx.ledger.results.displayPath(source.file)) : undefined;
  const standings = new Map(state?.obligations.map((o) => [o.name, o]));
  return model.norms.flatMap((norm) => {
    if (!norm.line) return [];
    const start = ctx.program.startOf(source.file, norm.unit) + norm.node.start;
    const range = ctx.positions.range(source.file, start, start);
    const obligation = standings.get(norm.symbol.name);
    const standing = obligation ? [{ range, command: { title: `Today: ${standingOf(obligation).text}`, command: '' } }] : [];
    const who = `${namesText(norm.line.subjects)} ${describeModal(norm)}`;
    // A standing duty binds throughout the term; a standing permission or ban holds at any time in it.
    const when = describeTiming(norm, nameOf).join(', ') || (norm.keyword === 'obligation' ? 'throughout the term' : 'at any time in the term');
    const kpis = norm.kpis.length ? `measured by ${norm.kpis.map((k) => k.name).join(', ')}` : 'no KPI';
    return [...standing, { range, command: { title: `${who} · ${when} · ${kpis}`, command: '' } }];
  });
}
