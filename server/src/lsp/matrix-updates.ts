// The live preview's matrix requests: each answer is a change to the matrix this server last
// gave the preview for that document, when the preview says it holds that one.

import { matrixDelta, type MatrixDelta, rowKeys } from '../core/matrix/delta';
import type { Matrix } from '../core/matrix/model';

export const MATRIX_UPDATE_REQUEST = 'partnership/matrixUpdate';

export interface MatrixUpdateParams {
  readonly uri: string;
  /** The `id` of the matrix the preview holds for this document, or null for none. */
  readonly since: string | null;
}

export interface MatrixUpdate {
  readonly id: string;
  /** The matrix `matrix` is a change to; null when every row is given whole. */
  readonly base: string | null;
  readonly matrix: MatrixDelta;
}

export class MatrixUpdates {
  /** Per document, the last matrix answered; one preview asks, so one is enough. */
  private readonly last = new Map<string, { readonly id: string; readonly matrix: Matrix; readonly keys: string[] }>();
  private counter = 0;

  answer(params: MatrixUpdateParams, matrix: Matrix | null): MatrixUpdate | null {
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
