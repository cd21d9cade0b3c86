// Semantic tokens: what each name is (party, scope, norm, KPI, body, event, charge, variation,
// partnership), marked as a declaration where it is declared, plus party roles. Colouring of
// keywords and literals is left to the TextMate grammar.

import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend, type SemanticTokensParams } from 'vscode-languageserver';
import type { PartnershipSymbol } from '../../core/binding/symbols';
import { declarationsOfUnit } from '../../core/binding/declare';
import { type FeatureContext, sourceOf } from './context';

// `kpi`, `charge` and `variation` are the extension's own types (package.json,
// `semanticTokenTypes`: kinds of `function`, `variable` and `macro`, each mapped to the grammar's
// scope for it in `semanticTokenScopes`, as `event` is), so their names stand out from plain text
// in every theme, and a theme without the extension's types colours them as their super types.
export const tokenLegend: SemanticTokensLegend = {
  tokenTypes: ['namespace', 'class', 'type', 'function', 'kpi', 'struct', 'enumMember', 'event', 'charge', 'variation'],
  tokenModifiers: ['declaration', 'readonly'],
};

const TYPE: Record<PartnershipSymbol['kind'] | 'partnership' | 'role', number> = {
  partnership: 0, party: 1, scope: 2, norm: 3, kpi: 4, body: 5, role: 6, event: 7, charge: 8, variation: 9,
};
const DECLARATION = 1;

export function handleSemanticTokens(ctx: FeatureContext, params: SemanticTokensParams): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  const source = sourceOf(ctx, params.textDocument.uri);
  if (!source) return builder.build();
  const tokens: { start: number; end: number; type: number; modifiers: number }[] = [];
  if (source.partnership) tokens.push({ ...source.partnership.name, type: TYPE.partnership, modifiers: DECLARATION });
  const block = source.partnership?.block;
  // Each unit's nodes count their offsets from the unit's start.
  for (let u = 0; u < (block?.units.length ?? 0); u++) {
    const base = block!.starts.at(u);
    for (const s of declarationsOfUnit(source.file, block!.units.at(u)).all) {
      tokens.push({ start: base + s.nameNode.start, end: base + s.nameNode.end, type: TYPE[s.kind], modifiers: DECLARATION });
      if (s.kind === 'party' && s.decl.role) tokens.push({ start: base + s.decl.role.start, end: base + s.decl.role.end, type: TYPE.role, modifiers: 0 });
    }
    for (const reference of source.resolutions.at(u)?.references ?? []) {
      // A one-part name is its own span; a dotted one's parts are made once from its text.
      const targets = reference.parts;
      const spans = targets.length === 1 ? [reference.node] : reference.node.parts;
      targets.forEach((part, i) => {
        if (!part) return;
        const span = spans[i];
        tokens.push({ start: base + span.start, end: base + span.end, type: 'kind' in part ? TYPE[part.kind] : TYPE.partnership, modifiers: 0 });
      });
    }
  }
  tokens.sort((a, b) => a.start - b.start);
  const index = ctx.positions.index(source.file);
  for (const t of tokens) {
    const p = index.position(t.start);
    builder.push(p.line, p.character, t.end - t.start, t.type, t.modifiers);
  }
  return builder.build();
}
