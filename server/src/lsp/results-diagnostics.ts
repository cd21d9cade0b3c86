// Diagnostics of the workspace's results files (R001 to R008). They follow an edit of a
// results file at once, and an edit of a contract after a short pause, so typing in a contract
// never waits for the ledger.

import type { Connection } from 'vscode-languageserver/node';
import type { Analysis } from '../core/analysis/analysis';
import { type Diagnostic as CoreDiagnostic, sameDiagnostics } from '../core/diagnostics/diagnostic';
import { type Positions, toLspDiagnostic } from './convert';
import type { DocumentIds } from './documents';
import type { Ledger } from '../core/ledger/ledger';
import { LedgerView } from './ledger-view';
import type { ServerHost } from './server-host';

/**
 * How long results files' diagnostics wait after a contract's analysis: working out the ledger
 * of a large tracked contract takes a few hundred milliseconds, which typing should not wait for.
 */
const AFTER_CONTRACT_EDIT_MS = 400;

export class ResultsDiagnostics {
  readonly view: LedgerView;
  private readonly published = new Map<string, { version: number | undefined; text: string | undefined; diagnostics: readonly CoreDiagnostic[] }>();
  private timer: NodeJS.Timeout | null = null;

  /** The ledger the editor's code lenses were last refreshed for. */
  private lensLedger: Ledger | null = null;

  constructor(
    host: ServerHost,
    private readonly connection: Connection,
    /** Whether the editor can be asked to refresh its code lenses. */
    private readonly canRefreshLenses: () => boolean,
    analysis: () => Analysis,
    private readonly positions: () => Positions,
    private readonly ids: DocumentIds,
    displayPath: (file: string) => string,
  ) {
    this.view = new LedgerView(host, analysis, displayPath, () => this.schedule(0));
  }

  /** A contract was analysed: the results files' diagnostics may change (names, terms). */
  contractsAnalysed(): void {
    if (this.view.results.files().length > 0 || this.published.size > 0) this.schedule(AFTER_CONTRACT_EDIT_MS);
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.publish(), delay);
  }

  /** Sends each results file's diagnostics when they changed, and clears those of files gone. */
  publish(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const results = this.view.results;
    const files = results.files();
    const ledger = files.length > 0 ? this.view.ledger() : null;
    // The lenses that say where each obligation stands may have been drawn from an earlier ledger.
    if (ledger && ledger !== this.lensLedger && this.canRefreshLenses()) {
      this.lensLedger = ledger;
      void this.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    }
    const positions = this.positions();
    for (const file of files) {
      const uri = this.ids.uriOf(file);
      const diagnostics = ledger?.diagnostics.get(file) ?? results.resultsFile(file)?.diagnostics ?? [];
      const version = results.version(file);
      const text = results.text(file);
      const before = this.published.get(uri);
      if (before && before.version === version && before.text === text && sameDiagnostics(before.diagnostics, diagnostics)) continue;
      this.published.set(uri, { version, text, diagnostics });
      void this.connection.sendDiagnostics({ uri, version, diagnostics: diagnostics.map((d) => toLspDiagnostic(d, positions, this.ids)) });
    }
    const current = new Set(files.map((f) => this.ids.uriOf(f)));
    for (const uri of [...this.published.keys()]) {
      if (current.has(uri)) continue;
      this.published.delete(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
