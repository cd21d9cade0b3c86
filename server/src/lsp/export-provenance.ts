// What an export from the editor says about its origin: the contract, the contracts on the
// other side of its conflicts (each named from the contract's folder), and the moment.

import * as path from 'node:path';
import type { Matrix } from '../../../shared/out/matrix';
import type { Provenance } from '../core/matrix/render-options';

export function editorProvenance(matrix: Matrix, file: string): Provenance {
  const others = matrix.conflicts.flatMap((c) => c.related.map((r) => r.file));
  return { files: [...new Set([path.basename(file), ...others])], generatedAt: new Date(), tool: 'Partnership Language Tools' };
}
