// One request to the language server at a time, the latest winning: a debounced start, the
// request in flight cancelled when another starts, and an answer applied only if no newer
// request has started since it was asked. The matrix and the status view each keep one.

import * as vscode from 'vscode';

export class LatestRequest {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private source: vscode.CancellationTokenSource | undefined;
  /** Bumped by every request and every stop. */
  private generation = 0;

  /** Whether a request is in flight. */
  get pending(): boolean {
    return this.source !== undefined;
  }

  /** Runs `run` after `delay` ms, unless it is scheduled again or stopped first. */
  schedule(run: () => void, delay: number): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(run, delay);
  }

  /** Cancels what is scheduled and what is in flight; an answer still coming is dropped. */
  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.source?.cancel();
    this.source?.dispose();
    this.source = undefined;
    this.generation++;
  }

  /** Starts a request (stopping any other): its token, and `finish`, which says whether its answer may be applied. */
  start(): { readonly token: vscode.CancellationToken; readonly finish: () => boolean } {
    this.stop();
    const source = new vscode.CancellationTokenSource();
    this.source = source;
    const generation = this.generation;
    return {
      token: source.token,
      finish: () => {
        if (generation !== this.generation) return false;
        source.dispose();
        this.source = undefined;
        return true;
      },
    };
  }
}
