// The server's file system on Node: the real disk. Files and folders that exist but cannot be
// read (permissions, a broken link) are reported through `warn` and then treated as absent;
// a missing file is no problem of the host's (an import of it gets its own diagnostic).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { readContract, type ReadOptions, type ReadResult } from '../files/safe-read';
import { isContract, isResultsFile, isSkippedFolder, type ServerHost } from './server-host';

/** Errors that only say the path is not a readable file: expected, and not worth a warning. */
const ABSENT = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

export class NodeHost implements ServerHost {
  constructor(private readonly warn: (message: string) => void) {}

  /** Read by the disk's rules: one non-blocking handle, regular files only, a size cap. */
  read(file: string, options?: ReadOptions): ReadResult {
    return readContract(file, options);
  }

  findContracts(folder: string): string[] {
    const found: string[] = [];
    this.walk(folder, found, isContract);
    return found;
  }

  findResultsFiles(folder: string): string[] {
    const found: string[] = [];
    this.walk(folder, found, isResultsFile);
    return found;
  }

  private walk(folder: string, found: string[], wanted: (name: string) => boolean): void {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      this.report(`Cannot list the folder ${folder}`, error);
      return;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory() && !isSkippedFolder(entry.name)) this.walk(full, found, wanted);
      else if (entry.isFile() && wanted(entry.name)) found.push(full);
    }
  }

  private report(what: string, error: unknown): void {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code && ABSENT.has(code)) return;
    this.warn(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
