// The workspace's results files (`*.results.csv`, ledger.md): read from the workspace folders
// at start, kept current by file events, with open documents' text taking precedence, as the
// contracts are. The ledger joins them to the latest analysis of the contracts; it is built
// only when something asks for it (diagnostics of results files, a code lens, the preview's
// status view) and kept while neither the analysis nor any results file changed.

import type { Analysis } from '../core/analysis/analysis';
import { report } from '../core/diagnostics/catalog';
import { ledgerOf } from '../core/ledger/from-analysis';
import type { Ledger } from '../core/ledger/ledger';
import { readResultsFile, type ResultsFile } from '../core/ledger/results-file';
import { rereadResultsFile } from '../core/ledger/results-reread';
import type { ServerHost } from './server-host';

interface Text {
  readonly text: string;
  /** Some bytes read from disk were not UTF-8 (they are U+FFFD in the text). */
  readonly invalidUtf8: boolean;
  /** Why the file was not read (too large): it then has no rows and one diagnostic. */
  readonly unread?: string;
}

export class ResultsWorkspace {
  private readonly disk = new Map<string, Text>();
  private readonly open = new Map<string, { readonly text: string; readonly version: number }>();
  /** The last reading of each file, reused while its text is the same. */
  private readonly read = new Map<string, ResultsFile>();
  /** Bumped by every change to a results file. */
  private generation = 0;
  private built: { readonly analysis: Analysis; readonly generation: number; readonly ledger: Ledger } | null = null;

  constructor(
    private readonly host: ServerHost,
    /** Called after every change to a results file. */
    private readonly onChange: () => void,
    readonly displayPath: (file: string) => string,
  ) {}

  index(folders: readonly string[]): number {
    for (const folder of folders) for (const file of this.host.findResultsFiles(folder)) this.readFromDisk(file);
    this.changed();
    return this.disk.size;
  }

  didOpen(file: string, text: string, version: number): void {
    this.open.set(file, { text, version });
    this.changed();
  }

  didChange(file: string, text: string, version: number): void {
    const open = this.open.get(file);
    if (open && open.version === version && open.text === text) return;
    this.open.set(file, { text, version });
    this.changed();
  }

  didClose(file: string): void {
    this.open.delete(file);
    this.changed();
  }

  diskChanged(file: string, deleted: boolean): void {
    if (deleted) this.disk.delete(file);
    else this.readFromDisk(file);
    this.changed();
  }

  /** Results files whose diagnostics are published: those on disk in the workspace and those open. */
  files(): string[] {
    return [...new Set([...this.disk.keys(), ...this.open.keys()])].sort();
  }

  has(file: string): boolean {
    return this.open.has(file) || this.disk.has(file);
  }

  text(file: string): string | undefined {
    return this.open.get(file)?.text ?? this.disk.get(file)?.text;
  }

  version(file: string): number | undefined {
    return this.open.get(file)?.version;
  }

  /** A results file as read from its current text. */
  resultsFile(file: string): ResultsFile | undefined {
    const open = this.open.get(file);
    const current: Text | undefined = open ? { text: open.text, invalidUtf8: false } : this.disk.get(file);
    if (!current) return undefined;
    const cached = this.read.get(file);
    if (cached && cached.text === current.text) return cached;
    const parsed = current.unread !== undefined
      ? { file, text: '', rows: [], diagnostics: [report('R001', { file, start: 0, end: 0 }, { reason: `the file is not read: ${current.unread}` })] }
      : cached?.header ? rereadResultsFile(cached, current.text, current.invalidUtf8) : readResultsFile(file, current.text, current.invalidUtf8);
    this.read.set(file, parsed);
    return parsed;
  }

  /** The ledger of `analysis` with every results file; the same object while nothing changed. */
  ledger(analysis: Analysis): Ledger {
    const built = this.built;
    if (built && built.analysis === analysis && built.generation === this.generation) return built.ledger;
    const results = this.files().map((f) => this.resultsFile(f)).filter((r): r is ResultsFile => r !== undefined);
    // An edit of a results file keeps the contracts' side of the ledger, and what unchanged rows came to.
    const ledger = built && built.analysis === analysis ? built.ledger.withResults(results) : ledgerOf(analysis, results, this.displayPath);
    this.built = { analysis, generation: this.generation, ledger };
    return ledger;
  }

  /**
   * The ledger last worked out, perhaps of an earlier analysis of the contracts (results files
   * as they are now): what a code lens may show while the current one waits for a pause in typing.
   */
  lastLedger(analysis: Analysis): Ledger {
    const built = this.built;
    return built && built.generation === this.generation ? built.ledger : this.ledger(analysis);
  }

  private readFromDisk(file: string): void {
    const result = this.host.read(file);
    if (result.ok) this.disk.set(file, { text: result.text, invalidUtf8: result.invalidUtf8 !== undefined });
    else if (result.tooLarge) this.disk.set(file, { text: '', invalidUtf8: false, unread: result.reason });
    else this.disk.delete(file);
  }

  private changed(): void {
    this.generation++;
    for (const file of this.read.keys()) if (!this.has(file)) this.read.delete(file);
    this.onChange();
  }
}
