// P108: a bidirectional control in a title. The editor and the matrix show such controls as
// marks, but a title read anywhere else (a printed contract, another tool) would be reordered
// by them (Trojan Source), so the file says so where it is written.

import type { Declarations } from '../binding/declare';
import { kindNames } from '../binding/symbols';
import { report } from '../diagnostics/catalog';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { firstBidiControl } from '../text/bidi';

interface Titled {
  readonly title?: { readonly value: string; readonly start: number; readonly end: number } | null;
}

/** The part of a check's context this check reads (a `CheckContext` is one). */
interface TitlesContext {
  readonly source: { readonly partnership: ({ readonly name: { readonly text: string } } & Titled) | null; readonly declarations: Declarations };
  emit(diagnostic: Diagnostic): void;
}

export function checkBidiTitles(ctx: TitlesContext, model: { readonly file: string }): void {
  const { source } = ctx;
  const warn = (kind: string, name: string, decl: Titled): void => {
    const title = decl.title;
    const found = title ? firstBidiControl(title.value) : undefined;
    if (!title || !found) return;
    ctx.emit(report('P108', { file: model.file, start: title.start, end: title.end }, { kind, name, codePoint: found.codePoint, controlName: found.name }));
  };
  if (source.partnership) warn('partnership', source.partnership.name.text, source.partnership);
  for (const s of source.declarations.all) warn(kindNames[s.kind], s.name, s.decl as Titled);
}
