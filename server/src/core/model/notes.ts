// A block's `note` lines: what the language cannot say, for the reader (every block may hold them).

import type { Note } from '../syntax/ast';

const NONE: readonly never[] = [];

export function notesIn(items: readonly { readonly kind: string }[]): readonly string[] {
  let notes: string[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.kind === 'Note') (notes ??= []).push((item as Note).text.value);
  }
  return notes ?? NONE;
}
