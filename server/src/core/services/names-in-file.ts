// What each name written in a file refers to, read from the file's resolutions: the wording of
// describe.ts asks it for the names the model does not keep (an event after `from`).

import type { PartnershipSymbol } from '../binding/symbols';
import type { SourceFile } from '../program/program';
import type { QName } from '../syntax/ast';
import type { NameOf } from './describe';

/** Answers for the names of one file; the table is built on the first question only. */
export function namesIn(source: SourceFile | undefined): NameOf {
  let table: Map<QName, PartnershipSymbol | null> | undefined;
  return (q) => {
    if (!source) return null;
    if (!table) {
      table = new Map();
      for (const resolution of source.resolutions) for (let r = 0; r < resolution.nodes.length; r++) table.set(resolution.nodes[r], resolution.targets[r]);
    }
    return table.get(q) ?? null;
  };
}
