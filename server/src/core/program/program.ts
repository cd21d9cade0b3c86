// A set of files checked together (a folder on the command line, the workspace in the
// editor), with the files they import. The path of a document: parse, declare names, resolve
// references, work out meaning, run every check. Diagnostics are kept per file.

import * as path from 'node:path';
import type { Declarations } from '../binding/declare';
import { declare } from '../binding/declare';
import type { VisiblePartnership } from '../binding/resolve';
import { resolveReferences } from '../binding/resolve';
import { ReferenceTable } from '../binding/reference-table';
import type { PartnershipSymbol } from '../binding/symbols';
import { checkProgram, type CheckResults } from '../checks/run';
import { report } from '../diagnostics/catalog';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { FileModel } from '../model/semantic';
import { buildFileModel } from '../model/semantic';
import type { Import, Partnership } from '../syntax/ast';
import { parseDocument, type ParsedDocument } from '../syntax/parse';
import type { Host } from './host';
import { cyclePath, stronglyConnected } from './imports';
import { patchNormEdit } from './norm-patch';
import { visibleTo } from './visible';

export interface ImportLink {
  readonly node: Import;
  /** Absolute path the import names. */
  readonly target: string;
  /** The imported file, or null when it cannot be read. */
  readonly source: SourceFile | null;
}

export interface SourceFile {
  readonly file: string;
  readonly text: string;
  readonly parsed: ParsedDocument;
  readonly partnership: Partnership | null;
  readonly declarations: Declarations;
  readonly symbolOf: Map<unknown, PartnershipSymbol>;
  readonly imports: readonly ImportLink[];
  readonly references: ReferenceTable;
  readonly model: FileModel | null;
  /** What the file and the files it imports tell of it alone: syntax, declarations, references. */
  readonly diagnostics: readonly Diagnostic[];
  /** Set when this analysis of the file patched the previous one for an edit inside one norm. */
  readonly patch?: NormPatch;
}

/**
 * One norm of `model` replaced: the rest of the model is the previous one, and offsets at or
 * after `from` (the old norm's end) moved by `delta`.
 */
export interface NormPatch {
  /** The previous model and file; weak, so that analyses do not chain. */
  readonly previous: WeakRef<FileModel>;
  readonly source: WeakRef<SourceFile>;
  /** The replaced norm's place in the models' `norms`. */
  readonly index: number;
  readonly from: number;
  readonly delta: number;
  /** The declarations the replaced norm's references named, before the edit and after it. */
  readonly namedBefore: readonly PartnershipSymbol[];
  readonly namedAfter: readonly PartnershipSymbol[];
}

export interface RootDocument {
  readonly file: string;
  /** The text to check; read through the host when absent. */
  readonly text?: string;
}

/** A file while this analysis builds it; shared as a `SourceFile` once complete. */
type Building = { -readonly [K in keyof SourceFile]: SourceFile[K] } & { diagnostics: Diagnostic[] };

/** A file read for this analysis, before its names are declared. */
interface Loaded {
  readonly file: string;
  readonly text: string;
  readonly parsed: ParsedDocument;
  readonly imports: readonly { node: Import; target: string }[];
}

export class Program {
  readonly files = new Map<string, SourceFile>();
  readonly roots: readonly string[];
  /** The checks' results by file, kept for the next analysis to reuse. */
  readonly checks: CheckResults;

  private readonly parse: (file: string, text: string) => ParsedDocument;
  private readonly whyUnreadable: (file: string) => string | undefined;
  private readonly importProblems = new Map<string, Diagnostic[]>();
  private readonly sorted = new Map<string, readonly Diagnostic[]>();

  /**
   * Analyses the roots and what they import. With the previous analysis of the same workspace,
   * a file whose parse and imported files are unchanged keeps its declarations, references and
   * model, and its checks run again only when something they looked up has changed.
   */
  constructor(roots: readonly RootDocument[], host: Host, previous?: Program) {
    this.parse = host.parse ? (file, text) => host.parse!(file, text) : parseDocument;
    this.whyUnreadable = (file) => host.whyUnreadable?.(file);
    this.roots = roots.map((r) => path.resolve(r.file));
    const loaded = this.load(roots, host);
    const kept = previous ? this.unchanged(loaded, previous) : new Set<string>();
    const fresh: Building[] = [];
    const patchable: Loaded[] = [];
    for (const l of loaded.values()) {
      if (kept.has(l.file)) this.files.set(l.file, previous!.files.get(l.file)!);
      else if (previous && this.importsKept(l, previous, kept, loaded)) {
        // Holds the file's place in the order; replaced below, patched or declared afresh.
        this.files.set(l.file, previous.files.get(l.file)!);
        patchable.push(l);
      } else {
        const source = this.declare(l);
        this.files.set(l.file, source);
        fresh.push(source);
      }
    }
    for (const l of patchable) {
      const before = previous!.files.get(l.file)!;
      const patched = patchNormEdit(before, l.parsed, before.imports, (s) => this.visiblePartnerships(s));
      if (patched) this.files.set(l.file, patched);
      else {
        const source = this.declare(l);
        this.files.set(l.file, source);
        fresh.push(source);
      }
    }
    for (const source of fresh) {
      const links = loaded.get(source.file)!.imports.map((link) => ({ ...link, source: this.files.get(link.target) ?? null }));
      source.imports = links;
    }
    for (const source of fresh) this.resolve(source);
    for (const source of fresh) {
      if (source.partnership) source.model = buildFileModel(source.file, source.partnership, source.references, source.symbolOf);
    }
    this.reportImports();
    this.checks = checkProgram(this, previous?.checks);
    if (previous) this.keepUnchangedLists(previous);
  }

  /**
   * A file whose parts are all unchanged keeps the very list of diagnostics it had, so a caller
   * can tell that nothing changed by identity. Taken now, so no analysis holds on to the one
   * before it.
   */
  private keepUnchangedLists(previous: Program): void {
    for (const [file, source] of this.files) {
      const list = previous.sorted.get(file);
      if (!list || previous.files.get(file) !== source || previous.checks.byFile.get(file) !== this.checks.byFile.get(file)) continue;
      if (sameDiagnostics(previous.importProblems.get(file) ?? [], this.importProblems.get(file) ?? [])) this.sorted.set(file, list);
    }
  }

  /** The diagnostics of one file, sorted by position then code. */
  diagnostics(file: string): readonly Diagnostic[] {
    const key = path.resolve(file);
    const known = this.sorted.get(key);
    if (known) return known;
    const source = this.files.get(key);
    if (!source) return [];
    const imports = this.importProblems.get(key) ?? [];
    const checks = this.checks.byFile.get(key);
    const list = [...source.diagnostics, ...imports, ...(checks?.diagnostics ?? [])].sort(
      (a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code) || a.message.localeCompare(b.message),
    );
    this.sorted.set(key, list);
    return list;
  }

  /** Every file of the program that declares a partnership, with its meaning. */
  models(): FileModel[] {
    const out: FileModel[] = [];
    for (const source of this.files.values()) if (source.model) out.push(source.model);
    return out;
  }

  /** Reads and parses the roots, then what they import, breadth-first; each file once. */
  private load(roots: readonly RootDocument[], host: Host): Map<string, Loaded> {
    const loaded = new Map<string, Loaded>();
    const queue: Loaded[] = [];
    const add = (file: string, text: string): void => {
      const parsed = this.parse(file, text);
      const l: Loaded = { file, text, parsed, imports: importsOf(file, parsed) };
      loaded.set(file, l);
      queue.push(l);
    };
    for (const root of roots) {
      const file = path.resolve(root.file);
      if (!loaded.has(file)) add(file, root.text ?? host.readFile(file) ?? '');
    }
    for (let i = 0; i < queue.length; i++) {
      for (const { target } of queue[i].imports) {
        if (loaded.has(target)) continue;
        const text = host.readFile(target);
        if (text !== undefined) add(target, text);
      }
    }
    return loaded;
  }

  /**
   * The files whose earlier analysis still holds: same parse, the same imports reaching the
   * same files, and every imported file unchanged too.
   */
  private unchanged(loaded: ReadonlyMap<string, Loaded>, previous: Program): Set<string> {
    const kept = new Set<string>();
    for (const l of loaded.values()) {
      const before = previous.files.get(l.file);
      if (before && before.parsed === l.parsed && sameImportLinks(before, l, loaded)) kept.add(l.file);
    }
    // A file that imports a changed file changes too (its references may now mean other things).
    let changed = true;
    while (changed) {
      changed = false;
      for (const file of kept) {
        if (loaded.get(file)!.imports.some(({ target }) => loaded.has(target) && !kept.has(target))) {
          kept.delete(file);
          changed = true;
        }
      }
    }
    return kept;
  }

  /** A changed file whose imports are the same and reach only unchanged files: it may be patched. */
  private importsKept(l: Loaded, previous: Program, kept: ReadonlySet<string>, loaded: ReadonlyMap<string, Loaded>): boolean {
    // A re-parse of one declaration keeps the import nodes, so the links differ only if a target changed.
    const before = previous.files.get(l.file);
    if (!before || !l.parsed.change || !sameImportLinks(before, l, loaded)) return false;
    return before.imports.every((link) => link.source === null || kept.has(link.target));
  }

  private declare(l: Loaded): Building {
    const { file, text, parsed } = l;
    const partnership = (parsed.ast.items.find((i) => i.kind === 'Partnership') as Partnership | undefined) ?? null;
    const diagnostics: Diagnostic[] = [...parsed.diagnostics];
    const declarations = declare(file, text, partnership, diagnostics);
    const symbolOf = new Map<unknown, PartnershipSymbol>();
    for (let i = 0; i < declarations.all.length; i++) symbolOf.set(declarations.all[i].decl, declarations.all[i]);
    return { file, text, parsed, partnership, declarations, symbolOf, imports: [], references: new ReferenceTable(), model: null, diagnostics };
  }

  /** P105: imports that cannot be read, and every import that is part of a cycle. */
  private reportImports(): void {
    const edges = (file: string): string[] =>
      (this.files.get(file)?.imports ?? []).filter((l) => l.source).map((l) => l.target);
    const component = stronglyConnected([...this.files.keys()], edges);
    for (const source of this.files.values()) {
      for (const link of source.imports) {
        const at = { file: source.file, start: link.node.path.start, end: link.node.path.end };
        let problem: Diagnostic | undefined;
        if (!link.source) {
          const reason = link.node.path.value.trim() === '' ? 'the path is empty' : this.whyUnreadable(link.target) ?? 'there is no readable file at that path (relative to this file\'s folder)';
          problem = report('P105', at, { path: link.node.path.value, reason });
        } else if (component.get(link.target) === component.get(source.file)) {
          const cycle = cyclePath(source.file, link.target, edges).map((f) => path.basename(f));
          problem = report('P105', at, { path: link.node.path.value, cycle });
        }
        if (!problem) continue;
        const list = this.importProblems.get(source.file) ?? [];
        list.push(problem);
        this.importProblems.set(source.file, list);
      }
    }
  }

  /** The file's own partnership, then every partnership it imports, transitively, nearest first. */
  visiblePartnerships(source: SourceFile): { own: VisiblePartnership | null; imported: VisiblePartnership[] } {
    const visible = (s: SourceFile): VisiblePartnership | null =>
      s.partnership ? { name: s.partnership.name.text, file: s.file, declarations: s.declarations } : null;
    const imported: VisiblePartnership[] = [];
    const seen = new Set<SourceFile>([source]);
    const queue = [source];
    while (queue.length > 0) {
      for (const link of queue.shift()!.imports) {
        if (!link.source || seen.has(link.source)) continue;
        seen.add(link.source);
        queue.push(link.source);
        const v = visible(link.source);
        if (v) imported.push(v);
      }
    }
    return { own: visible(source), imported };
  }

  private resolve(source: Building): void {
    const { own, imported } = visibleTo(this, source);
    source.references = new ReferenceTable(resolveReferences(source.file, source.partnership, own, imported, source.diagnostics));
  }
}

function importsOf(file: string, parsed: ParsedDocument): { node: Import; target: string }[] {
  const out: { node: Import; target: string }[] = [];
  for (const item of parsed.ast.items) {
    if (item.kind !== 'Import' || item.path.unterminated) continue;
    out.push({ node: item, target: path.resolve(path.dirname(file), item.path.value) });
  }
  return out;
}

/** The same import targets as before, each readable now exactly when it was then. */
function sameImportLinks(before: SourceFile, l: Loaded, loaded: ReadonlyMap<string, Loaded>): boolean {
  return before.imports.length === l.imports.length &&
    before.imports.every((link, i) => link.target === l.imports[i].target && (link.source !== null) === loaded.has(link.target));
}

function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return a.length === b.length && (a.length === 0 || JSON.stringify(a) === JSON.stringify(b));
}
