// Unicode bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) are
// invisible and reorder the text around them, so a title can read one way and say another
// (Trojan Source). Where the product shows document text, each is replaced by a visible mark.

const NAMES: Readonly<Record<number, string>> = {
  0x061c: 'ARABIC LETTER MARK', 0x200e: 'LEFT-TO-RIGHT MARK', 0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING', 0x202b: 'RIGHT-TO-LEFT EMBEDDING', 0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE', 0x202e: 'RIGHT-TO-LEFT OVERRIDE', 0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE', 0x2068: 'FIRST STRONG ISOLATE', 0x2069: 'POP DIRECTIONAL ISOLATE',
};

const PATTERN = '[\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]';
const ANY = new RegExp(PATTERN);
const EVERY = new RegExp(PATTERN, 'g');

export const codePoint = (c: string): string => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The first bidirectional control in `text`: where, which, and its Unicode name. */
export function firstBidiControl(text: string): { index: number; codePoint: string; name: string } | undefined {
  const m = ANY.exec(text);
  return m ? { index: m.index, codePoint: codePoint(m[0]), name: NAMES[m[0].charCodeAt(0)] } : undefined;
}

export function hasBidiControl(text: string): boolean {
  return ANY.test(text);
}

/** `⟦U+202E⟧` for each bidirectional control: shown, not obeyed. */
export function showBidiControls(text: string): string {
  return hasBidiControl(text) ? text.replace(EVERY, (c) => `⟦${codePoint(c)}⟧`) : text;
}

/** A copy of a plain JSON-like value with every string passed through `showBidiControls`. */
export function showBidiControlsIn<T>(value: T): T {
  if (typeof value === 'string') return showBidiControls(value) as T;
  if (Array.isArray(value)) return value.map(showBidiControlsIn) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[showBidiControls(k)] = showBidiControlsIn(v);
    return out as T;
  }
  return value;
}
