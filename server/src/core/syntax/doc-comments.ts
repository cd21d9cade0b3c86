// Doc comments: the `///` lines above a declaration, with nothing but white space (blank
// lines included) between them and it, document it. Read from the text on demand, so the grammar and the tree stay small.

export function docCommentBefore(text: string, declarationStart: number): string | undefined {
  const lines: string[] = [];
  let lineEnd = lineStartOf(text, declarationStart);
  // The declaration must begin its line (after indentation) for the comment above to be its own.
  if (text.slice(lineEnd, declarationStart).trim() !== '') return undefined;
  while (lineEnd > 0) {
    const prevEnd = lineEnd - (text[lineEnd - 1] === '\n' && text[lineEnd - 2] === '\r' ? 2 : 1);
    const prevStart = lineStartOf(text, prevEnd);
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

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}
