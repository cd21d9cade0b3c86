// The live preview's matrix requests (`partnership/matrixUpdate`, shared/src/protocol.ts): each
// answer is a change to the matrix this server last gave the preview for that document, when
// the preview says it holds that one.

import { matrixDelta, rowKeys } from '../../../shared/out/matrix-delta';
import type { Matrix } from '../../../shared/out/matrix';
import type { MatrixUpdateParams, MatrixUpdateResult } from '../../../shared/out/protocol';

export class MatrixUpdates {
  /** Per document, the last matrix answered; one preview asks, so one is enough. */
  private readonly last = new Map<string, { readonly id: string; readonly matrix: Matrix; readonly keys: string[] }>();
  private counter = 0;

  answer(params: MatrixUpdateParams, matrix: Matrix | null): MatrixUpdateResult {
    const previous = this.last.get(params.uri);
    if (!matrix) {
      this.last.delete(params.uri);
      return null;
    }
    const base = previous && previous.id === params.since ? previous : null;
    const keys = rowKeys(matrix);
    const id = String(++this.counter);
    this.last.set(params.uri, { id, matrix, keys });
    return { id, base: base?.id ?? null, matrix: matrixDelta(base, matrix, keys) };
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}
