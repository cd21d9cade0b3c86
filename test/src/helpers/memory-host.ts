// A file system held in memory for the language server: tests write, change and delete files
// and the real workspace reads them, with no disk and no connection.
import * as path from 'node:path';
import type { ReadResult } from '../../../server/out/files/safe-read';
import { isContract, isResultsFile, isSkippedFolder, type ServerHost } from '../../../server/out/lsp/server-host';

export class MemoryHost implements ServerHost {
  private readonly files = new Map<string, string>();
  /** Every path read, in order: what the server asked the file system for. */
  readonly reads: string[] = [];

  /** `files` maps absolute paths to their text. */
  constructor(files: Readonly<Record<string, string>> = {}) {
    for (const [file, text] of Object.entries(files)) this.write(file, text);
  }

  write(file: string, text: string): void {
    this.files.set(path.resolve(file), text);
  }

  delete(file: string): void {
    this.files.delete(path.resolve(file));
  }

  read(file: string): ReadResult {
    this.reads.push(file);
    const text = this.files.get(path.resolve(file));
    return text === undefined ? { ok: false, missing: true, reason: 'no such file' } : { ok: true, text };
  }

  findContracts(folder: string): string[] {
    return this.find(folder, isContract);
  }

  findResultsFiles(folder: string): string[] {
    return this.find(folder, isResultsFile);
  }

  private find(folder: string, wanted: (file: string) => boolean): string[] {
    const root = path.resolve(folder);
    return [...this.files.keys()].filter((file) => {
      const relative = path.relative(root, file);
      if (relative.startsWith('..') || path.isAbsolute(relative)) return false;
      const folders = path.dirname(relative).split(path.sep).filter((part) => part !== '.');
      return wanted(file) && !folders.some(isSkippedFolder);
    });
  }
}
