// The conformance rule of the brief: `//~ CODE [CODE...]` at the end of a line says a
// diagnostic with that code starts on that line. Errors and warnings, plus diagnostics of any
// other severity whose code is marked somewhere in the case, must equal the markers exactly.
// And the cursor marker of hover and completion tests (`withCursor`).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analysis } from '../../../server/out/core/analysis/analysis';
import { LineIndex } from '../../../server/out/core/text/line-index';
import { diskHost } from '../../../server/out/cli/files';

const MARK = /\/\/~\s*((?:P\d{3}\s*)+)/;

export function markersOf(text: string): Map<string, number> {
  const want = new Map<string, number>();
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    const m = MARK.exec(line);
    if (!m) return;
    for (const code of m[1].trim().split(/\s+/)) want.set(`${i + 1} ${code}`, (want.get(`${i + 1} ${code}`) ?? 0) + 1);
  });
  return want;
}

/** Checks one case folder; returns the mismatches (empty when the case passes). */
export function runCase(folder: string): string[] {
  const files = fs.readdirSync(folder).filter((n) => n.endsWith('.partnership')).sort().map((n) => path.join(folder, n));
  const texts = new Map(files.map((f) => [f, fs.readFileSync(f, 'utf8')]));
  const program = new Analysis(files.map((file) => ({ file, text: texts.get(file) })), diskHost);
  const wanted = new Map(files.map((f) => [f, markersOf(texts.get(f)!)]));
  const marked = new Set([...wanted.values()].flatMap((w) => [...w.keys()].map((k) => k.split(' ')[1])));
  const problems: string[] = [];
  for (const file of files) {
    const index = new LineIndex(texts.get(file)!);
    const got = new Map<string, number>();
    for (const d of program.diagnostics(file)) {
      if (d.severity !== 'error' && d.severity !== 'warning' && !marked.has(d.code)) continue;
      const key = `${index.position(d.start).line + 1} ${d.code}`;
      got.set(key, (got.get(key) ?? 0) + 1);
    }
    const want = wanted.get(file)!;
    for (const key of new Set([...want.keys(), ...got.keys()])) {
      const w = want.get(key) ?? 0;
      const g = got.get(key) ?? 0;
      const [line, code] = key.split(' ');
      if (w > g) problems.push(`${path.basename(file)}:${line} missing ${code}${w - g > 1 ? ` x${w - g}` : ''}`);
      if (g > w) {
        const detail = program.diagnostics(file).find((d) => d.code === code && index.position(d.start).line + 1 === Number(line));
        problems.push(`${path.basename(file)}:${line} unexpected ${code}${g - w > 1 ? ` x${g - w}` : ''}: ${detail?.message ?? ''}`);
      }
    }
  }
  return problems.sort();
}

/** A text with one cursor marker (`‸` unless told): the text without it, and the marker's offset. */
export function withCursor(marked: string, marker = '‸'): { text: string; offset: number } {
  const offset = marked.indexOf(marker);
  if (offset < 0 || marked.indexOf(marker, offset + 1) >= 0) throw new Error(`the text must hold exactly one ${marker}`);
  return { text: marked.slice(0, offset) + marked.slice(offset + marker.length), offset };
}
