// Human-readable output: `path:line:col severity code message`, with a code frame and colour
// only when writing to a terminal. Every piece of document text and every path goes through
// `terminalSafe`, so no control character reaches the terminal.

import type { CheckReport } from '../core/report/check-report';
import { countBySeverity } from '../core/report/check-report';
import { terminalSafe } from './terminal-text';

const COLOURS = { error: '\x1b[31m', warning: '\x1b[33m', information: '\x1b[36m', hint: '\x1b[90m' } as const;
const RESET = '\x1b[0m';
const DIM = '\x1b[2m';

export function formatText(report: CheckReport, textOf: (path: string) => string | undefined, tty: boolean): string {
  const out: string[] = [];
  for (const file of report.files) {
    const lines = tty ? (textOf(file.path) ?? '').split(/\r\n|\r|\n/) : [];
    for (const d of file.diagnostics) {
      const where = `${terminalSafe(file.path)}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      const severity = tty ? `${COLOURS[d.severity]}${d.severity}${RESET}` : d.severity;
      out.push(`${where} ${severity} ${d.code} ${terminalSafe(d.message)}`);
      for (const r of d.related) out.push(`    ${tty ? DIM : ''}related: ${terminalSafe(r.path)}:${r.range.start.line + 1}:${r.range.start.character + 1} ${terminalSafe(r.message)}${tty ? RESET : ''}`);
      if (tty) out.push(...codeFrame(lines, d.range.start.line, d.range.start.character, d.range.end.line === d.range.start.line ? d.range.end.character : undefined));
    }
  }
  const c = countBySeverity(report);
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  out.push(`${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.information} information, ${plural(c.hint, 'hint')} in ${plural(report.files.length, 'file')}.`);
  return out.join('\n') + '\n';
}

function codeFrame(lines: readonly string[], line: number, start: number, end: number | undefined): string[] {
  const text = lines[line];
  if (text === undefined) return [];
  const number = String(line + 1);
  // The caret is placed under the escaped text, which may be longer than the source.
  const before = terminalSafe(text.slice(0, start)).length;
  const covered = terminalSafe(text.slice(start, Math.max(start + 1, end ?? text.length))).length;
  return [
    `  ${DIM}${number} |${RESET} ${terminalSafe(text)}`,
    `  ${' '.repeat(number.length)} ${DIM}|${RESET} ${' '.repeat(before)}${COLOURS.error}${'^'.repeat(Math.max(1, covered))}${RESET}`,
  ];
}
