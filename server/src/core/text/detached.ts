// A copy of a piece of text that keeps nothing of the text it was cut from. The engine keeps
// a slice of a long string as a view into the whole string, and whatever the parser reads
// from the slice (a unit's text, a name, a title) is a view into it too: a unit parsed from a
// slice of a document would keep that whole document alive for as long as the unit lives,
// and the units an edit parses again live on through every later edit that keeps them.

/** `text`, as a string of its own (joined to a character, the engine flattens it into a new string; the slice drops that character). */
export function detached(text: string): string {
  return (' ' + text).slice(1);
}
