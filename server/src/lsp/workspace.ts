// The server's view of the workspace: every `.partnership` file under the workspace folders
// (read at start, kept current by file events) with open documents' text taking precedence.
// Analysis is debounced; an edit that arrives before a scheduled run supersedes it, and a
// request that needs fresh results runs the pending analysis at once. Files are read through
// the injected `ServerHost`, never from the disk directly.

import { Analysis } from '../core/analysis/analysis';
import type { Host } from '../core/program/host';
import { parseDocument, type ParsedDocument } from '../core/syntax/parse';
import { reparseDocument } from '../core/syntax/reparse';
import { type ChangedRange, composeChanges } from '../core/text/changed-range';
import type { LineIndex } from '../core/text/line-index';
import { isContract, type ServerHost } from './server-host';
import { WorkspaceDisk } from './workspace-disk';

export interface OpenDocument {
  readonly text: string;
  readonly version: number;
  /** The document's line index, kept by the editor's side edit by edit. */
  readonly lines?: LineIndex;
}

/** How long the first edit after a quiet spell waits for the rest of its burst. */
const QUIET_DELAY_MS = 4;

/** The longest the server works ahead at a time: a message that arrives meanwhile waits at most about this long. */
const WORK_AHEAD_SLICE_MS = 2;

export class Workspace {
  private readonly disk = new Map<string, string>();
  private readonly open = new Map<string, OpenDocument>();
  private program: Analysis | null = null;
  /** The last parse of each file, reused while its text is the same. */
  private readonly parses = new Map<string, ParsedDocument>();
  /** The open document's line index for the text of each file's last parse, when the parse was of an open document. */
  private readonly parsedLines = new Map<string, LineIndex>();
  /**
   * For an open document edited since its last parse: the text of that parse and where the
   * edits since changed it, as the editor reported them. Dropped when an edit's place is unknown.
   */
  private readonly edits = new Map<string, { readonly base: string; readonly change: ChangedRange }>();
  private timer: NodeJS.Timeout | null = null;
  private disposed = false;
  private readonly diskReads: WorkspaceDisk;
  /** `files()`, sorted once for as long as no file comes or goes. */
  private fileList: readonly string[] | null = null;
  /**
   * The files whose text or standing (open, closed, read from disk) changed since the last
   * analysis, and that analysis's list of files: while the list is the same, the next analysis
   * reads these files alone. Null when every file must be read (the workspace indexed, a setting changed).
   */
  private edited: Set<string> | null = null;
  private analysedFiles: readonly string[] | null = null;

  constructor(
    private readonly host: ServerHost,
    private readonly onAnalysed: (analysis: Analysis) => void,
    private readonly debounceMs = 20,
    /** Told of an analysis that failed (a fault of the product, never of the text), for the log. */
    private readonly onFailure: (error: unknown, recovered: boolean) => void = () => undefined,
  ) {
    this.diskReads = new WorkspaceDisk(host);
  }

  /** Reads every `.partnership` file under the folders. */
  index(folders: readonly string[]): number {
    this.edited = null;
    this.diskReads.setFolders(folders);
    for (const folder of folders) {
      for (const file of this.host.findContracts(folder)) this.readFromDisk(file);
    }
    this.schedule(0);
    return this.disk.size;
  }

  private readFromDisk(file: string): void {
    const text = this.diskReads.readIndexed(file);
    const known = this.disk.has(file);
    if (text === undefined) this.disk.delete(file);
    else this.disk.set(file, text);
    if (known !== (text !== undefined)) this.fileList = null;
  }

  /** Whether imports may be read from outside the workspace folders; analyses again on a change. */
  allowImportsOutside(allow: boolean): void {
    if (!this.diskReads.setAllowOutside(allow)) return;
    this.edited = null;
    this.schedule();
  }

  didOpen(file: string, text: string, version: number, lines?: LineIndex): void {
    this.edits.delete(file);
    this.edited?.add(file);
    // The list of files is the same while the file was one of them already (on disk).
    if (!this.open.has(file) && !this.disk.has(file)) this.fileList = null;
    this.open.set(file, { text, version, lines });
    // Nobody is typing into a document just opened: it is analysed on the next turn of the
    // loop, unless a run is already pending, which this one joins.
    this.schedule(this.timer ? undefined : 0);
  }

  /** `change`, when known, says where the text changed from the document's previous text. */
  didChange(file: string, text: string, version: number, change?: ChangedRange, lines?: LineIndex): void {
    const open = this.open.get(file);
    // The document library reports an opened document as changed too: nothing to analyse again,
    // and treating it as an edit would push the opening's analysis back by the debounce.
    if (open && open.version === version && open.text === text) return;
    const before = open?.text;
    const tracked = this.edits.get(file);
    if (!change || before === undefined) this.edits.delete(file);
    else if (tracked) this.edits.set(file, { base: tracked.base, change: composeChanges(tracked.change, change) });
    else this.edits.set(file, { base: before, change });
    if (!open && !this.disk.has(file)) this.fileList = null;
    this.edited?.add(file);
    this.open.set(file, { text, version, lines });
    this.schedule();
  }

  didClose(file: string): void {
    this.edits.delete(file);
    this.edited?.add(file);
    if (this.open.delete(file) && !this.disk.has(file)) this.fileList = null;
    if (!this.disk.has(file)) this.parses.delete(file);
    this.parsedLines.delete(file);
    this.schedule();
  }

  /** A file changed, appeared or disappeared on disk. */
  diskChanged(file: string, deleted: boolean): void {
    this.edited?.add(file);
    if (deleted) {
      if (this.disk.delete(file)) this.fileList = null;
      this.parses.delete(file);
      this.parsedLines.delete(file);
    }
    else if (isContract(file)) this.readFromDisk(file);
    this.schedule();
  }

  isOpen(file: string): boolean {
    return this.open.has(file);
  }

  version(file: string): number | undefined {
    return this.open.get(file)?.version;
  }

  text(file: string): string | undefined {
    return this.open.get(file)?.text ?? this.disk.get(file);
  }

  /** The files whose diagnostics are published: workspace files and open documents. */
  files(): readonly string[] {
    this.fileList ??= [...new Set([...this.disk.keys(), ...this.open.keys()])].sort();
    return this.fileList;
  }

  /** The current analysis, running a scheduled one first so answers match the latest text. */
  current(): Analysis {
    if (this.timer || !this.program) this.analyse();
    return this.program!;
  }

  /**
   * The first edit after a quiet spell is analysed almost at once (the short wait lets the rest
   * of a burst already in the pipe arrive); an edit that finds a run still pending is part of a
   * burst and pushes it back by the full debounce, so only the last text is analysed.
   */
  private schedule(delay?: number): void {
    const pending = this.timer !== null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.analyse(), delay ?? (pending ? this.debounceMs : Math.min(QUIET_DELAY_MS, this.debounceMs)));
  }

  private analyse(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const files = this.files();
    const roots = files.map((file) => ({ file, text: this.text(file) }));
    // The files edited since the last analysis, when it analysed the same files.
    const edited = this.edited && files === this.analysedFiles ? this.edited : undefined;
    this.edited = new Set();
    this.analysedFiles = files;
    let program: Analysis;
    try {
      // The previous analysis lends every file that did not change, and its checks' results.
      program = new Analysis(roots, this.analysisHost(), this.program ?? undefined, { edited });
    } catch (error) {
      // What an edit carries over from the earlier analysis is where a fault would most likely
      // hide: the workspace is then analysed from nothing, every file parsed afresh, so that the
      // editor keeps every diagnostic. Should that fail too, the earlier analysis stands.
      this.parses.clear();
      this.parsedLines.clear();
      this.edits.clear();
      try {
        program = new Analysis(roots, this.analysisHost());
        this.onFailure(error, true);
      } catch (again) {
        this.onFailure(again, false);
        // The analysis that stands is older than the edits just taken: the next reads every file.
        this.edited = null;
        if (!this.program) throw again;
        return;
      }
    }
    this.program = program;
    this.onAnalysed(program);
    this.workAhead(program);
  }

  /** How an analysis reads the workspace's files: the editor's texts first, each parse kept for the next edit. */
  private analysisHost(): Host {
    return {
      parse: (file, text) => {
        const cached = this.parses.get(file);
        const edits = this.edits.get(file);
        this.edits.delete(file);
        if (cached && cached.text === text) return cached;
        const noted = this.open.has(file) ? undefined : this.diskReads.parseNoted(file, text);
        if (noted) {
          this.parses.set(file, noted);
          this.parsedLines.delete(file);
          return noted;
        }
        // The editor's account of the edits holds only from the text that was parsed last.
        const change = edits && cached && edits.base === cached.text ? edits.change : undefined;
        // The editor's line indexes of the two texts, which read them a stretch at a time.
        const lines = this.open.get(file)?.lines;
        const earlierLines = this.parsedLines.get(file);
        const texts = lines?.text === text && cached && earlierLines?.text === cached.text ? { before: earlierLines, after: lines } : undefined;
        const parsed = cached ? reparseDocument(cached, text, change, texts) : parseDocument(file, text);
        this.parses.set(file, parsed);
        if (lines?.text === text) this.parsedLines.set(file, lines);
        else this.parsedLines.delete(file);
        return parsed;
      },
      readFile: (file) => this.text(file) ?? this.diskReads.reader.readImport(file),
      lines: (file, text) => {
        const lines = this.open.get(file)?.lines;
        return lines?.text === text ? lines : undefined;
      },
      whyUnreadable: (file) => this.diskReads.reader.whyUnreadable(file),
      // An open document is analysed whatever its size on disk.
      whyNotAnalysed: (file) => (this.open.has(file) ? undefined : this.diskReads.whyNotAnalysed(file)),
    };
  }

  /**
   * While nobody types, prepares what the next analysis needs first, in slices between the
   * messages that arrive; stops for good once a newer analysis is due or made.
   */
  private workAhead(analysis: Analysis): void {
    const steps = analysis.workAhead();
    const step = (): void => {
      if (this.program !== analysis || this.timer || this.disposed) return;
      const until = performance.now() + WORK_AHEAD_SLICE_MS;
      try {
        while (performance.now() < until) if (steps.next().done) return;
      } catch (error) {
        // Working ahead only saves the next edit time: a fault here leaves it to that edit.
        this.onFailure(error, true);
        return;
      }
      // The next slice three turns of the loop on: the protocol library decodes a message it
      // read on a turn of its own and handles it on the next, so a message that arrived during
      // this slice is handled before the next one rather than after it.
      setImmediate(() => setImmediate(() => setImmediate(step)));
    };
    setImmediate(step);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
