// A set of files checked together (a folder on the command line, the workspace in the
// editor), with the files they import: each file parsed, its names declared, its references
// resolved and its meaning worked out. The checks run on top of this (see analysis.ts).
//
// A program is built once and never changed. Built from the previous program of the same
// workspace, a file whose parse and imports are unchanged is the previous file itself, and a
// changed file keeps every unit's resolution and meaning that the edit could not have changed.

import * as path from 'node:path';
import type { Declarations } from '../binding/declare';
import { declare } from '../binding/declare';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { FileModel } from '../model/semantic';
import type { Import, Partnership, Unit } from '../syntax/ast';
import type { ParsedDocument } from '../syntax/parse';
import { analyseFile, type FileAnalysis } from './file-analysis';
import type { Host } from './host';
import { importProblems, type ImportProblems } from './imports';
import { VisibleIndex } from './visible';
import { importsOf, load, type Loaded, loadFile, type RootDocument, sameImportLinks } from './load';
import { knownUnitPlace, unitPlace } from '../syntax/unit-starts';

export interface ImportLink {
  readonly node: Import;
  /** Absolute path the import names. */
  readonly target: string;
  /** Whether the imported file could be read: it is then one of the program's files. */
  readonly readable: boolean;
  /** Why it could not be read, when the host says (too large, not a contract). */
  readonly reason?: string;
}

/** A file with its names declared: what other files need of it to resolve their own names. */
export interface DeclaredFile {
  readonly file: string;
  readonly text: string;
  readonly parsed: ParsedDocument;
  readonly partnership: Partnership | null;
  readonly declarations: Declarations;
  readonly imports: readonly ImportLink[];
}

export interface SourceFile extends DeclaredFile, FileAnalysis {}

export class Program {
  readonly files: ReadonlyMap<string, SourceFile>;
  readonly roots: readonly string[];
  /** P105 by file: imports that cannot be read, and imports inside a cycle. */
  readonly importProblems: ReadonlyMap<string, readonly Diagnostic[]>;
  /** The same, with the import graph they were found with, for the next program. */
  private readonly importFindings: ImportProblems;

  /**
   * Each absolute name a root was given by, resolved: the previous program's very string when
   * named the same, so that files are found in the previous program by comparing pointers
   * rather than paths character by character, and resolving costs one lookup per file.
   */
  private readonly resolvedNames: ReadonlyMap<string, string>;

  /**
   * The files whose analysis is not the previous program's: changed, new, or importing such a
   * file directly or not; null when there was no previous program (every file is new). An
   * edit to one file of a large workspace makes the next analysis look again at these alone.
   */
  readonly changed: ReadonlySet<string> | null;

  /** Whether the files are the previous program's, each importing what it did (false without a previous program). */
  readonly sameGraph: boolean;

  /** For each file, the files importing it (by an import naming a file the program read). */
  private readonly importers: ReadonlyMap<string, readonly string[]>;

  /** Each root's place among the roots, for an edit that names the roots it changed. */
  private readonly rootPlaces: ReadonlyMap<string, number>;

  /** The files read but not analysed (too large): their texts stand in empty, and importing them is P105. */
  private readonly standIns: ReadonlySet<string>;

  /**
   * `edited`, with a previous program: the roots are the previous program's, in the same order,
   * and only those named in `edited` may have other texts (or be read otherwise: opened, closed,
   * grown too large) than they had there. The program then reads and compares those alone; an
   * edit that changes the import graph, or a previous program with files beyond its roots,
   * reads every file as without it.
   */
  constructor(roots: readonly RootDocument[], host: Host, previous?: Program, edited?: ReadonlySet<string>) {
    const quick = previous && edited ? Program.editedFiles(roots, host, previous, edited) : null;
    let loaded: ReadonlyMap<string, Loaded>;
    if (quick) {
      this.roots = previous!.roots;
      this.resolvedNames = previous!.resolvedNames;
      this.rootPlaces = previous!.rootPlaces;
      this.standIns = previous!.standIns;
      loaded = quick.loaded;
    } else {
      const names = new Map<string, string>();
      this.roots = roots.map((r) => {
        let file = previous?.resolvedNames.get(r.file);
        if (file === undefined) {
          file = path.resolve(r.file);
          // A relative name stands for another file once the working directory changes.
          if (path.isAbsolute(r.file)) names.set(r.file, file);
        } else names.set(r.file, file);
        return file;
      });
      this.resolvedNames = names;
      this.rootPlaces = new Map(this.roots.map((file, i) => [file, i]));
      loaded = load(roots.map((r, i) => ({ file: this.roots[i], text: r.text })), host);
      const standIns = new Set<string>();
      for (const file of loaded.keys()) if (host.whyNotAnalysed?.(file) !== undefined) standIns.add(file);
      this.standIns = standIns;
    }
    // A file read but not analysed (too large) cannot be imported: its text is a stand-in.
    const readable = (target: string): boolean => (quick ? previous!.canImport(target) : loaded.has(target) && !this.standIns.has(target));
    const comparison = quick ? { changed: quick.changed, sameGraph: true } : previous ? compare(loaded, previous, readable) : undefined;
    this.importers = comparison?.sameGraph ? previous!.importers : importersOf(loaded);
    const changed = comparison ? withImporters(comparison.changed, this.importers) : null;
    this.changed = changed;
    this.sameGraph = comparison?.sameGraph ?? false;
    const kept = (file: string): boolean => changed !== null && !changed.has(file);
    // Read anew, the files an edit changed and those importing them; read before, the others.
    const reread = quick ? [...changed!].map((file) => loaded.get(file) ?? loadedBefore(previous!.files.get(file)!)) : loaded.values();
    // First every file's names, which other files' references resolve to; unchanged files are the previous ones.
    const declared = new Map<string, DeclaredFile>(quick ? previous!.files : []);
    // The files read anew, as read.
    const toAnalyse: Loaded[] = [];
    for (const l of reread) {
      if (kept(l.file)) {
        declared.set(l.file, previous!.files.get(l.file)!);
        continue;
      }
      toAnalyse.push(l);
      const partnership = (l.parsed.ast.items.find((i) => i.kind === 'Partnership') as Partnership | undefined) ?? null;
      const imports = l.imports.map((link) => {
        const canRead = readable(link.target);
        const reason = canRead ? undefined : (host.whyNotAnalysed?.(link.target) ?? host.whyUnreadable?.(link.target));
        return reason ? { ...link, readable: canRead, reason } : { ...link, readable: canRead };
      });
      declared.set(l.file, { file: l.file, text: l.text, parsed: l.parsed, partnership, declarations: declare(l.file, partnership, previous?.files.get(l.file)?.declarations), imports });
    }
    // Then each changed file's references and meaning, seeing other files through its imports.
    const visibility = visibilityAmong(declared);
    const analysed = (l: Loaded): SourceFile => {
      const d = declared.get(l.file)!;
      // What the file sees through its imports is as before when every file it imports is.
      const earlier = previous?.files.get(l.file);
      const seesAsBefore = earlier !== undefined && sameImportLinks(earlier, l, readable) && d.imports.every((link) => !link.readable || kept(link.target));
      return { ...d, ...analyseFile(d, visibility.visibleTo(d), earlier, seesAsBefore) };
    };
    // In the order the files were read: the files read anew take the previous ones' places.
    const files = new Map<string, SourceFile>(quick ? previous!.files : []);
    if (quick) for (const l of toAnalyse) files.set(l.file, analysed(l));
    else for (const file of declared.keys()) files.set(file, kept(file) ? previous!.files.get(file)! : analysed(loaded.get(file)!));
    this.files = files;
    // The same import graph has the same cycles: only the changed files' imports are looked at again.
    this.importFindings = importProblems(this.files, comparison?.sameGraph && changed ? { previous: previous!.importFindings, changed } : undefined);
    this.importProblems = this.importFindings.byFile;
  }

  /**
   * For a program whose roots are `previous`'s and whose files only those in `edited` may have
   * changed: those files read again, and the ones whose parse changed; null when the edits
   * change which files the program reads or how they import each other (a new import, a file
   * that became too large), or the previous program read files beyond its roots (imports from
   * outside a workspace, read again each time).
   */
  private static editedFiles(roots: readonly RootDocument[], host: Host, previous: Program, edited: ReadonlySet<string>): { readonly loaded: Map<string, Loaded>; readonly changed: Set<string> } | null {
    if (roots.length !== previous.roots.length || previous.files.size !== previous.roots.length) return null;
    const loaded = new Map<string, Loaded>();
    const changed = new Set<string>();
    for (const file of edited) {
      const place = previous.rootPlaces.get(file);
      const then = previous.files.get(file);
      if (place === undefined || !then || roots[place].file !== file) return null;
      if ((host.whyNotAnalysed?.(file) !== undefined) !== previous.standIns.has(file)) return null;
      const l = loadFile(file, roots[place].text ?? host.readFile(file) ?? '', host);
      if (!sameImportLinks(then, l, (target) => previous.canImport(target))) return null;
      loaded.set(file, l);
      if (l.parsed !== then.parsed) changed.add(file);
    }
    return { loaded, changed };
  }

  /** Whether an import of `target` reads one of this program's files, analysed (not a stand-in for one too large). */
  private canImport(target: string): boolean {
    return this.files.has(target) && !this.standIns.has(target);
  }

  /**
   * Whether this program is `other` again: the same roots, every file the very analysis it
   * was there, and the same import problems (an editor opening a file as it is on disk, say).
   */
  sameAs(other: Program): boolean {
    // Built from `other` with files changed: a changed file is another analysis.
    if (this.changed && this.changed.size > 0) return false;
    if (this.files.size !== other.files.size || this.roots.length !== other.roots.length) return false;
    for (let i = 0; i < this.roots.length; i++) if (this.roots[i] !== other.roots[i]) return false;
    for (const [file, source] of this.files) {
      if (other.files.get(file) !== source || this.importProblems.get(file) !== other.importProblems.get(file)) return false;
    }
    return true;
  }

  /** Every file of the program that declares a partnership, with its meaning. */
  models(): FileModel[] {
    const out: FileModel[] = [];
    for (const source of this.files.values()) if (source.model) out.push(source.model);
    return out;
  }

  /** Where `unit` starts in the current text of `file`. */
  startOf(file: string, unit: Unit): number {
    const source = this.files.get(file);
    const place = source ? placeOfUnit(source, unit) : undefined;
    const start = place === undefined ? undefined : source!.partnership!.block!.starts.at(place);
    if (start === undefined) throw new Error(`startOf: the unit is not part of ${path.basename(file)}`);
    return start;
  }
}

/**
 * The place of `unit` among the units of `source`'s partnership: where it was last known to be
 * (an edit elsewhere leaves that as it was), else through the file's index of names for a unit
 * that declares the first of its name (nearly every one), else by indexing every unit, which
 * a contract's first diagnostics would otherwise do at once.
 */
export function placeOfUnit(source: DeclaredFile, unit: Unit): number | undefined {
  const block = source.partnership?.block;
  if (!block) return undefined;
  return knownUnitPlace(block, unit) ?? source.declarations.placeOfUnit(unit) ?? unitPlace(block, unit);
}

/** A file of the previous program as read then. */
function loadedBefore(source: SourceFile): Loaded {
  return { file: source.file, text: source.text, parsed: source.parsed, imports: importsOf(source.file, source.parsed) };
}

/**
 * What each file sees through its imports, among `declared`. A file's names keep this index
 * (their lookups of imported names ask it when first read), so it is made here rather than in
 * the program's constructor: a function made there would hold the constructor's variables,
 * the previous program among them, and each program would keep every earlier one alive.
 */
function visibilityAmong(declared: ReadonlyMap<string, DeclaredFile>): VisibleIndex<DeclaredFile> {
  return new VisibleIndex<DeclaredFile>((d) => d.imports.flatMap((link) => (link.readable ? [declared.get(link.target)!] : [])));
}

/**
 * The files whose previous analysis does not hold for a reason of their own: a new parse, a
 * new file, or imports that reach other files or are readable otherwise than before. And
 * whether the import graph is the previous one: the same files, each importing what it did.
 */
function compare(loaded: ReadonlyMap<string, Loaded>, previous: Program, readable: (target: string) => boolean): { readonly changed: Set<string>; readonly sameGraph: boolean } {
  const changed = new Set<string>();
  let sameGraph = loaded.size === previous.files.size;
  for (const l of loaded.values()) {
    const before = previous.files.get(l.file);
    if (!before || !sameImportLinks(before, l, readable)) {
      changed.add(l.file);
      sameGraph = false;
    } else if (before.parsed !== l.parsed) changed.add(l.file);
  }
  return { changed, sameGraph };
}

/** Each file read, with the files importing it. */
function importersOf(loaded: ReadonlyMap<string, Loaded>): Map<string, string[]> {
  const importers = new Map<string, string[]>();
  for (const l of loaded.values()) {
    for (const { target } of l.imports) {
      if (!loaded.has(target)) continue;
      const list = importers.get(target);
      if (list) list.push(l.file);
      else importers.set(target, [l.file]);
    }
  }
  return importers;
}

/** The changed files and every file importing one of them, directly or not: its references may now mean other things. */
function withImporters(changed: Set<string>, importers: ReadonlyMap<string, readonly string[]>): Set<string> {
  const queue = [...changed];
  for (let i = 0; i < queue.length; i++) {
    for (const importer of importers.get(queue[i]) ?? []) {
      if (changed.has(importer)) continue;
      changed.add(importer);
      queue.push(importer);
    }
  }
  return changed;
}
