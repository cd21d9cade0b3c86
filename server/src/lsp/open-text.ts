// An open document's text and its line index, kept together. The editor sends each edit as a
// range and the text put there; the index is updated from the edit (a copy of its line starts
// and a scan of the edited lines), so positions on a large document cost the same whether it
// was just opened or edited many times, and nothing here reads the whole new text.

import { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import { type ChangedRange, composeChanges } from '../core/text/changed-range';
import { LineIndex } from '../core/text/line-index';

export class OpenText implements TextDocument {
  private constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    readonly lines: LineIndex,
  ) {}

  static create(uri: string, languageId: string, version: number, content: string): OpenText {
    return new OpenText(uri, languageId, version, new LineIndex(content));
  }

  get lineCount(): number {
    return this.lines.lineCount;
  }

  getText(range?: Range): string {
    const text = this.lines.text;
    return range ? text.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : text;
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
    const next = line + 1 < this.lines.lineCount ? this.lines.lineStart(line + 1) : this.lines.text.length;
    return this.lines.text.slice(this.lines.lineEnd(line), next);
  }

  /**
   * The document after the editor's changes, applied one at a time (each change's range is in
   * the text the one before left), and where they changed the text: undefined when a change
   * replaced the whole text.
   */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): { readonly document: OpenText; readonly change: ChangedRange | undefined } {
    let lines = this.lines;
    let change: ChangedRange | undefined;
    let whole = false;
    for (const event of changes) {
      // The library's own test of a ranged change, so both read each change the same way.
      if (TextDocumentContentChangeEvent.isIncremental(event)) {
        const a = lines.offset(event.range.start);
        const b = lines.offset(event.range.end);
        const from = Math.min(a, b);
        const to = Math.max(a, b);
        const step = { from, oldTo: to, newTo: from + event.text.length };
        const text = lines.text.slice(0, from) + event.text + lines.text.slice(to);
        lines = lines.edited(step, event.text, text);
        change = change ? composeChanges(change, step) : step;
      } else {
        whole = true;
        lines = new LineIndex(event.text);
      }
    }
    return { document: new OpenText(this.uri, this.languageId, version, lines), change: whole ? undefined : change };
  }
}
