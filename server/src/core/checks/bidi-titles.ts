// P108: a bidirectional control in a title. The editor and the matrix show such controls as
// marks, but a title read anywhere else (a printed contract, another tool) would be reordered
// by them (Trojan Source), so the file says so where it is written.

import { kindNames } from '../binding/symbols';
import { report } from '../diagnostics/catalog';
import type { FileModel } from '../model/semantic';
import { firstBidiControl } from '../text/bidi';
import { type CheckContext, type Owner, spanOf } from './context';

interface Titled {
  readonly title?: { readonly value: string; readonly start: number; readonly end: number } | null;
}

export function checkBidiTitles(ctx: CheckContext, model: FileModel): void {
  const warn = (owner: Owner, kind: string, name: string, decl: Titled): void => {
    const title = decl.title;
    const found = title ? firstBidiControl(title.value) : undefined;
    if (!title || !found) return;
    ctx.emit(report('P108', spanOf(owner, title), { kind, name, codePoint: found.codePoint, controlName: found.name }));
  };
  warn(model, 'partnership', model.partnership.name.text, model.partnership);
  for (const s of ctx.input.declarations.all) warn(s, kindNames[s.kind], s.name, s.decl as Titled);
}
