// The preview's requests that name the answer it holds (`since`): the matrix's updates and the
// status view. Per document, the last value answered is kept, so that the next answer can be a
// change to it when the preview says it holds that one; one preview asks, so one is enough.

import { matrixDelta } from '../../../shared/out/matrix-delta';
import type { Matrix } from '../../../shared/out/matrix';
import type { MatrixUpdateResult } from '../../../shared/out/protocol';
import { statusAnswer, type StatusAnswer } from '../../../shared/out/status-delta';
import type { StatusView } from '../../../shared/out/status-view';

/** The answer last given for a document, under its id. */
interface Held<V> {
  readonly id: string;
  readonly value: V;
}

export class AnswersSince<V, A> {
  private readonly last = new Map<string, Held<V>>();
  private counter = 0;

  /** `answerOf`: the answer for `value`, as a change to `base` (null: whole). */
  constructor(private readonly answerOf: (base: Held<V> | null, value: V, id: string) => A) {}

  answer(uri: string, since: string | null | undefined, value: V | null): A | null {
    const previous = this.last.get(uri);
    if (value === null) {
      this.last.delete(uri);
      return null;
    }
    const id = String(++this.counter);
    this.last.set(uri, { id, value });
    return this.answerOf(previous && previous.id === since ? previous : null, value, id);
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}

/** The matrix's updates (`partnership/matrixUpdate`), each a change to the matrix last answered. */
export function matrixAnswers(): AnswersSince<Matrix, NonNullable<MatrixUpdateResult>> {
  return new AnswersSince((base, next, id) => ({ id, base: base?.id ?? null, matrix: matrixDelta(base?.value ?? null, next) }));
}

/** The status view's answers (`partnership/status`), each a change to the view last answered. */
export function statusAnswers(): AnswersSince<StatusView, StatusAnswer> {
  return new AnswersSince((base, view, id) => statusAnswer(base ? { id: base.id, view: base.value } : null, view, id));
}
