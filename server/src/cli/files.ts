// Finds and reads the files the command line is asked about. Problems with the request itself
// (a missing path, a folder without contracts, an unreadable file) are usage errors: exit 2.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Host } from '../core/program/host';
import { DiskReader } from '../files/disk-reader';
import { RESULTS_SUFFIX } from '../core/ledger/results-file';

export class UsageError extends Error {}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.vscode-test', 'out']);

/** The `.partnership` files named or found under the given folders, sorted, each once. */
export function collectFiles(paths: readonly string[]): string[] {
  const found = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      throw new UsageError(`cannot read ${given}: ${reason(error)}`);
    }
    // A device, a FIFO or a socket would block the read or never end: one line, exit 2.
    if (!stat.isDirectory() && !stat.isFile()) throw new UsageError(`${given} is not a regular file or folder`);
    if (stat.isDirectory()) {
      const before = found.size;
      walk(absolute, found);
      if (found.size === before) throw new UsageError(`no .partnership files found in ${given}`);
    } else {
      found.add(absolute);
    }
  }
  return [...found].sort();
}

/** The results files (`*.results.csv`) named or found under the given folders, sorted, each once. */
export function collectResultsFiles(paths: readonly string[]): string[] {
  const found = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(given);
    if (given.endsWith(RESULTS_SUFFIX)) found.add(absolute);
    else if (fs.statSync(absolute, { throwIfNoEntry: false })?.isDirectory()) walk(absolute, found, RESULTS_SUFFIX);
  }
  return [...found].sort();
}

function walk(folder: string, into: Set<string>, suffix = '.partnership'): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    throw new UsageError(`cannot read the folder ${folder}: ${reason(error)}`);
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) walk(full, into, suffix);
    } else if (entry.isFile() && entry.name.endsWith(suffix)) {
      into.add(full);
    }
  }
}

const disk = new DiskReader();

/**
 * Reads a file named on the command line as UTF-8 text (a byte order mark is dropped; invalid
 * bytes become U+FFFD and the file gets a diagnostic saying so), through one non-blocking handle
 * and within the size cap.
 */
export function readText(file: string): string {
  return readTextNoting(file).text;
}

/** `readText`, saying too whether some bytes were not UTF-8 (they are U+FFFD in the text). */
export function readTextNoting(file: string): { text: string; invalidUtf8: boolean } {
  const result = disk.read(file);
  if (!result.ok) throw new UsageError(`cannot read ${relative(file)}: ${result.reason}`);
  return { text: result.text, invalidUtf8: result.invalidUtf8 !== undefined };
}

/** Imports are read from disk through the same checks; one that cannot be read is P105. */
export const diskHost: Host = disk.host();

/** Paths in output are relative to the working folder, with forward slashes, for stable reports. */
export function relative(file: string): string {
  const rel = path.relative(process.cwd(), file) || path.basename(file);
  return rel.split(path.sep).join('/');
}

/** An error of the file system (it carries an error code such as `ENOENT`), not a fault of ours. */
export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or folder';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'it is a folder';
    default: return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Makes `folder` and the folders above it that are missing, one at a time from the top. Node's
 * own recursive `mkdirSync` never returns for a folder under /proc (it makes the parent, is told
 * it exists, and tries the child again); one at a time, the first that cannot be made throws.
 */
export function makeFolders(folder: string): void {
  const missing: string[] = [];
  for (let current = path.resolve(folder); !fs.existsSync(current); ) {
    missing.push(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const f of missing.reverse()) fs.mkdirSync(f);
}
