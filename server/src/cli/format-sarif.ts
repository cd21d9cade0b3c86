// SARIF 2.1.0 for code-scanning tools: one rule per diagnostic code (stable ids), paths
// relative to the repository root, and fingerprints that survive unrelated edits above.

import { createHash } from 'node:crypto';
import { catalog } from '../core/diagnostics/catalog';
import type { CheckReport, Range } from '../core/report/check-report';

const LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

export function formatSarif(report: CheckReport, version: string, lineText: (path: string, line: number) => string): string {
  const codes = Object.keys(catalog).sort() as (keyof typeof catalog)[];
  const rules = codes.map((code) => ({
    id: code,
    name: catalog[code].title.replace(/(^|\s)(\w)/g, (_, __, c: string) => c.toUpperCase()).replace(/\W/g, ''),
    shortDescription: { text: catalog[code].title },
    defaultConfiguration: { level: LEVEL[catalog[code].severity] },
    helpUri: `docs/language.md#${code.toLowerCase()}`,
  }));
  const results = [];
  for (const file of report.files) {
    const seen = new Map<string, number>();
    for (const d of file.diagnostics) {
      const key = [d.code, file.path, lineText(file.path, d.range.start.line).trim(), d.message].join('\u0000');
      const occurrence = (seen.get(key) ?? 0) + 1;
      seen.set(key, occurrence);
      results.push({
        ruleId: d.code,
        ruleIndex: codes.indexOf(d.code as keyof typeof catalog),
        level: LEVEL[d.severity],
        message: { text: sarifText(d.message) },
        locations: [location(file.path, d.range)],
        ...(d.related.length > 0
          ? { relatedLocations: d.related.map((r, i) => ({ id: i + 1, ...location(r.path, r.range), message: { text: sarifText(r.message) } })) }
          : {}),
        partialFingerprints: { 'partnershipLineHash/v1': createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 32) },
      });
    }
  }
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'partnership', version, rules } },
        artifacts: report.files.map((f) => ({ location: { uri: encodeURI(f.path), uriBaseId: 'SRCROOT' } })),
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

/**
 * A plain-text SARIF message: `[text](target)` there is an embedded link, so literal square
 * brackets from the document (a title such as `[Open invoice](https://…)`) are escaped with a
 * backslash, as SARIF 2.1.0 (3.11.6) requires.
 */
export function sarifText(text: string): string {
  return text.replace(/[[\]]/g, (c) => `\\${c}`);
}

function location(path: string, range: Range) {
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeURI(path), uriBaseId: 'SRCROOT' },
      region: {
        startLine: range.start.line + 1,
        startColumn: range.start.character + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.character + 1,
      },
    },
  };
}
