// Go to definition, find references and document highlights: all start from what stands at
// the cursor and the occurrences of the thing it names, in every file.

import {
  DocumentHighlightKind,
  type DefinitionParams,
  type DocumentHighlight,
  type DocumentHighlightParams,
  type Location,
  type ReferenceParams,
} from 'vscode-languageserver';
import { locate, occurrences, targetOf } from '../../core/services/locate';
import { type FeatureContext, sourceOf } from './context';

function targetAt(ctx: FeatureContext, uri: string, position: { line: number; character: number }) {
  const source = sourceOf(ctx, uri);
  if (!source) return null;
  return targetOf(locate(source, ctx.positions.offset(source.file, position)));
}

export function handleDefinition(ctx: FeatureContext, params: DefinitionParams): Location | null {
  const target = targetAt(ctx, params.textDocument.uri, params.position);
  if (!target) return null;
  const declaration = occurrences(ctx.program, target).find((o) => o.isDeclaration);
  if (!declaration) return null;
  return { uri: ctx.ids.uriOf(declaration.file), range: ctx.positions.range(declaration.file, declaration.span.start, declaration.span.end) };
}

export function handleReferences(ctx: FeatureContext, params: ReferenceParams): Location[] {
  const target = targetAt(ctx, params.textDocument.uri, params.position);
  if (!target) return [];
  return occurrences(ctx.program, target)
    .filter((o) => params.context.includeDeclaration || !o.isDeclaration)
    .map((o) => ({ uri: ctx.ids.uriOf(o.file), range: ctx.positions.range(o.file, o.span.start, o.span.end) }));
}

export function handleDocumentHighlight(ctx: FeatureContext, params: DocumentHighlightParams): DocumentHighlight[] {
  const source = sourceOf(ctx, params.textDocument.uri);
  const target = targetAt(ctx, params.textDocument.uri, params.position);
  if (!source || !target) return [];
  return occurrences(ctx.program, target)
    .filter((o) => o.file === source.file)
    .map((o) => ({
      range: ctx.positions.range(o.file, o.span.start, o.span.end),
      kind: o.isDeclaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
    }));
}
