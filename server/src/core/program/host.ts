// How the core reads files it was not given: the imports of the files being checked.
// The command line reads the disk; the editor prefers its open documents.

import type { ParsedDocument } from '../syntax/parse';
import type { LineIndex } from '../text/line-index';

export interface Host {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  readFile(file: string): string | undefined;
  /** Why `readFile` found nothing (too large, not a contract), for the import's P105. */
  whyUnreadable?(file: string): string | undefined;
  /**
   * Why a file that `readFile` gave is not analysed (too large: its text stands in empty), so
   * that importing it is P105 rather than an empty partnership.
   */
  whyNotAnalysed?(file: string): string | undefined;
  /** Parses a file; the editor keeps the parse of files whose text did not change. */
  parse?(file: string, text: string): ParsedDocument;
  /** The line index of a file's text, where the host keeps one (the editor does, edit by edit, for each open document). */
  lines?(file: string, text: string): LineIndex | undefined;
}
