// An editor's text as pieces: stretches of strings that are never joined and copied unless
// something reads the whole. An edit to a 10 MB document makes a text of three pieces of
// the text before it and the characters typed, whose parts are read without building the
// whole text as one string (which the engine would copy in full for the first read of a
// character: a cost that grows with the document, at every keystroke). After a number of
// edits the pieces are joined into one string once, so reading stays cheap.

import { lastAtOrBefore } from '../values/sorted-search';

/** What can be read of a text a part at a time: a string, or a text of pieces. */
export interface TextSlices {
  readonly length: number;
  slice(from: number, to: number): string;
  charCodeAt(index: number): number;
}

interface Piece {
  readonly source: string;
  readonly start: number;
  readonly end: number;
}

/** Past this many pieces, an edit joins the text into one string (a copy once in this many edits). */
const MAX_PIECES = 64;

export class PieceText implements TextSlices {
  /** Where each piece starts in the text. */
  private readonly starts: Int32Array;

  private constructor(
    private readonly pieces: readonly Piece[],
    readonly length: number,
    /** The whole text: the pieces joined, which the engine keeps as a join until it is read. */
    readonly text: string,
  ) {
    this.starts = new Int32Array(pieces.length);
    let at = 0;
    for (let i = 0; i < pieces.length; i++) {
      this.starts[i] = at;
      at += pieces[i].end - pieces[i].start;
    }
  }

  static of(text: string): PieceText {
    return new PieceText(text.length > 0 ? [{ source: text, start: 0, end: text.length }] : [], text.length, text);
  }

  slice(from: number, to: number): string {
    const start = Math.max(0, Math.min(from, this.length));
    const end = Math.max(start, Math.min(to, this.length));
    if (start === end) return '';
    let i = this.pieceAt(start);
    const first = this.pieces[i];
    const offset = first.start + start - this.starts[i];
    // Most reads fall within one piece: a slice of its string.
    if (end - start <= first.end - offset) return first.source.slice(offset, offset + end - start);
    let out = first.source.slice(offset, first.end);
    for (i++; i < this.pieces.length && this.starts[i] < end; i++) {
      const p = this.pieces[i];
      out += p.source.slice(p.start, Math.min(p.end, p.start + end - this.starts[i]));
    }
    return out;
  }

  charCodeAt(index: number): number {
    if (index < 0 || index >= this.length) return NaN;
    const i = this.pieceAt(index);
    const p = this.pieces[i];
    return p.source.charCodeAt(p.start + index - this.starts[i]);
  }

  /** The text with `from` to `to` replaced by `inserted`. */
  edited(from: number, to: number, inserted: string): PieceText {
    const start = Math.max(0, Math.min(from, this.length));
    const end = Math.max(start, Math.min(to, this.length));
    const before: Piece[] = [];
    const after: Piece[] = [];
    for (let i = 0; i < this.pieces.length; i++) {
      const p = this.pieces[i];
      const at = this.starts[i];
      const size = p.end - p.start;
      // A piece across the edit gives a part to each side.
      if (at < start) before.push(part(p, 0, Math.min(size, start - at)));
      if (at + size > end) after.push(part(p, Math.max(0, end - at), size));
    }
    const pieces = inserted.length > 0 ? [...before, { source: inserted, start: 0, end: inserted.length }, ...after] : [...before, ...after];
    if (pieces.length > MAX_PIECES) return PieceText.of(joinedFlat(pieces));
    return new PieceText(pieces, this.length - (end - start) + inserted.length, joined(pieces));
  }

  /** The piece holding `index` (the last piece starting at or before it). */
  private pieceAt(index: number): number {
    return Math.max(0, lastAtOrBefore(this.starts, index));
  }
}

/** The stretch `from` to `to` of a piece, counted from the piece's start. */
function part(p: Piece, from: number, to: number): Piece {
  return from === 0 && to === p.end - p.start ? p : { source: p.source, start: p.start + from, end: p.start + to };
}

function joined(pieces: readonly Piece[]): string {
  let out = '';
  for (const p of pieces) out += p.start === 0 && p.end === p.source.length ? p.source : p.source.slice(p.start, p.end);
  return out;
}

/** The pieces as one string the engine has already copied into one stretch of memory. */
function joinedFlat(pieces: readonly Piece[]): string {
  const text = joined(pieces);
  // Reading a character makes the engine join the pieces in place; later slices share it.
  text.charCodeAt(0);
  return text;
}
