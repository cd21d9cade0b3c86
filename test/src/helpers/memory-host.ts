// A file system held in memory for the language server: tests write, change and delete files
// and the real workspace reads them, with no disk and no connection.
import * as path from 'node:path';
import { isContract, isSkippedFolder, type ServerHost } from '../../../server/out/lsp/server-host';

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

  readFile(file: string): string | undefined {
    this.reads.push(file);
    return this.files.get(path.resolve(file));
  }

  findContracts(folder: string): string[] {
    const root = path.resolve(folder);
    return [...this.files.keys()].filter((file) => {
      const relative = path.relative(root, file);
      if (relative.startsWith('..') || path.isAbsolute(relative)) return false;
      const folders = path.dirname(relative).split(path.sep).filter((part) => part !== '.');
      return isContract(file) && !folders.some(isSkippedFolder);
    });
  }
}
