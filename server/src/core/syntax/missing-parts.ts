// Structural syntax errors the grammar lets through so that the rest of a declaration still
// parses: a missing title, role, `{` or `}`, a norm without its `<party> must …` line, a line
// given twice, a second partnership, an import after the partnership.

import type { Block, FileNode, Ident, PartnershipItem, Span } from './ast';
import { lineNumberAt } from '../text/line-index';
import { quoteToken, tokenAt } from './tokens';

export interface MissingPart {
  /** The statement or declaration at fault. */
  readonly node: Span;
  /** Where its header ends: a lexical error before this point explains the problem instead. */
  readonly headerEnd: number;
  /** True when the part is missing at the end of the statement (a following junk node explains it better). */
  readonly trailing: boolean;
  readonly at: Span;
  readonly message: string;
}

type Named = Span & { kind: string; name: Ident; title: { end: number } | null };

const describe: Record<string, string> = {
  Partnership: 'partnership',
  Party: 'party',
  Scope: 'scope',
  Kpi: 'KPI',
  Body: 'body',
};

/** Lines a norm, KPI or body may have at most once. */
const singleLines: Record<string, Record<string, string>> = {
  Norm: { Due: 'due', Every: 'every', Accountable: 'accountable', ScopeLine: 'scope', Otherwise: 'otherwise', Clause: 'clause' },
  Kpi: { Owner: 'owner', ScopeLine: 'scope', Target: 'target', Threshold: 'threshold', Measured: 'measured' },
  Body: { Chair: 'chair' },
  Partnership: { Term: 'term', Source: 'source' },
};

export function missingParts(ast: FileNode, text: string): MissingPart[] {
  const { out, named, walk } = collector(text);
  if (!ast.items.some((i) => i.kind === 'Partnership' || i.kind === 'Junk')) {
    const end = text.length;
    out.push({ node: ast, headerEnd: end, trailing: false, at: { start: end, end }, message: 'This file declares no partnership: a `.partnership` file holds one `partnership Name "Title" { … }`.' });
  }
  let partnerships = 0;
  for (const item of ast.items) {
    if (item.kind === 'Partnership') {
      partnerships++;
      if (partnerships > 1) {
        out.push({ node: item, headerEnd: item.name.end, trailing: false, at: { start: item.name.start, end: item.name.end }, message: `A file holds one partnership; \`${item.name.text}\` is a second one. Put it in a file of its own and import it.` });
      }
      named(item as unknown as Named, 'partnership', item.block, true);
      if (item.block) walk(item.block.items);
    } else if (item.kind === 'Import' && partnerships > 0) {
      out.push({ node: item, headerEnd: item.end, trailing: false, at: { start: item.start, end: item.start + 'import'.length }, message: 'Imports come before the partnership: move this `import` to the top of the file.' });
    }
  }
  return out;
}

/** The missing parts of some declarations of a partnership block (one re-parsed declaration, say). */
export function missingPartsIn(items: readonly PartnershipItem[], text: string): MissingPart[] {
  const { out, walk } = collector(text);
  walk(items);
  return out;
}

function collector(text: string) {
  const out: MissingPart[] = [];
  const at = (offset: number): { at: Span; found: string } => {
    const token = tokenAt(text, offset);
    return { at: token ? { start: token.start, end: token.end } : { start: text.length, end: text.length }, found: quoteToken(token) };
  };

  const named = (node: Named, what: string, block: Block<Span & { kind: string }> | null, blockRequired: boolean): void => {
    const headerEnd = block ? block.start : node.end;
    if (!node.title) {
      const where = at(node.name.end);
      out.push({ node, headerEnd, trailing: !block, at: where.at, message: `Expected the title of ${what} \`${node.name.text}\` (a quoted string), found ${where.found}.` });
    }
    if (blockRequired && !block && node.title) {
      const where = at(node.title.end);
      out.push({ node, headerEnd, trailing: true, at: where.at, message: `Expected \`{\` to open ${what} \`${node.name.text}\`, found ${where.found}.` });
    }
    if (block && !block.closed) {
      const where = at(block.end);
      out.push({ node, headerEnd, trailing: false, at: where.at, message: `Expected \`}\` to close ${what} \`${node.name.text}\`, found ${where.found}.` });
    }
    if (block) repeatedLines(node, what, block);
  };

  const repeatedLines = (node: Named, what: string, block: Block<Span & { kind: string }>): void => {
    const singles = singleLines[node.kind] ?? {};
    // A block has a handful of lines: a list searched in place costs less than a map per block.
    const firstOf: (Span & { kind: string })[] = [];
    let normLines = 0;
    let junk = false;
    // Loops here go by index: this runs for every declaration as a contract opens, when a
    // `for … of` loop still makes an object for each step.
    const items = block.items;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item.kind === 'Junk') junk = true;
      if (item.kind === 'NormLine') {
        normLines++;
        if (normLines > 1) {
          out.push({ node: item, headerEnd: item.end, trailing: false, at: { start: item.start, end: item.end }, message: `${capitalise(what)} \`${node.name.text}\` already has its \`<party> must …\` line; a norm states one duty, so declare another norm for this one.` });
        }
      }
      const keyword = singles[item.kind];
      if (!keyword) continue;
      let first: Span | undefined;
      for (let j = 0; j < firstOf.length; j++) if (firstOf[j].kind === item.kind) first = firstOf[j];
      if (first) {
        out.push({ node: item, headerEnd: item.end, trailing: false, at: { start: item.start, end: item.start + keyword.length }, message: `${capitalise(what)} \`${node.name.text}\` already has ${/^[aeiou]/.test(keyword) ? 'an' : 'a'} \`${keyword}\` line (line ${lineNumberAt(text, first.start)}); give it once.` });
      } else {
        firstOf.push(item);
      }
    }
    if (node.kind === 'Norm' && normLines === 0 && !junk) {
      out.push({ node, headerEnd: block.start, trailing: false, at: { start: node.name.start, end: node.name.end }, message: `${capitalise(what)} \`${node.name.text}\` has no norm line: its first line says who must do what, e.g. \`Supplier must deliver Services to Council\`.` });
    }
  };

  const walk = (items: readonly (Span & { kind: string })[]): void => {
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      switch (item.kind) {
        case 'Party': {
          const party = item as Named & { role: Ident | null };
          named(party, 'party', null, false);
          if (!party.role && party.title) {
            const where = at(party.title.end);
            out.push({ node: party, headerEnd: party.end, trailing: true, at: where.at, message: `Expected \`as\` and the role of party \`${party.name.text}\` (for example \`as supplier\`), found ${where.found}.` });
          }
          break;
        }
        case 'Scope': {
          const scope = item as Named & { block: Block<Span & { kind: string }> | null };
          named(scope, 'scope', scope.block, false);
          if (scope.block) walk(scope.block.items);
          break;
        }
        case 'Norm': {
          const norm = item as Named & { keyword: string; block: Block<Span & { kind: string }> | null };
          named(norm, norm.keyword, norm.block, true);
          break;
        }
        case 'Kpi':
        case 'Body': {
          const decl = item as Named & { block: Block<Span & { kind: string }> | null };
          named(decl, describe[item.kind], decl.block, true);
          break;
        }
      }
    }
  };

  return { out, named, walk };
}

function capitalise(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}
