// What a command writes with `--output`: a file written piece by piece as the output is made
// (a long term's calendar is 100 MB and more), opened when the first piece comes, so that a
// command that fails before it has output leaves no file behind.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { isFileSystemError, makeFolders, UsageError } from './files';

export class OutputFile {
  private fd: number | undefined;

  constructor(readonly path: string) {}

  write(text: string | Uint8Array): void {
    try {
      if (this.fd === undefined) {
        makeFolders(path.dirname(path.resolve(this.path)));
        this.fd = fs.openSync(this.path, 'w');
      }
      if (typeof text === 'string') fs.writeSync(this.fd, text);
      // A write may take less than it is given: the rest is written after it.
      else for (let done = 0; done < text.length; ) done += fs.writeSync(this.fd, text, done);
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

