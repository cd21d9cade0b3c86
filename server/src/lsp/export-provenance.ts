// What an export from the editor says about its origin: the contract, the contracts on the
// other side of its conflicts (each named from the contract's folder), and the moment.

import * as path from 'node:path';
import type { Grouping } from '../core/matrix/cells';
import type { Matrix } from '../core/matrix/model';
import type { Provenance } from '../core/matrix/render-options';

/** `partnership/exportMatrix`: the document, the format, and how to group the rows (by scope when absent). */
export interface ExportParams {
  readonly uri: string;
  readonly format: 'html' | 'md' | 'csv';
  readonly grouping?: Grouping;
}

export function editorProvenance(matrix: Matrix, file: string): Provenance {
  const others = matrix.conflicts.flatMap((c) => c.related.map((r) => r.file));
  return { files: [...new Set([path.basename(file), ...others])], generatedAt: new Date(), tool: 'Partnership Language Tools' };
}
