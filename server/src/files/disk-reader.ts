// The disk as the core sees it (`Host`), through `readContract`: why an import could not be
// read becomes its P105, and what reading found in a file that was read (bytes that are not
// UTF-8) becomes a diagnostic of that file when it is parsed.

import { report } from '../core/diagnostics/catalog';
import type { Diagnostic } from '../core/diagnostics/diagnostic';
import type { Host } from '../core/program/host';
import { parseDocument, type ParsedDocument } from '../core/syntax/parse';
import { type InvalidUtf8, readContract, type ReadOptions, type ReadResult } from './safe-read';

export class DiskReader {
  private readonly notes = new Map<string, { readonly text: string; readonly diagnostic: Diagnostic }>();
  private readonly problems = new Map<string, string>();

  /**
   * `refuse` says why an import may not be read at all (outside the workspace, say); `reader`
   * reads a file (the disk, or the language server's host).
   */
  constructor(
    private readonly refuse: (file: string) => string | undefined = () => undefined,
    private readonly reader: (file: string, options: ReadOptions) => ReadResult = readContract,
  ) {}

  /** Reads a file, remembering what its parse should report about the reading. */
  read(file: string, options: ReadOptions = {}): ReadResult {
    const result = this.reader(file, options);
    if (result.ok && result.invalidUtf8) this.notes.set(file, { text: result.text, diagnostic: invalidUtf8Diagnostic(file, result.invalidUtf8) });
    else this.notes.delete(file);
    return result;
  }

  /** An imported file's text, or undefined with the reason kept for its P105. */
  readImport(file: string): string | undefined {
    const refused = this.refuse(file);
    const result: ReadResult = refused ? { ok: false, reason: refused } : this.read(file, { partnershipOnly: true });
    if (result.ok) {
      this.problems.delete(file);
      return result.text;
    }
    // A missing file keeps the core's own wording, which says where the path is looked for.
    if (result.missing) this.problems.delete(file);
    else this.problems.set(file, result.reason);
    return undefined;
  }

  whyUnreadable(file: string): string | undefined {
    return this.problems.get(file);
  }

  /** A diagnostic found while reading `file`, if its text is still the text read. */
  noteFor(file: string, text: string): Diagnostic | undefined {
    const note = this.notes.get(file);
    return note && note.text === text ? note.diagnostic : undefined;
  }

  /** Parses `text`, adding what reading it found. */
  parse(file: string, text: string, parse: (file: string, text: string) => ParsedDocument = parseDocument): ParsedDocument {
    const parsed = parse(file, text);
    const note = this.noteFor(file, text);
    return note ? withDiagnostic(parsed, note) : parsed;
  }

  host(): Host {
    return { readFile: (file) => this.readImport(file), whyUnreadable: (file) => this.whyUnreadable(file), parse: (file, text) => this.parse(file, text) };
  }
}

export function withDiagnostic(parsed: ParsedDocument, diagnostic: Diagnostic): ParsedDocument {
  return { ...parsed, diagnostics: [diagnostic, ...parsed.diagnostics] };
}

function invalidUtf8Diagnostic(file: string, invalid: InvalidUtf8): Diagnostic {
  const hex = invalid.value.toString(16).toUpperCase().padStart(2, '0');
  return report('P001', { file, start: invalid.offset, end: invalid.offset + 1 }, {
    text: `This file is not valid UTF-8: byte ${invalid.byte + 1} (0x${hex}) cannot be decoded, so it and any like it are shown as U+FFFD. Save the file as UTF-8.`,
  });
}

/** The one diagnostic of a workspace file that is not analysed because of its size. */
export function tooLargeDiagnostic(file: string, reason: string): Diagnostic {
  return report('P001', { file, start: 0, end: 0 }, { text: `This file is not analysed: ${reason}.` });
}
