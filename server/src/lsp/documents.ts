// Document identity at the edge: LSP speaks URIs, the core speaks file paths. File URIs map to
// their path; other schemes (an untitled buffer) map to a stable path of their own.

import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const OTHER_SCHEMES = path.resolve('/', '.partnership-documents');

export class DocumentIds {
  private readonly uriByFile = new Map<string, string>();

  fileOf(uri: string): string {
    let file: string;
    if (uri.startsWith('file:')) {
      file = path.resolve(fileURLToPath(uri));
    } else {
      file = path.join(OTHER_SCHEMES, encodeURIComponent(uri));
    }
    this.uriByFile.set(file, uri);
    return file;
  }

  /** The URI the client named `file` by, or else its file URI, made once per file (every diagnostic asks). */
  uriOf(file: string): string {
    let uri = this.uriByFile.get(file);
    if (uri === undefined) this.uriByFile.set(file, (uri = pathToFileURL(file).toString()));
    return uri;
  }
}
