// Diagnostics found inside a unit count their offsets from the unit's start, so that they stay
// true while edits elsewhere move the unit. Here, at the edge, they are placed in the file.

import type { Unit } from '../syntax/ast';
import type { Diagnostic, FileSpan } from './diagnostic';

/** Where a unit of a file starts in the file's current text. */
export type UnitStart = (file: string, unit: Unit) => number;

export function placedSpan<T extends FileSpan>(span: T, startOf: UnitStart): T {
  if (!span.unit) return span;
  const base = startOf(span.file, span.unit);
  const { unit: _unit, ...rest } = span;
  return { ...rest, start: base + span.start, end: base + span.end } as unknown as T;
}

/** The diagnostic with its span, related locations and fixes' edits as offsets into their files. */
export function placed(d: Diagnostic, startOf: UnitStart): Diagnostic {
  if (!d.unit && d.related.every((r) => !r.unit) && d.fixes.every((f) => f.edits.every((e) => !e.unit))) return d;
  return {
    ...placedSpan(d, startOf),
    related: d.related.map((r) => placedSpan(r, startOf)),
    fixes: d.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => placedSpan(e, startOf)) })),
  };
}
