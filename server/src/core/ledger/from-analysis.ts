// The ledger of an analysis: each partnership of the files checked together, read through the
// effects of every variation of it among those files (model/variations.ts), so the term, the
// norms' periods and what a variation ended are as varied.

import type { Analysis } from '../analysis/analysis';
import type { PartnershipSymbol } from '../binding/symbols';
import { variedModel } from '../model/varied';
import type { Unit } from '../syntax/ast';
import { Ledger, type LedgerSource } from './ledger';
import type { ResultsFile } from './results-file';

export function ledgerOf(analysis: Analysis, results: readonly ResultsFile[], displayPath: (file: string) => string): Ledger {
  const sources: LedgerSource[] = [];
  const lineAt = (file: string, unit: Unit, offset: number): number => analysis.lines(file).position(analysis.startOf(file, unit) + offset).line + 1;
  for (const file of analysis.roots) {
    const source = analysis.files.get(file);
    const model = source?.model;
    if (!source || !model || !model.term) continue;
    // What the checks worked out (every variation of the partnership, in every file checked together).
    const effects = analysis.variationEffects(file);
    const varied = variedModel(model, effects);
    sources.push({
      model: varied,
      term: varied.term!,
      declared: [...source.declarations.topLevel.values()],
      displayFile: displayPath(file),
      endedOn: (symbol) => effects.ended.get(symbol as Parameters<typeof effects.ended.get>[0])?.day,
      lineOf: (symbol: PartnershipSymbol) => lineAt(symbol.file, symbol.unit, symbol.nameNode.start),
      effects,
      lineAt,
      displayPath,
    });
  }
  return new Ledger(sources, results);
}
