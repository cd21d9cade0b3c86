// Converts between offsets (what the core uses) and zero-based line/character positions
// (what LSP, SARIF and people use). Lines end at \n, \r\n or a lone \r, as in LSP.

import type { ChangedRange } from './changed-range';
import type { TextSlices } from './piece-text';
import { lastAtOrBefore } from '../values/sorted-search';

export interface Position {
  readonly line: number;
  readonly character: number;
}

/** The one-based line of an offset, for messages ("declared on line 4"); counts \n, \r\n and \r. */
export function lineNumberAt(text: string, offset: number): number {
  return new LineIndex(text.slice(0, offset)).lineCount;
}

export class LineIndex {
  /** The offset where each line starts, in order; the first is 0. */
  private readonly starts: Int32Array;

  /**
   * `starts`, when given, must be the line starts of `text` (see `edited`); `source`, when
   * given, is `text` in a form read a part at a time (an editor's text of pieces), which every
   * read here goes through, so that `text` itself is never read whole.
   */
  constructor(readonly text: string, starts?: Int32Array, private readonly source: TextSlices = text) {
    this.starts = starts ?? Int32Array.from(breaks(text, 0, text.length, 0, [0]));
  }

  /**
   * The index of the text an edit made of this one: the text from `change.from` to
   * `change.oldTo` replaced by `inserted`, giving `text`. Lines before the edit keep their
   * starts and lines after it move by the change in length, so the cost is a copy of the
   * starts and a scan of the edited lines, not of the text; the new text itself is not read,
   * so an editor's text built by joining pieces stays unjoined until something reads it.
   */
  edited(change: ChangedRange, inserted: string, text: string, source: TextSlices = text): LineIndex {
    const { from, oldTo } = change;
    const old = this.source;
    // Rescan from the start of the line holding the character before the edit (a \r there may
    // now pair with a \n the edit put after it) to the first character after the edit (a \r
    // the edit ended with may pair with it). Every later start follows a break after the edit.
    const firstLine = this.lineAt(Math.max(0, from - 1));
    const scanFrom = this.starts[firstLine];
    const scanned = old.slice(scanFrom, from) + inserted + old.slice(oldTo, oldTo + 1);
    // Breaks in the rescanned stretch, as starts in the new text; a start after its last
    // character belongs to the unchanged text and is carried below.
    const lastScanned = from + inserted.length;
    const middle = breaks(scanned, 0, scanned.length, scanFrom, []).filter((s) => s <= lastScanned);
    const shift = inserted.length - (oldTo - from);
    const keptAfter = this.lineAt(oldTo) + 1;
    const starts = new Int32Array(firstLine + 1 + middle.length + (this.starts.length - keptAfter));
    starts.set(this.starts.subarray(0, firstLine + 1));
    starts.set(middle, firstLine + 1);
    let at = firstLine + 1 + middle.length;
    for (let i = keptAfter; i < this.starts.length; i++) starts[at++] = this.starts[i] + shift;
    return new LineIndex(text, starts, source);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    return { line, character: clamped - this.starts[line] };
  }

  /** The line holding an offset (the last line starting at or before it). */
  private lineAt(offset: number): number {
    return Math.max(0, lastAtOrBefore(this.starts, offset));
  }

  offset(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** Offset of the end of the line's content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let end = next;
    if (end > this.starts[line] && this.source.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line] && this.source.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.source.slice(this.lineStart(line), this.lineEnd(line));
  }
}

/**
 * Adds to `starts` the start of each line that follows a break in `text` between `from` and
 * `to`, plus `base`. A \r\n pair is one break; a \r at `to - 1` whose \n lies past `to` is
 * read as a lone \r, so callers scan to a character past the stretch they need.
 */
function breaks(text: string, from: number, to: number, base: number, starts: number[]): number[] {
  const firstReturn = text.indexOf('\r', from);
  if (firstReturn < 0 || firstReturn >= to) {
    // Most texts end their lines with \n alone: the engine's own search finds each one.
    for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) starts.push(base + i + 1);
    return starts;
  }
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(base + i + 1);
    else if (c === 13) {
      if (i + 1 < to && text.charCodeAt(i + 1) === 10) i++;
      starts.push(base + i + 1);
    }
  }
  return starts;
}
