// Where a conflict's sides are, in words a reviewer can follow to the source: the file (as
// named from the matrix's own folder, so a matrix reads the same on every machine) and line.

import * as path from 'node:path';
import type { FileSpan } from '../diagnostics/diagnostic';
import type { Analysis } from '../analysis/analysis';

/** A function from a span in any file of `program` to its file and one-based line. */
export function placesIn(program: Analysis, matrixFile: string): (span: FileSpan) => { file: string; line: number } {
  const folder = path.dirname(matrixFile);
  return (span) => {
    const index = program.lines(span.file);
    const file = path.relative(folder, span.file).split(path.sep).join('/');
    return { file, line: index.position(span.start).line + 1 };
  };
}

export function placeText(place: { readonly file: string; readonly line: number }): string {
  return `${place.file}, line ${place.line}`;
}
