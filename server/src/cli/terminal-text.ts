// Text from documents and file names reaches a terminal only through here. A contract or a
// file name holding ESC, CSI, OSC or other controls could erase lines, retitle the window,
// plant links or forge the "0 errors" summary; bidirectional controls could reorder what is
// shown (Trojan Source). Each is printed as a visible escape instead.

/** C0 controls, DEL, C1 controls, the bidirectional controls, and the line and paragraph separators. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** What `JSON.stringify` leaves raw in strings (it escapes C0 itself; its own line breaks are layout). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

const hex = (c: string, width: number): string => c.charCodeAt(0).toString(16).toUpperCase().padStart(width, '0');

/** `\x1B`, `\x9B`, `\u202E`: every unsafe character as a visible escape; anything else as it is. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => (c.charCodeAt(0) <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
}

/**
 * JSON as `JSON.stringify` writes it, with the unsafe characters it leaves raw (DEL, C1, the
 * bidirectional controls) written as `\uXXXX` escapes: the same JSON values, inert on a terminal.
 * They can only stand inside strings there, where such an escape means the same character.
 */
export function terminalSafeJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (c) => `\\u${hex(c, 4)}`);
}
