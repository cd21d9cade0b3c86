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

/** Lines a chunk of starts holds as it is made; an edit splits a chunk that grows past twice as many. */
const CHUNK_LINES = 512;

/**
 * Line starts in chunks: chunk `c` holds the starts of its lines, each read plus `shifts[c]`.
 * An edit makes the one or two chunks it touched anew and moves every later line by adding to
 * its chunk's shift, so its cost grows with the number of chunks, not of lines; the chunks it
 * did not touch are shared with the index before it, which is never changed.
 */
interface Chunks {
  readonly chunks: readonly Int32Array[];
  readonly shifts: Int32Array;
}

export class LineIndex {
  private readonly chunks: readonly Int32Array[];
  private readonly shifts: Int32Array;
  /** The first line of each chunk, then the number of lines. */
  private readonly firstLines: Int32Array;
  /** Where each chunk's first line starts. */
  private readonly firstStarts: Int32Array;

  /**
   * `starts`, when given, must be the line starts of `text` (see `edited`); `source`, when
   * given, is `text` in a form read a part at a time (an editor's text of pieces), which every
   * read here goes through, so that `text` itself is never read whole.
   */
  constructor(readonly text: string, starts?: Chunks, readonly source: TextSlices = text) {
    const made = starts ?? startsInChunks(text);
    this.chunks = made.chunks;
    this.shifts = made.shifts;
    this.firstLines = new Int32Array(this.chunks.length + 1);
    this.firstStarts = new Int32Array(this.chunks.length);
    for (let c = 0; c < this.chunks.length; c++) {
      this.firstLines[c + 1] = this.firstLines[c] + this.chunks[c].length;
      this.firstStarts[c] = this.chunks[c][0] + this.shifts[c];
    }
  }

  /**
   * The index of the text an edit made of this one: the text from `change.from` to
   * `change.oldTo` replaced by `inserted`, giving `text`. Lines before the edit keep their
   * starts and lines after it move by the change in length, so the cost is a scan of the
   * edited lines and a pass over the chunks, not over the lines or the text; the new text
   * itself is not read, so an editor's text built by joining pieces stays unjoined until
   * something reads it.
   */
  edited(change: ChangedRange, inserted: string, text: string, source: TextSlices = text): LineIndex {
    const { from, oldTo } = change;
    const old = this.source;
    // Rescan from the start of the line holding the character before the edit (a \r there may
    // now pair with a \n the edit put after it) to the first character after the edit (a \r
    // the edit ended with may pair with it). Every later start follows a break after the edit.
    const firstLine = this.lineAt(Math.max(0, from - 1));
    const scanFrom = this.startOf(firstLine);
    const scanned = old.slice(scanFrom, from) + inserted + old.slice(oldTo, oldTo + 1);
    // Breaks in the rescanned stretch, as starts in the new text; a start after its last
    // character belongs to the unchanged text and is carried below.
    const lastScanned = from + inserted.length;
    const middle: number[] = [];
    breaks(scanned, 0, scanned.length, scanFrom, (start) => {
      if (start <= lastScanned) middle.push(start);
    });
    const shift = inserted.length - (oldTo - from);
    const keptAfter = this.lineAt(oldTo) + 1;
    // The chunks holding the first line and the last line replaced become one, of their lines
    // kept before the edit, the lines the edit made and their lines kept after it.
    const first = this.chunkOf(firstLine);
    const last = this.chunkOf(keptAfter - 1);
    const before = firstLine - this.firstLines[first] + 1;
    const after = this.firstLines[last + 1] - keptAfter;
    const merged = new Int32Array(before + middle.length + after);
    const head = this.chunks[first];
    for (let k = 0; k < before; k++) merged[k] = head[k] + this.shifts[first];
    merged.set(middle, before);
    const tail = this.chunks[last];
    const tailFrom = tail.length - after;
    for (let k = 0; k < after; k++) merged[before + middle.length + k] = tail[tailFrom + k] + this.shifts[last] + shift;
    const pieces = merged.length > 2 * CHUNK_LINES ? inChunks(Array.from(merged)).chunks : [merged];
    const count = first + pieces.length + (this.chunks.length - last - 1);
    const chunks: Int32Array[] = new Array(count);
    const shifts = new Int32Array(count);
    for (let c = 0; c < first; c++) {
      chunks[c] = this.chunks[c];
      shifts[c] = this.shifts[c];
    }
    for (let p = 0; p < pieces.length; p++) chunks[first + p] = pieces[p];
    for (let c = last + 1, at = first + pieces.length; c < this.chunks.length; c++, at++) {
      chunks[at] = this.chunks[c];
      shifts[at] = this.shifts[c] + shift;
    }
    return new LineIndex(text, { chunks, shifts }, source);
  }

  get lineCount(): number {
    return this.firstLines[this.chunks.length];
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    return { line, character: clamped - this.startOf(line) };
  }

  /** The number, counting from 1, of the line holding an offset (`lineNumberAt` without reading the text). */
  lineNumber(offset: number): number {
    return this.lineAt(Math.max(0, Math.min(offset, this.text.length))) + 1;
  }

  /** The line holding an offset (the last line starting at or before it). */
  private lineAt(offset: number): number {
    const c = Math.max(0, lastAtOrBefore(this.firstStarts, offset));
    return this.firstLines[c] + Math.max(0, lastAtOrBefore(this.chunks[c], offset - this.shifts[c]));
  }

  /** The chunk holding a line. */
  private chunkOf(line: number): number {
    return Math.min(this.chunks.length - 1, Math.max(0, lastAtOrBefore(this.firstLines, line)));
  }

  /** Where a line starts; `line` is one of the index's lines. */
  private startOf(line: number): number {
    const c = this.chunkOf(line);
    return this.chunks[c][line - this.firstLines[c]] + this.shifts[c];
  }

  offset(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineCount) return this.text.length;
    const start = this.startOf(position.line);
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  lineStart(line: number): number {
    return this.startOf(Math.max(0, Math.min(line, this.lineCount - 1)));
  }

  /** Offset of the end of the line's content, before its line break. */
  lineEnd(line: number): number {
    if (line < 0) return 0;
    if (line >= this.lineCount) return this.text.length;
    const start = this.startOf(line);
    const next = line + 1 < this.lineCount ? this.startOf(line + 1) : this.text.length;
    let end = next;
    if (end > start && this.source.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.source.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.source.slice(this.lineStart(line), this.lineEnd(line));
  }
}

/** Starts in order, in chunks of `CHUNK_LINES`, none moved. */
function inChunks(starts: readonly number[]): Chunks {
  const chunks: Int32Array[] = [];
  for (let i = 0; i < starts.length; i += CHUNK_LINES) chunks.push(Int32Array.from(starts.slice(i, i + CHUNK_LINES)));
  return { chunks, shifts: new Int32Array(chunks.length) };
}

/**
 * The starts of every line of `text`, written straight into chunks as they are found: a list
 * of every start, made only to be copied into chunks, cost twice the scan itself for a large
 * contract's half a million lines.
 */
function startsInChunks(text: string): Chunks {
  const chunks: Int32Array[] = [];
  let chunk = new Int32Array(CHUNK_LINES);
  let count = 0;
  const add = (start: number): void => {
    if (count === CHUNK_LINES) {
      chunks.push(chunk);
      chunk = new Int32Array(CHUNK_LINES);
      count = 0;
    }
    chunk[count++] = start;
  };
  add(0);
  breaks(text, 0, text.length, 0, add);
  chunks.push(count === CHUNK_LINES ? chunk : chunk.slice(0, count));
  return { chunks, shifts: new Int32Array(chunks.length) };
}

/**
 * Gives `add` the start of each line that follows a break in `text` between `from` and `to`,
 * plus `base`, in order. A \r\n pair is one break; a \r at `to - 1` whose \n lies past `to`
 * is read as a lone \r, so callers scan to a character past the stretch they need.
 */
function breaks(text: string, from: number, to: number, base: number, add: (start: number) => void): void {
  const firstReturn = text.indexOf('\r', from);
  if (firstReturn < 0 || firstReturn >= to) {
    // Most texts end their lines with \n alone: the engine's own search finds each one.
    for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) add(base + i + 1);
    return;
  }
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) add(base + i + 1);
    else if (c === 13) {
      if (i + 1 < to && text.charCodeAt(i + 1) === 10) i++;
      add(base + i + 1);
    }
  }
}
