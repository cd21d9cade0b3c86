// An open document's text and its line index, kept together. The editor sends each edit as a
// range and the text put there. The text is kept as pieces (core/text/piece-text.ts) and the
// index is updated from the edit (a copy of its line starts and a scan of the edited lines),
// so an edit to a large document costs the same as one to a small one: nothing here reads
// the whole new text, and the engine joins it into one string only when something does.

import { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import { type ChangedRange, composeChanges } from '../core/text/changed-range';
import { LineIndex } from '../core/text/line-index';
import { PieceText } from '../core/text/piece-text';

export class OpenText implements TextDocument {
  private constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    readonly lines: LineIndex,
    private readonly pieces: PieceText,
  ) {}

  static create(uri: string, languageId: string, version: number, content: string): OpenText {
    return new OpenText(uri, languageId, version, new LineIndex(content), PieceText.of(content));
  }

  get lineCount(): number {
    return this.lines.lineCount;
  }

  getText(range?: Range): string {
    return range ? this.pieces.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : this.lines.text;
  }

  positionAt(offset: number): Position {
    return this.lines.position(offset);
  }

  offsetAt(position: Position): number {
    return this.lines.offset(position);
  }

  /** The line without its break; past the last line, the last line's; before the first, an empty range at the start. */
  getLineRange(line: number): Range {
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const at = Math.min(line, this.lines.lineCount - 1);
    return { start: { line: at, character: 0 }, end: { line: at, character: this.lines.lineEnd(at) - this.lines.lineStart(at) } };
  }

  /** The characters that end the line (\n, \r\n or \r); empty for the last line and outside the text. */
  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.lines.lineCount) return '';
    const next = line + 1 < this.lines.lineCount ? this.lines.lineStart(line + 1) : this.pieces.length;
    return this.pieces.slice(this.lines.lineEnd(line), next);
  }

  /**
   * The document after the editor's changes, applied one at a time (each change's range is in
   * the text the one before left), and where they changed the text: undefined when a change
   * replaced the whole text.
   */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): { readonly document: OpenText; readonly change: ChangedRange | undefined } {
    let lines = this.lines;
    let pieces = this.pieces;
    let change: ChangedRange | undefined;
    let whole = false;
    for (const event of changes) {
      // The library's own test of a ranged change, so both read each change the same way.
      if (TextDocumentContentChangeEvent.isIncremental(event)) {
        const a = lines.offset(event.range.start);
        const b = lines.offset(event.range.end);
        const from = Math.min(a, b);
        const to = Math.max(a, b);
        const step: ChangedRange = { from, oldTo: to, newTo: from + event.text.length, inserted: event.text };
        pieces = pieces.edited(from, to, event.text);
        lines = lines.edited(step, event.text, pieces.text, pieces);
        // Several changes at once are one stretch that covers them, whose new text is not at hand.
        change = change ? composeChanges(change, step) : step;
      } else {
        whole = true;
        pieces = PieceText.of(event.text);
        lines = new LineIndex(event.text);
      }
    }
    return { document: new OpenText(this.uri, this.languageId, version, lines, pieces), change: whole ? undefined : change };
  }
}
