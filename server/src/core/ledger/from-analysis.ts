// The ledger of an analysis: each partnership of the files checked together, read through the
// effects of every variation of it among those files (model/variations.ts), so the term, the
// norms' periods and what a variation ended are as varied.

import type { Analysis } from '../analysis/analysis';
import type { PartnershipSymbol } from '../binding/symbols';
import { applyVariations } from '../model/variations';
import { variedModel } from '../model/varied';
import type { Unit } from '../syntax/ast';
import { Ledger, type LedgerSource } from './ledger';
import type { ResultsFile } from './results-file';

export function ledgerOf(analysis: Analysis, results: readonly ResultsFile[], displayPath: (file: string) => string): Ledger {
  const models = analysis.models();
  const variations = models.flatMap((m) => m.variations);
  const sources: LedgerSource[] = [];
  const lineAt = (file: string, unit: Unit, offset: number): number => analysis.lines(file).position(analysis.startOf(file, unit) + offset).line + 1;
  for (const file of analysis.roots) {
    const source = analysis.files.get(file);
    const model = source?.model;
    if (!source || !model || !model.term) continue;
    const effects = applyVariations(model, variations.filter((v) => v.variedFile === model.file));
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
