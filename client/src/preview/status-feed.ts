// The preview's status view, kept current: while the page shows it, the day it asks for is
// requested from the language server (`partnership/status`) again whenever a contract or a
// results file changes, and the answer, checked, is posted to the page. Each request names the
// answer last taken, and the server sends what changed since (shared/src/status-delta.ts);
// the whole view is made here and posted. Requests are debounced, and an answer is dropped
// when a newer request has started.

import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { STATUS_REQUEST, type StatusParams } from '../../../shared/out/protocol';
import { applyStatusAnswer } from '../../../shared/out/status-delta';
import type { StatusView } from '../../../shared/out/status-view';
import { LatestRequest } from './latest-request';
import type { MessageToPage } from './protocol';
import { isStatusAnswer } from './status-protocol';

const DEBOUNCE_MS = 30;

export class StatusFeed {
  /** The day the page asks for (null: today), or undefined while it shows the matrix. */
  private wanted: string | null | undefined;
  private readonly requests = new LatestRequest();
  /** The last answer taken, whole, for the next to be a change to. */
  private held: { readonly id: string; readonly view: StatusView } | null = null;

  constructor(
    private readonly client: LanguageClient,
    /** The panel, when its page is ready to take messages. */
    private readonly page: () => vscode.WebviewPanel | undefined,
    private readonly source: () => vscode.Uri | undefined,
  ) {}

  /** The page shows the status view for `on` (undefined: it shows the matrix). */
  want(on: string | null | undefined): void {
    this.wanted = on;
    if (on === undefined) this.stop();
    else this.schedule(0);
  }

  schedule(delay = DEBOUNCE_MS): void {
    if (this.wanted === undefined) return;
    this.requests.schedule(() => void this.refresh(), delay);
  }

  stop(): void {
    this.requests.stop();
  }

  private async refresh(): Promise<void> {
    const uri = this.source();
    const on = this.wanted;
    if (!uri || on === undefined) return;
    const request = this.requests.start();
    let message: MessageToPage;
    try {
      message = await this.ask(uri.toString(), on, request.token);
    } catch (error) {
      message = { type: 'statusEmpty', reason: `Where things stand could not be worked out: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (!request.finish()) return;
    void this.page()?.webview.postMessage(message);
  }

  /** The view for `on`, as a change to the one held; asked again whole when the server's base is not it. */
  private async ask(uri: string, on: string | null, token: vscode.CancellationToken): Promise<MessageToPage> {
    for (const since of this.held ? [this.held.id, null] : [null]) {
      const params: StatusParams = { uri, on, since };
      const answer = await this.client.sendRequest<unknown>(STATUS_REQUEST, params, token);
      if (answer === null) {
        this.held = null;
        return { type: 'statusEmpty', reason: 'This file declares no partnership with a term, so nothing can be tracked.' };
      }
      if (!isStatusAnswer(answer)) break;
      const view = applyStatusAnswer(this.held, answer);
      if (!view) continue;
      this.held = { id: answer.id, view };
      return { type: 'status', view };
    }
    this.held = null;
    return { type: 'statusEmpty', reason: 'The language server answered with a status this preview cannot read. Reload the window after updating the extension.' };
  }
}
