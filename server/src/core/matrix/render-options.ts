// What an exported matrix may say beyond the matrix itself: how its rows are grouped, and where
// it came from (the files it was made from and when), so that a printed copy can be traced.

import type { Grouping } from '../../../../shared/out/matrix-wording';

export interface Provenance {
  /** The contracts checked together to make the matrix, as the person named them. */
  readonly files: readonly string[];
  /** When the matrix was made; null leaves the moment out, so the same files give the same bytes. */
  readonly generatedAt: Date | null;
  /** The tool and its version: `partnership 0.1.0`. */
  readonly tool: string;
}

export interface RenderOptions {
  readonly grouping?: Grouping;
  readonly provenance?: Provenance;
}

/** `Made by partnership 0.1.0 from a.partnership and b.partnership on 2026-01-31 at 09:05 UTC.` */
export function provenanceText(p: Provenance): string {
  const files = p.files.length <= 1 ? p.files.join('') : `${p.files.slice(0, -1).join(', ')} and ${p.files[p.files.length - 1]}`;
  const when = p.generatedAt ? ` on ${p.generatedAt.toISOString().slice(0, 10)} at ${p.generatedAt.toISOString().slice(11, 16)} UTC` : '';
  return `Made by ${p.tool}${files ? ` from ${files}` : ''}${when}.`;
}
