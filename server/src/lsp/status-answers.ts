// The preview's status requests (`partnership/status`): each answer is a change to the answer
// this server last gave the preview for that document, when the preview says it holds that one
// (shared/src/status-delta.ts), so a results edit sends the parts of the view it changed.

import { statusAnswer, type StatusAnswer } from '../../../shared/out/status-delta';
import type { StatusView } from '../../../shared/out/status-view';

export class StatusAnswers {
  /** Per document, the last view answered; one preview asks, so one is enough. */
  private readonly last = new Map<string, { readonly id: string; readonly view: StatusView }>();
  private counter = 0;

  answer(uri: string, since: string | null | undefined, view: StatusView | null): StatusAnswer | null {
    const previous = this.last.get(uri);
    if (!view) {
      this.last.delete(uri);
      return null;
    }
    const id = String(++this.counter);
    this.last.set(uri, { id, view });
    return statusAnswer(previous && previous.id === since ? previous : null, view, id);
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}
