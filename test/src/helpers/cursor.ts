// Marked sources for editor features: `|` is where the cursor stands, `[|…|]` a range the test
// expects (in order of appearance). The marks are removed; offsets refer to the clean text.

export interface Marks {
  readonly text: string;
  /** The offset of the `|` mark, or null when the source has none. */
  readonly cursor: number | null;
  readonly ranges: readonly { readonly start: number; readonly end: number }[];
}

export function parseMarks(source: string): Marks {
  let text = '';
  let cursor: number | null = null;
  const ranges: { start: number; end: number }[] = [];
  const open: number[] = [];
  for (let i = 0; i < source.length; i++) {
    if (source.startsWith('[|', i)) {
      open.push(text.length);
      i++;
    } else if (source.startsWith('|]', i)) {
      const start = open.pop();
      if (start === undefined) throw new Error(`\`|]\` without \`[|\` at ${i} in:\n${source}`);
      ranges.push({ start, end: text.length });
      i++;
    } else if (source[i] === '|') {
      if (cursor !== null) throw new Error(`more than one cursor \`|\` in:\n${source}`);
      cursor = text.length;
    } else {
      text += source[i];
    }
  }
  if (open.length) throw new Error(`\`[|\` without \`|]\` in:\n${source}`);
  ranges.sort((a, b) => a.start - b.start);
  return { text, cursor, ranges };
}
