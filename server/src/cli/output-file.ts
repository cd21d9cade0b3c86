// What a command writes with `--output`: a file written piece by piece as the output is made
// (a long term's calendar is 100 MB and more), opened when the first piece comes, so that a
// command that fails before it has output leaves no file behind.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { isFileSystemError, makeFolders, UsageError } from './files';

export class OutputFile {
  private fd: number | undefined;

  constructor(readonly path: string) {}

  write(text: string): void {
    try {
      if (this.fd === undefined) {
        makeFolders(path.dirname(path.resolve(this.path)));
        this.fd = fs.openSync(this.path, 'w');
      }
      fs.writeSync(this.fd, text);
    } catch (error) {
      if (!isFileSystemError(error)) throw error;
      throw new UsageError(`cannot write ${this.path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** An output with nothing in it is still a file. */
  finish(): void {
    if (this.fd === undefined) this.write('');
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }
}

