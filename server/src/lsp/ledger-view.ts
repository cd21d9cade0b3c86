// The obligation ledger as the language server's features see it: the workspace's results
// files and where everything stands on a day, worked out from the latest analysis only when a
// feature asks (a code lens, a results file's hover or completion, the preview's status view),
// and kept while neither the analysis nor any results file changed.

import type { Analysis } from '../core/analysis/analysis';
import type { Ledger } from '../core/ledger/ledger';
import type { LedgerStatus } from '../core/ledger/types';
import { localDay } from '../core/values/dates';
import { ResultsWorkspace } from './results-workspace';
import type { ServerHost } from './server-host';

/** Today, in UTC, as the command line reads it: the clock is read at the edges, never in the core. */
/** Today where the editor runs. */
export function today(): number {
  return localDay(new Date());
}

export class LedgerView {
  readonly results: ResultsWorkspace;
  private statusCache: { readonly ledger: Ledger; readonly byDay: Map<number, LedgerStatus> } | null = null;

  constructor(
    host: ServerHost,
    private readonly analysis: () => Analysis,
    displayPath: (file: string) => string,
    /** Called after every change to a results file. */
    onResultsChange: () => void = () => undefined,
  ) {
    this.results = new ResultsWorkspace(host, onResultsChange, displayPath);
  }

  /** The ledger of the latest analysis and results files. */
  ledger(): Ledger {
    return this.results.ledger(this.analysis());
  }

  /** Where everything stands on `day`, kept for the ledger it was worked out from. */
  status(day: number): LedgerStatus {
    return this.statusOf(this.ledger(), day);
  }

  /**
   * Where everything stands on `day` by the ledger last worked out, which may be of the contracts
   * as they were before the latest edit: the code lens does not make typing in a large tracked
   * contract wait for the ledger. `ResultsDiagnostics` works out the current one after a pause
   * and asks the editor to refresh its lenses.
   */
  lastStatus(day: number): { readonly ledger: Ledger; readonly status: LedgerStatus } {
    const ledger = this.results.lastLedger(this.analysis());
    return { ledger, status: this.statusOf(ledger, day) };
  }

  private statusOf(ledger: Ledger, day: number): LedgerStatus {
    if (this.statusCache?.ledger !== ledger) this.statusCache = { ledger, byDay: new Map() };
    let status = this.statusCache.byDay.get(day);
    if (!status) {
      // A reviewer steps through a few days; only the latest few are kept.
      if (this.statusCache.byDay.size >= 4) this.statusCache.byDay.clear();
      status = ledger.status(day);
      this.statusCache.byDay.set(day, status);
    }
    return status;
  }
}
