// Incremental parsing of an edit that one unit cannot hold: a declaration typed in (through
// states that do not parse), a declaration deleted or pasted, an edit across two units, in a
// document that may hold syntax errors elsewhere. The units the edit touched are parsed again
// as a stretch, with one unchanged unit on each side; the new tree shares every other unit
// with the previous one, and the stretch's P001s replace those it had.
//
// The stretch stands for a whole parse when nothing outside it could have read it otherwise:
//   - it begins and ends with an unchanged unit, read again as the same statement (not junk):
//     the parse enters the stretch as it did and leaves it where the next unit begins, which
//     reads as before (what it reads ahead of it is unchanged, and it is not junk, so nothing
//     before it decides whether it is broken); or it ends with the `}` that closes the block,
//     read as the block's own;
//   - it holds none of the partnership's lines that may be given once (`term`, `source`,
//     `calendar`, `value`), whose repetition is found across every unit;
//   - no comment left open (it runs to the end of the file; a string left open ends with its line);
//   - the previous findings outside the stretch stay where they were, each at a position of
//     its own, and none of them names a line that the edit moved.
// Anything else is a whole parse, which keeps the previous units the edit left (reparse.ts).
//
// Neither text is read as a whole: an editor's text is pieces joined only when something reads
// all of it, and reading a large document as one string would copy it at every key. Each text
// is read a window at a time, from the stretch's start to the end of the unit after it (where a
// message about a missing part may name the next token); its line numbers come from the
// editor's line index when there is one.

import type { Diagnostic } from '../diagnostics/diagnostic';
import type { ChangedRange } from '../text/changed-range';
import { detached } from '../text/detached';
import { LineIndex, lineNumberAt } from '../text/line-index';
import type { TextSlices } from '../text/piece-text';
import type { LexicalError, PartnershipBlock, Unit } from './ast';
import { lastBlock, withBlock } from './block-edit';
import { givenOnceInPartnership } from './missing-parts';
import { finishUnits, type ParsedDocument, parseUnits, unitHasJunk } from './parse';
import type { ParsedUnits } from './peggy-adapter';
import { notePlace, noteSpliced, unitIndexAt } from './unit-starts';


export function reparseAcrossUnits(previous: ParsedDocument, text: string, change: ChangedRange, texts?: EditedTexts): ParsedDocument | null {
  const old = previous.text;
  if (!previous.ast.lexicalErrors.every(endsItsLine)) return null;
  const last = lastBlock(previous.ast);
  if (!last || last.block.units.length < 2) return null;
  const { block } = last;
  const { from, oldTo, newTo } = change;
  const delta = text.length - old.length;
  const readNow = readerOf(text, texts?.after);
  const readThen = readerOf(old, texts?.before);
  // A NUL byte makes the file binary data, one finding for the whole file.
  if (readNow.slice(from, newTo).includes('\u0000')) return null;

  const found = stretchAround(block, readNow, change, delta);
  if (!found) return null;
  const { a, b, parsed, closed } = found;
  const start = block.starts.at(a);
  const oldEnd = block.starts.at(b) + block.units.at(b).text.length;
  for (let i = a; i <= b; i++) if (givenOnceInPartnership(block.units.at(i).node.kind)) return null;
  if (parsed.units.some((u) => givenOnceInPartnership(u.node.kind))) return null;

  const starts = parsed.starts.map((s) => start + s);
  const placed = (errors: readonly LexicalError[]): LexicalError[] => errors.map((e) => ({ ...e, start: e.start + start, end: e.end + start }));
  const openNow = placed(parsed.lexicalErrors);
  if (!openNow.every(endsItsLine)) return null;
  // Each text's window ends with the unit after the stretch, or with the text.
  const next = b + 1 < block.units.length ? block.starts.at(b + 1) + block.units.at(b + 1).text.length : null;
  const now = finishWindow(previous.file, { read: readNow, start, end: next === null ? text.length : next + delta, lineNumber: lineNumbers(text, texts?.after) }, parsed);
  if (!now) return null;
  // The stretch's findings in the previous text, from its units as the parser read them (the
  // tree holds them with their broken statements replaced, which would read otherwise).
  const before = parseUnits(readThen.slice(start, closed ? block.end : oldEnd), closed);
  if (!before) return null;
  const openThen = placed(before.lexicalErrors);
  const then = finishWindow(previous.file, { read: readThen, start, end: next ?? old.length, lineNumber: lineNumbers(old, texts?.before) }, before);
  if (!then) return null;
  const lexicalErrors = openStrings(previous.ast.lexicalErrors, { start, oldEnd, delta }, openThen, openNow);
  if (!lexicalErrors) return null;
  // A line break split or joined at the edit's edges counts too: one character more each side.
  const linesIn = (t: TextSlices, a: number, b: number): number => new LineIndex(t.slice(Math.max(0, a), b)).lineCount;
  const linesMoved = linesIn(readThen, from - 1, oldTo + 1) !== linesIn(readNow, from - 1, newTo + 1);
  const diagnostics = merged(previous.diagnostics, then.diagnostics, now.diagnostics, { from, oldEnd, delta, linesMoved });
  if (!diagnostics) return null;

  // The stretch's units, the unchanged ones at its ends being the previous units themselves
  // (unless the junk after one now breaks it).
  const end = now.units.length - 1;
  const stretch = now.units.map((u, k) => (u !== parsed.units[k] ? u : k === 0 && a > 0 ? block.units.at(a) : k === end && !closed ? block.units.at(b) : u));
  const units = block.units.spliced(a, b - a + 1, stretch);
  noteSpliced(block.units, units, a, b - a + 1, stretch.length);
  const newStarts = block.starts.spliced(a, b - a + 1, starts, delta);
  for (let k = 0; k < stretch.length; k++) notePlace(stretch[k], a + k);
  // Whether junk may be anywhere: a hint for a whole parse's search, kept on the safe side.
  const mayHaveJunk = previous.ast.mayHaveJunk || now.units.some(unitHasJunk);
  const ast = withBlock(previous.ast, last, { ...block, units, starts: newStarts, end: block.end + delta }, delta, { lexicalErrors, mayHaveJunk });
  return { file: previous.file, text, ast, diagnostics };
}

/**
 * The units the edit touched, with an unchanged unit on each side read again as before (none
 * before the block's first unit; after its last, the `}` that closes the block): `a` and `b`
 * the places of the stretch's first and last units in the previous list, `parsed` its units in
 * the new text, `closed` whether it ends with the block's `}`. Null when no such stretch is
 * found within a few units of the edit.
 */
function stretchAround(block: PartnershipBlock, text: TextSlices, change: ChangedRange, delta: number): Stretch | null {
  const n = block.units.length;
  const first = unitIndexAt(block, change.from - 1);
  if (first < 0) return null;
  let a = Math.max(0, first - 1);
  let b = unitIndexAt(block, change.oldTo) + 1;
  // A unit at an end of the stretch that reads otherwise now (a declaration being typed took
  // the word after it as its name) is part of the edit: the stretch takes the next one too.
  for (let tries = 0; tries < 4; tries++) {
    const closed = b >= n;
    if (closed && !block.closed) return null;
    if (closed) b = n - 1;
    // A broken statement after the stretch would read as the broken tail of its last unit.
    else if (b + 1 < n && block.units.at(b + 1).node.kind === 'Junk') return null;
    const end = closed ? block.end + delta : block.starts.at(b) + block.units.at(b).text.length + delta;
    const parsed = parseUnits(detached(text.slice(block.starts.at(a), end)), closed);
    if (!parsed || parsed.units.length === 0) return null;
    const atStart = a === 0 || kept(parsed.units[0], block.units.at(a));
    const atEnd = closed || kept(parsed.units[parsed.units.length - 1], block.units.at(b));
    if (atStart && atEnd) return { a, b, parsed, closed };
    if (!atStart) a--;
    if (!atEnd) b++;
  }
  return null;
}

/**
 * The texts before and after the edit as the editor keeps them, with their line indexes: read
 * a stretch at a time instead of as whole strings.
 */
export interface EditedTexts {
  readonly before: LineIndex;
  readonly after: LineIndex;
}

/** What reads `text` a stretch at a time: the editor's pieces when `lines` indexes that very text. */
function readerOf(text: string, lines: LineIndex | undefined): TextSlices {
  return lines?.text === text ? lines.source : text;
}

/** The line numbers of `text`, from its line index when there is one. */
function lineNumbers(text: string, lines: LineIndex | undefined): (offset: number) => number {
  return lines?.text === text ? (offset) => lines.lineNumber(offset) : (offset) => lineNumberAt(text, offset);
}

/** A stretch of a text, from `start` to `end`, and the numbers of the whole text's lines. */
interface TextWindow {
  readonly read: TextSlices;
  readonly start: number;
  readonly end: number;
  readonly lineNumber: (offset: number) => number;
}

/**
 * `finishUnits` of units parsed from a stretch that starts where `window` does, found in the
 * window and placed in the file. Null if a finding names another place than its own (none of
 * the parser's does).
 */
function finishWindow(file: string, window: TextWindow, parsed: ParsedUnits): { readonly units: readonly Unit[]; readonly diagnostics: readonly Diagnostic[] } | null {
  const { start } = window;
  const found = finishUnits(file, window.read.slice(start, window.end), parsed.units, parsed.starts, parsed.lexicalErrors, (offset) => window.lineNumber(start + offset));
  if (found.diagnostics.some((d) => d.unit !== undefined || d.related.length > 0 || d.fixes.length > 0)) return null;
  return { units: found.units, diagnostics: found.diagnostics.map((d) => ({ ...d, start: d.start + start, end: d.end + start })) };
}

interface Stretch {
  readonly a: number;
  readonly b: number;
  readonly parsed: ParsedUnits;
  readonly closed: boolean;
}

/**
 * The strings left open in the new text: the stretch's as it reads now, every other where it
 * was, moved with the text. Null when those the previous tree holds inside the stretch are not
 * the ones its units read (`then`).
 */
function openStrings(previous: readonly LexicalError[], stretch: { readonly start: number; readonly oldEnd: number; readonly delta: number }, then: readonly LexicalError[], now: readonly LexicalError[]): LexicalError[] | null {
  const { start, oldEnd, delta } = stretch;
  const inside = previous.filter((e) => e.start >= start && e.start < oldEnd);
  if (inside.length !== then.length || inside.some((e, k) => e.start !== then[k].start || e.end !== then[k].end)) return null;
  return [...previous.filter((e) => e.start < start), ...now, ...previous.filter((e) => e.start >= oldEnd).map((e) => ({ ...e, start: e.start + delta, end: e.end + delta }))];
}

/**
 * The previous findings with the stretch's replaced: `then` are the stretch's findings in the
 * previous text, `now` its findings in the new one. Null when a previous finding cannot be
 * told to stand where it was (see the file's comment).
 */
function merged(previous: readonly Diagnostic[], then: readonly Diagnostic[], now: readonly Diagnostic[], edit: { readonly from: number; readonly oldEnd: number; readonly delta: number; readonly linesMoved: boolean }): Diagnostic[] | null {
  const stretch = new Map(then.map((d) => [d.start, d]));
  const out: Diagnostic[] = [];
  let found = 0;
  for (const d of previous) {
    const own = stretch.get(d.start);
    if (own && own.end === d.end && own.code === d.code && own.message === d.message) {
      found++;
      continue;
    }
    // A finding with other places than its own (none of the parser's has any) is not moved here.
    if (d.unit !== undefined || d.related.length > 0 || d.fixes.length > 0) return null;
    if (d.start < edit.from) out.push(d);
    // After the stretch: moved with the text, unless a line it names moved with it.
    else if (d.start >= edit.oldEnd && !edit.linesMoved) out.push({ ...d, start: d.start + edit.delta, end: d.end + edit.delta });
    else return null;
  }
  if (found !== then.length) return null;
  const positions = new Set(out.map((d) => d.start));
  if (now.some((d) => positions.has(d.start))) return null;
  return [...out, ...now].sort((x, y) => x.start - y.start);
}

/** A string left open ends with its line; a comment left open runs to the end of the file. */
function endsItsLine(error: LexicalError): boolean {
  return error.kind === 'string';
}

/** An unchanged unit read again as the same statement, not as junk. */
function kept(now: Unit, then: Unit): boolean {
  return now.node.kind !== 'Junk' && sameUnit(now, then);
}

/** The same text read as the same statement: the one unit stands for the other. */
export function sameUnit(a: Unit, b: Unit): boolean {
  return a.text === b.text && a.node.kind === b.node.kind && a.node.end === b.node.end;
}


