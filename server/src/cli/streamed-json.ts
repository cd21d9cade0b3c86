// JSON written in pieces: a long contract's status lists hundreds of thousands of occurrences,
// and its calendar as many items; made into one string, then encoded, the output is held three
// times over (tens of megabytes each) before a byte of it is written.

import type { ByteWriter } from '../core/text/byte-writer';
import { terminalSafeJson } from './terminal-text';

/**
 * Writes `value` exactly as `terminalSafeJson(JSON.stringify(value, null, 2))` gives it. The
 * plain objects and arrays of the first `levels` levels are written member by member; what
 * stands below them (one occurrence, one calendar item) is made a string whole, by
 * `JSON.stringify` itself, and indented where it stands.
 */
export function writeJson(value: unknown, levels: number, out: ByteWriter): void {
  writeValue(jsonValueOf(value, ''), '', levels, out);
}

/**
 * A list of `count` items standing at `indent`, as JSON.stringify writes an array, each item
 * made by `itemAt` only as it is written (the calendar's items), written `levels` deep.
 */
export function writeJsonList(count: number, itemAt: (i: number) => unknown, indent: string, levels: number, out: ByteWriter): void {
  if (count === 0) {
    out.text('[]');
    return;
  }
  const inner = indent + '  ';
  for (let i = 0; i < count; i++) {
    out.text(i === 0 ? `[\n${inner}` : `,\n${inner}`);
    const item = jsonValueOf(itemAt(i), String(i));
    // What JSON.stringify leaves out of an object stands as null in an array.
    if (isOmitted(item)) out.text('null');
    else writeValue(item, inner, levels - 1, out);
  }
  out.text(`\n${indent}]`);
}

function writeValue(value: unknown, indent: string, levels: number, out: ByteWriter): void {
  if (levels > 0 && Array.isArray(value)) {
    writeJsonList(value.length, (i) => value[i], indent, levels, out);
    return;
  }
  if (levels > 0 && isPlainObject(value)) {
    const inner = indent + '  ';
    let written = 0;
    for (const key of Object.keys(value)) {
      const member = jsonValueOf(value[key], key);
      if (isOmitted(member)) continue;
      out.text(`${written++ === 0 ? '{\n' : ',\n'}${inner}${terminalSafeJson(JSON.stringify(key))}: `);
      writeValue(member, inner, levels - 1, out);
    }
    out.text(written === 0 ? '{}' : `\n${indent}}`);
    return;
  }
  const json = terminalSafeJson(JSON.stringify(value, null, 2));
  // Its own line breaks are layout (a string's are escaped): each is indented where it stands.
  out.text(indent === '' || !json.includes('\n') ? json : json.replace(/\n/g, `\n${indent}`));
}

/** A value as JSON.stringify sees it: what its `toJSON`, if any, gives for its key. */
function jsonValueOf(value: unknown, key: string): unknown {
  if (value !== null && (typeof value === 'object' || typeof value === 'bigint')) {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return toJSON.call(value, key);
  }
  return value;
}

/** What JSON.stringify writes nothing for. */
function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** An object JSON.stringify writes as its own enumerable members, and nothing else does. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
