// Doc comments: the `///` lines above a declaration, with nothing but white space (blank
// lines included) between them and it, document it. Read from the text on demand, so the grammar and the tree stay small.

/**
 * `text` may be a unit's text (see `Unit`): its first line is then the end of the line of the
 * statement before it, which is never a comment line of its own.
 */
export function docCommentBefore(text: string, declarationStart: number, withinUnit = false): string | undefined {
  if (plainlyUndocumented(text, declarationStart)) return undefined;
  const lines: string[] = [];
  let lineEnd = lineStartOf(text, declarationStart);
  // The declaration must begin its line (after indentation) for the comment above to be its own.
  if (text.slice(lineEnd, declarationStart).trim() !== '') return undefined;
  while (lineEnd > 0) {
    const prevEnd = lineEnd - (text[lineEnd - 1] === '\n' && text[lineEnd - 2] === '\r' ? 2 : 1);
    const prevStart = lineStartOf(text, prevEnd);
    if (withinUnit && prevStart === 0) break;
    const line = text.slice(prevStart, prevEnd).trim();
    if (line === '' && lines.length === 0) {
      lineEnd = prevStart;
      continue;
    }
    if (!line.startsWith('///') || line.startsWith('////')) break;
    lines.push(line.slice(3).replace(/^ /, ''));
    lineEnd = prevStart;
  }
  if (lines.length === 0) return undefined;
  return lines.reverse().join('\n').trim() || undefined;
}

/**
 * Most declarations have no doc comment, and every declaration is asked for one, so this settles
 * the common case by reading characters, without the slices below: the first line above with
 * anything on it (or the declaration's own line, when something precedes it there) starts with
 * a visible character other than `/`. Anything less plain is left to the full reading.
 */
function plainlyUndocumented(text: string, declarationStart: number): boolean {
  let i = declarationStart;
  for (let c = text.charCodeAt(i - 1); c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d; c = text.charCodeAt(i - 1)) i--;
  if (i === 0) return true;
  let lineStart = i;
  for (let c = text.charCodeAt(lineStart - 1); lineStart > 0 && c !== 0x0a && c !== 0x0d; c = text.charCodeAt(lineStart - 1)) lineStart--;
  for (let c = text.charCodeAt(lineStart); c === 0x20 || c === 0x09; c = text.charCodeAt(lineStart)) lineStart++;
  const first = text.charCodeAt(lineStart);
  return first > 0x20 && first < 0x7f && first !== 0x2f;
}

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}
