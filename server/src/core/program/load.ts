// Reading a program's files: each parsed once, with the files it imports, before any names are
// declared (program.ts). A parse kept from one analysis to the next keeps its imports.

import * as path from 'node:path';
import type { Import } from '../syntax/ast';
import { parseDocument, type ParsedDocument } from '../syntax/parse';
import type { Host } from './host';

export interface RootDocument {
  readonly file: string;
  /** The text to check; read through the host when absent. */
  readonly text?: string;
}

/** An import as written: its node, and the absolute path it names. */
export interface ImportTarget {
  readonly node: Import;
  readonly target: string;
}

/** A file read for a program, before its names are declared. */
export interface Loaded {
  readonly file: string;
  readonly text: string;
  readonly parsed: ParsedDocument;
  readonly imports: readonly ImportTarget[];
}

/** Parses one file through the host (which may keep the parse of a text it parsed before). */
export function loadFile(file: string, text: string, host: Host): Loaded {
  const parsed = host.parse ? host.parse(file, text) : parseDocument(file, text);
  return { file, text, parsed, imports: importsOf(file, parsed) };
}

/** Reads and parses the roots (named by absolute paths), then what they import, breadth-first; each file once. */
export function load(roots: readonly RootDocument[], host: Host): Map<string, Loaded> {
  const loaded = new Map<string, Loaded>();
  const queue: Loaded[] = [];
  const add = (file: string, text: string): void => {
    const l = loadFile(file, text, host);
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

/** The same import targets as before, each readable now exactly when it was then. */
export function sameImportLinks(before: { readonly imports: readonly { readonly target: string; readonly readable: boolean }[] }, l: Loaded, readable: (target: string) => boolean): boolean {
  if (before.imports.length !== l.imports.length) return false;
  // By index: this runs for every file of a workspace when its files are compared.
  for (let i = 0; i < l.imports.length; i++) {
    const link = before.imports[i];
    if (link.target !== l.imports[i].target || link.readable !== readable(link.target)) return false;
  }
  return true;
}

/** Each parse's imports, by the file it was read as. */
const importsByParse = new WeakMap<ParsedDocument, { readonly file: string; readonly imports: readonly ImportTarget[] }>();

export function importsOf(file: string, parsed: ParsedDocument): readonly ImportTarget[] {
  const known = importsByParse.get(parsed);
  if (known?.file === file) return known.imports;
  const imports = importsIn(file, parsed);
  importsByParse.set(parsed, { file, imports });
  return imports;
}

function importsIn(file: string, parsed: ParsedDocument): ImportTarget[] {
  const out: ImportTarget[] = [];
  for (const item of parsed.ast.items) {
    if (item.kind !== 'Import' || item.path.unterminated) continue;
    out.push({ node: item, target: path.resolve(path.dirname(file), item.path.value) });
  }
  return out;
}
