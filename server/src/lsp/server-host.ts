// What the language server needs from the file system under the workspace, and nothing more.
// The server is built over this interface rather than over `node:fs`, so tests drive the real
// workspace and feature logic over files held in memory (TypeSpec's `ServerHost` is the model).

import type { ReadOptions, ReadResult } from '../files/safe-read';

export interface ServerHost {
  /**
   * A contract's text, decoded as UTF-8, or why it could not be read: missing, a folder or a
   * device, too large, not a `.partnership` file (see files/safe-read.ts, the disk's rules).
   */
  read(file: string, options?: ReadOptions): ReadResult;
  /**
   * The absolute paths of every `.partnership` file under the folder, at any depth, outside
   * the folders `isSkippedFolder` names; empty when the folder cannot be read.
   */
  findContracts(folder: string): string[];
  /** The absolute paths of every results file (`*.results.csv`) under the folder, by the same rules. */
  findResultsFiles(folder: string): string[];
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.vscode-test', 'out', 'dist']);

/** Dependency, build and hidden folders hold no contracts of the workspace's own. */
export function isSkippedFolder(name: string): boolean {
  return SKIPPED_FOLDERS.has(name) || name.startsWith('.');
}

export function isContract(name: string): boolean {
  return name.endsWith('.partnership');
}

export { isResultsFile } from '../core/ledger/results-file';
