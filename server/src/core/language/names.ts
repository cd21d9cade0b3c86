// Whether a text is a name as the parser reads one, asked of the parser itself (its start rule
// `NameOnly`), so that rename cannot accept a name that the next parse would refuse.

import { GeneratedSyntaxError, parseWithExpectations } from '../syntax/peggy-adapter';
import { RESERVED_WORDS } from './vocabulary';

export type NameProblem = 'reserved' | 'malformed';

/** Why `text` cannot be a name, or null when it can: the parser's verdict, explained. */
export function nameProblem(text: string): NameProblem | null {
  try {
    parseWithExpectations(text, 'NameOnly');
    return null;
  } catch (error) {
    // Only the parser's refusal means "not a name"; anything else is a fault to surface.
    if (!(error instanceof GeneratedSyntaxError)) throw error;
    return RESERVED_WORDS.has(text) ? 'reserved' : 'malformed';
  }
}
