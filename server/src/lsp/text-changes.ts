// Applies an editor's incremental changes to an open document and says where the text changed,
// so the next parse need not compare an 11 MB text with the one before to find the edit.

import { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type ChangedRange, composeChanges } from '../core/text/changed-range';

export interface AppliedChanges {
  readonly document: TextDocument;
  /** Covers every change; undefined when a change replaced the whole text. */
  readonly change: ChangedRange | undefined;
}

export function applyChanges(document: TextDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): AppliedChanges {
  let current = document;
  let change: ChangedRange | undefined;
  let whole = false;
  // One at a time, as the library applies them: each change's range is in the text left by the one before.
  for (const event of changes) {
    // The library's own test of a ranged change, so both read each change the same way.
    if (TextDocumentContentChangeEvent.isIncremental(event)) {
      const a = current.offsetAt(event.range.start);
      const b = current.offsetAt(event.range.end);
      const from = Math.min(a, b);
      const step = { from, oldTo: Math.max(a, b), newTo: from + event.text.length };
      change = change ? composeChanges(change, step) : step;
    } else {
      whole = true;
    }
    current = TextDocument.update(current, [event], version);
  }
  return { document: current, change: whole ? undefined : change };
}
