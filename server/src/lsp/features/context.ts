// What every feature handler receives: the current analysis and the means to speak LSP.

import type { SourceFile } from '../../core/program/program';
import type { Analysis } from '../../core/analysis/analysis';
import type { Positions } from '../convert';
import type { DocumentIds } from '../documents';
import type { LedgerView } from '../ledger-view';

export interface FeatureContext {
  readonly program: Analysis;
  readonly positions: Positions;
  readonly ids: DocumentIds;
  readonly ledger: LedgerView;
}

export function sourceOf(ctx: FeatureContext, uri: string): SourceFile | undefined {
  return ctx.program.files.get(ctx.ids.fileOf(uri));
}
