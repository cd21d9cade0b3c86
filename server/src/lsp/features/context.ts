// What every feature handler receives: the current analysis and the means to speak LSP.

import type { Program, SourceFile } from '../../core/program/program';
import type { Positions } from '../convert';
import type { DocumentIds } from '../documents';

export interface FeatureContext {
  readonly program: Program;
  readonly positions: Positions;
  readonly ids: DocumentIds;
}

export function sourceOf(ctx: FeatureContext, uri: string): SourceFile | undefined {
  return ctx.program.files.get(ctx.ids.fileOf(uri));
}
