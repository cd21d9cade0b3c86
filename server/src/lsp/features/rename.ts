// Rename a party, scope, norm, KPI, body, event, charge, variation or partnership everywhere it
// is named, in every file. Refused for keywords and literals, for a new name the parser would not read as a name (a
// reserved word, or not a letter followed by letters, digits, `_` or `-`), and when the new
// name is already taken where the old one was declared.

import { ResponseError, ErrorCodes, type PrepareRenameParams, type Range, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import { nameProblem } from '../../core/language/names';
import { locate, occurrences, targetOf, type Target } from '../../core/services/locate';
import { type FeatureContext, sourceOf } from './context';

function renameable(ctx: FeatureContext, uri: string, position: { line: number; character: number }) {
  const source = sourceOf(ctx, uri);
  if (!source) return null;
  const located = locate(source, ctx.positions.offset(source.file, position));
  const target = targetOf(located);
  if (!located || !target || located.kind === 'keyword') return null;
  return { source, located, target };
}

export function handlePrepareRename(ctx: FeatureContext, params: PrepareRenameParams): { range: Range; placeholder: string } | null {
  const found = renameable(ctx, params.textDocument.uri, params.position);
  if (!found) throw new ResponseError(ErrorCodes.InvalidRequest, 'Only the name of a party, scope, norm, KPI, body, event, charge, variation or partnership can be renamed.');
  const { source, located } = found;
  return { range: ctx.positions.range(source.file, located.span.start, located.span.end), placeholder: source.text.slice(located.span.start, located.span.end) };
}

export function handleRename(ctx: FeatureContext, params: RenameParams): WorkspaceEdit {
  const found = renameable(ctx, params.textDocument.uri, params.position);
  if (!found) throw new ResponseError(ErrorCodes.InvalidRequest, 'Only the name of a party, scope, norm, KPI, body, event, charge, variation or partnership can be renamed.');
  const newName = params.newName.trim();
  const problem = nameProblem(newName);
  if (problem === 'reserved') throw new ResponseError(ErrorCodes.InvalidParams, `\`${newName}\` is a keyword and cannot be a name.`);
  if (problem === 'malformed') {
    throw new ResponseError(ErrorCodes.InvalidParams, `\`${newName}\` is not a valid name: use a letter, then letters, digits, \`_\` or \`-\`.`);
  }
  const clash = clashing(ctx, found.target, newName);
  if (clash) throw new ResponseError(ErrorCodes.InvalidParams, clash);
  const changes: Record<string, { range: Range; newText: string }[]> = {};
  for (const o of occurrences(ctx.program, found.target)) {
    (changes[ctx.ids.uriOf(o.file)] ??= []).push({ range: ctx.positions.range(o.file, o.span.start, o.span.end), newText: newName });
  }
  return { changes };
}

/** Why the new name would collide with a declaration in the same namespace, if it would. */
function clashing(ctx: FeatureContext, target: Target, newName: string): string | null {
  if (!('kind' in target)) {
    const other = ctx.program.models().find((m) => m.partnership.name.text === newName && m.file !== target.file);
    return other ? `Another partnership is already named \`${newName}\`.` : null;
  }
  if (target.name === newName) return null;
  const namespace = target.kind === 'scope' && target.parent ? target.parent.children : ctx.program.files.get(target.file)?.declarations.topLevel;
  return namespace?.has(newName) ? `\`${newName}\` is already declared ${target.kind === 'scope' && target.parent ? `inside \`${target.parent.path}\`` : 'in this partnership'}.` : null;
}
