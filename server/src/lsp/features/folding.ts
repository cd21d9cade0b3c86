// Folding: every block that spans lines, and runs of comments.

import { FoldingRangeKind, type FoldingRange, type FoldingRangeParams } from 'vscode-languageserver';
import type { Block, Span } from '../../core/syntax/ast';
import { type FeatureContext, sourceOf } from './context';

export function handleFoldingRanges(ctx: FeatureContext, params: FoldingRangeParams): FoldingRange[] {
  const source = sourceOf(ctx, params.textDocument.uri);
  if (!source) return [];
  const index = ctx.positions.index(source.file);
  const out: FoldingRange[] = [];
  const fold = (start: number, end: number): void => {
    const first = index.position(start).line;
    const last = index.position(end).line;
    if (last > first) out.push({ startLine: first, endLine: last - 1 });
  };
  // Blocks inside a unit count their offsets from the unit's start, `base`.
  const visit = (block: Block<Span & { kind: string }> | null | undefined, base: number): void => {
    if (!block) return;
    fold(base + block.start, base + block.end);
    for (const item of block.items) visit((item as { block?: Block<Span & { kind: string }> | null }).block, base);
  };
  const partnership = source.partnership?.block;
  if (partnership) {
    fold(partnership.start, partnership.end);
    partnership.units.forEach((unit, i) => visit((unit.node as { block?: Block<Span & { kind: string }> | null }).block, partnership.starts.at(i)));
  }

  // Runs of line comments and multi-line block comments.
  let run: number | null = null;
  for (let line = 0; line < index.lineCount; line++) {
    const text = index.lineText(line).trim();
    const isComment = text.startsWith('//');
    if (isComment && run === null) run = line;
    if (!isComment && run !== null) {
      if (line - 1 > run) out.push({ startLine: run, endLine: line - 1, kind: FoldingRangeKind.Comment });
      run = null;
    }
  }
  for (const match of source.text.matchAll(/\/\*[\s\S]*?(\*\/|$)/g)) {
    const start = index.position(match.index!).line;
    const end = index.position(match.index! + match[0].length).line;
    if (end > start) out.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Comment });
  }
  return out;
}
