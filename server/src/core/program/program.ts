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
import { parseDocument, type ParsedDocument } from '../syntax/parse';
import { analyseFile, type FileAnalysis } from './file-analysis';
import type { Host } from './host';
import { importProblems, type ImportProblems } from './imports';
import { VisibleIndex } from './visible';
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

export interface RootDocument {
  readonly file: string;
  /** The text to check; read through the host when absent. */
  readonly text?: string;
}

/** A file read for this program, before its names are declared. */
interface Loaded {
  readonly file: string;
  readonly text: string;
  readonly parsed: ParsedDocument;
  readonly imports: readonly { node: Import; target: string }[];
}

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

  /** For each file, the files importing it (by an import naming a file the program read). */
  private readonly importers: ReadonlyMap<string, readonly string[]>;

  constructor(roots: readonly RootDocument[], host: Host, previous?: Program) {
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
    const loaded = load(roots.map((r, i) => ({ file: this.roots[i], text: r.text })), host);
    // A file read but not analysed (too large) cannot be imported: its text is a stand-in.
    // Asked once for each file imported: a workspace's contracts often all import one catalogue.
    const readableByTarget = new Map<string, boolean>();
    const readable = (target: string): boolean => {
      let canRead = readableByTarget.get(target);
      if (canRead === undefined) readableByTarget.set(target, (canRead = loaded.has(target) && host.whyNotAnalysed?.(target) === undefined));
      return canRead;
    };
    const comparison = previous ? compare(loaded, previous, readable) : undefined;
    this.importers = comparison?.sameGraph ? previous!.importers : importersOf(loaded);
    const changed = comparison ? withImporters(comparison.changed, this.importers) : null;
    this.changed = changed;
    const kept = (file: string): boolean => changed !== null && !changed.has(file);
    // First every file's names, which other files' references resolve to; unchanged files are the previous ones.
    const declared = new Map<string, DeclaredFile>();
    for (const l of loaded.values()) {
      if (kept(l.file)) {
        declared.set(l.file, previous!.files.get(l.file)!);
        continue;
      }
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
    const files = new Map<string, SourceFile>();
    for (const [file, d] of declared) {
      if (kept(file)) {
        files.set(file, previous!.files.get(file)!);
        continue;
      }
      // What the file sees through its imports is as before when every file it imports is.
      const earlier = previous?.files.get(file);
      const seesAsBefore = earlier !== undefined && sameImportLinks(earlier, loaded.get(file)!, readable) && d.imports.every((link) => !link.readable || kept(link.target));
      files.set(file, { ...d, ...analyseFile(d, visibility.visibleTo(d), earlier, seesAsBefore) });
    }
    this.files = files;
    // The same import graph has the same cycles: only the changed files' imports are looked at again.
    this.importFindings = importProblems(files, comparison?.sameGraph && changed ? { previous: previous!.importFindings, changed } : undefined);
    this.importProblems = this.importFindings.byFile;
  }

  /**
   * Whether this program is `other` again: the same roots, every file the very analysis it
   * was there, and the same import problems (an editor opening a file as it is on disk, say).
   */
  sameAs(other: Program): boolean {
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

/** Reads and parses the roots (named by absolute paths), then what they import, breadth-first; each file once. */
function load(roots: readonly RootDocument[], host: Host): Map<string, Loaded> {
  const parse = host.parse ? (file: string, text: string) => host.parse!(file, text) : parseDocument;
  const loaded = new Map<string, Loaded>();
  const queue: Loaded[] = [];
  const add = (file: string, text: string): void => {
    const parsed = parse(file, text);
    const l: Loaded = { file, text, parsed, imports: importsOf(file, parsed) };
    loaded.set(file, l);
    queue.push(l);
  };
  for (const { file, text } of roots) if (!loaded.has(file)) add(file, text ?? host.readFile(file) ?? '');
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

/** The same import targets as before, each readable now exactly when it was then. */
function sameImportLinks(before: SourceFile, l: Loaded, readable: (target: string) => boolean): boolean {
  if (before.imports.length !== l.imports.length) return false;
  // By index: this runs for every file of a workspace at every edit.
  for (let i = 0; i < l.imports.length; i++) {
    const link = before.imports[i];
    if (link.target !== l.imports[i].target || link.readable !== readable(link.target)) return false;
  }
  return true;
}

/** Each parse's imports, by the file it was read as: a parse kept from one analysis to the next keeps them. */
const importsByParse = new WeakMap<ParsedDocument, { readonly file: string; readonly imports: readonly { node: Import; target: string }[] }>();

function importsOf(file: string, parsed: ParsedDocument): readonly { node: Import; target: string }[] {
  const known = importsByParse.get(parsed);
  if (known?.file === file) return known.imports;
  const imports = importsIn(file, parsed);
  importsByParse.set(parsed, { file, imports });
  return imports;
}

function importsIn(file: string, parsed: ParsedDocument): { node: Import; target: string }[] {
  const out: { node: Import; target: string }[] = [];
  for (const item of parsed.ast.items) {
    if (item.kind !== 'Import' || item.path.unterminated) continue;
    out.push({ node: item, target: path.resolve(path.dirname(file), item.path.value) });
  }
  return out;
}
