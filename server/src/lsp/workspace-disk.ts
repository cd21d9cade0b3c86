// The workspace's reads through its host: every indexed file and every import through `readContract`
// (regular `.partnership` files, one non-blocking handle, the size cap), and imports outside the
// workspace folders only when the user allows it (`partnership.imports.allowOutsideWorkspace`,
// which the extension keeps off in Restricted Mode).

import * as path from 'node:path';
import type { Diagnostic } from '../core/diagnostics/diagnostic';
import { parseDocument, type ParsedDocument } from '../core/syntax/parse';
import { DiskReader, tooLargeDiagnostic, withDiagnostic } from '../files/disk-reader';
import type { ServerHost } from './server-host';

export const OUTSIDE_WORKSPACE = 'it is outside the workspace, and the setting `partnership.imports.allowOutsideWorkspace` is off';

export class WorkspaceDisk {
  private folders: readonly string[] = [];
  private allowOutside = false;
  /** Indexed files too large to analyse: each is an empty text with one diagnostic, and why. */
  private readonly tooLarge = new Map<string, { readonly diagnostic: Diagnostic; readonly reason: string }>();
  readonly reader: DiskReader;

  constructor(host: ServerHost) {
    this.reader = new DiskReader((file) => (this.allowOutside || this.inside(file) ? undefined : OUTSIDE_WORKSPACE), (file, options) => host.read(file, options));
  }

  setFolders(folders: readonly string[]): void {
    this.folders = folders.map((f) => path.resolve(f));
  }

  /** Returns whether the policy changed. */
  setAllowOutside(allow: boolean): boolean {
    const changed = allow !== this.allowOutside;
    this.allowOutside = allow;
    return changed;
  }

  /** The text of a workspace file as it should be analysed, or undefined when it cannot be read. */
  readIndexed(file: string): string | undefined {
    const result = this.reader.read(file, { partnershipOnly: true });
    this.tooLarge.delete(file);
    if (result.ok) return result.text;
    if (!result.tooLarge) return undefined;
    this.tooLarge.set(file, { diagnostic: tooLargeDiagnostic(file, result.reason), reason: result.reason });
    return '';
  }

  /** Why an indexed file is not analysed (it is too large), for the P105 of a file that imports it. */
  whyNotAnalysed(file: string): string | undefined {
    return this.tooLarge.get(file)?.reason;
  }

  /**
   * The parse of a file read from disk whose reading found something: too large (one
   * diagnostic, nothing parsed), or not UTF-8 (parsed, with a diagnostic saying so).
   */
  parseNoted(file: string, text: string): ParsedDocument | undefined {
    const tooLarge = text === '' ? this.tooLarge.get(file) : undefined;
    if (tooLarge) return { ...parseDocument(file, text), diagnostics: [tooLarge.diagnostic] };
    const note = this.reader.noteFor(file, text);
    return note ? withDiagnostic(parseDocument(file, text), note) : undefined;
  }

  private inside(file: string): boolean {
    // With no folder open, a single file's imports are its neighbours: allowed like a workspace's.
    if (this.folders.length === 0) return true;
    return this.folders.some((folder) => {
      const rel = path.relative(folder, file);
      return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
    });
  }
}
