// The preview's status view, kept current: while the page shows it, the day it asks for is
// requested from the language server (`partnership/status`) again whenever a contract or a
// results file changes, and the answer, checked, is posted to the page. Requests are
// debounced, and an answer is dropped when a newer request has started.

import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { STATUS_REQUEST, type StatusParams } from '../../../shared/out/protocol';
import { LatestRequest } from './latest-request';
import { isStatusView, type MessageToPage } from './protocol';

const DEBOUNCE_MS = 30;

export class StatusFeed {
  /** The day the page asks for (null: today), or undefined while it shows the matrix. */
  private wanted: string | null | undefined;
  private readonly requests = new LatestRequest();

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
      const params: StatusParams = { uri: uri.toString(), on };
      const answer = await this.client.sendRequest<unknown>(STATUS_REQUEST, params, request.token);
      if (answer === null) message = { type: 'statusEmpty', reason: 'This file declares no partnership with a term, so nothing can be tracked.' };
      else if (isStatusView(answer)) message = { type: 'status', view: answer };
      else message = { type: 'statusEmpty', reason: 'The language server answered with a status this preview cannot read. Reload the window after updating the extension.' };
    } catch (error) {
      message = { type: 'statusEmpty', reason: `Where things stand could not be worked out: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (!request.finish()) return;
    void this.page()?.webview.postMessage(message);
  }
}
