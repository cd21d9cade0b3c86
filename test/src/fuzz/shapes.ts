// The input shapes whose cost once grew with the square of their size (issue 16), generated at
// the sizes that broke, each checked by the real command in a process of its own, against the
// time and memory bounds docs/security.md promises. Figures are printed, not asserted in the
// test suite: machines vary.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../helpers/paths';

export interface Shape {
  readonly name: string;
  /** Writes the shape's files into `dir`; returns what `partnership check` is given. */
  readonly write: (dir: string) => string;
  readonly maxSeconds: number;
  readonly maxMegabytes: number;
}

const HEAD = 'partnership T "T" {\n  term 2010-01-01 to 2020-12-31\n  party A "A Council" as client\n  party B "B Ltd" as supplier\n';
const contract = (dir: string, body: string[]): string => {
  const file = path.join(dir, 'shape.partnership');
  fs.writeFileSync(file, HEAD + body.join('\n') + '\n}\n');
  return file;
};
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

export const shapes: readonly Shape[] = [
  {
    name: '2,000 norms contradicting each other',
    write: (dir) => contract(dir, range(2000).map((i) => (i % 2
      ? `  prohibition N${i} "n" { B must not file "monthly report" }`
      : `  obligation N${i} "n" { B must file "monthly report" due 2011-01-01 }`))),
    maxSeconds: 10,
    maxMegabytes: 512,
  },
  {
    name: '2,000 grants over one scope',
    write: (dir) => contract(dir, ['  scope S "S"', ...range(2000).map((i) => `  party P${i} "P" as supplier\n  exclusive P${i} over S`)]),
    maxSeconds: 10,
    maxMegabytes: 512,
  },
  {
    name: '2 MB of unknown names, 2,000 candidates',
    write: (dir) => contract(dir, [
      ...range(2000).map((i) => `  party Party${String(i).padStart(5, '0')} "Supplier ${i}" as supplier`),
      ...range(30000).map((i) => `  obligation N${i} "n" { Parti${String(i).padStart(5, '0')} must pay "fees" due 2011-01-01 }`),
    ]),
    maxSeconds: 20,
    maxMegabytes: 768,
  },
  {
    name: 'a chain of 20,000 imports',
    write: (dir) => {
      for (const i of range(20000)) {
        const imports = i > 0 ? `import "c${i - 1}.partnership"\n` : '';
        fs.writeFileSync(path.join(dir, `c${i}.partnership`), `${imports}partnership C${i} "C" {\n  term 2010-01-01 to 2020-12-31\n  party P "P" as client\n}\n`);
      }
      return dir;
    },
    maxSeconds: 30,
    maxMegabytes: 1024,
  },
];

export interface Measured {
  readonly inputBytes: number;
  readonly seconds: number;
  readonly megabytes: number;
  readonly outputBytes: number;
  readonly exitCode: number | null;
}

/** Runs `partnership check --format json` on the shape in a fresh process: its time, peak memory and output size. */
export function measure(shape: Shape): Measured {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-shape-'));
  try {
    const target = shape.write(dir);
    const inputBytes = fs.readdirSync(dir).reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
    const script = `
      const { main } = require(${JSON.stringify(path.join(repoRoot, 'server', 'out', 'cli', 'main.js'))});
      let bytes = 0;
      const started = process.hrtime.bigint();
      const code = main(['check', '--format', 'json', ${JSON.stringify(target)}], { stdout: (t) => (bytes += Buffer.byteLength(t)), stderr: () => undefined, isTty: false });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      process.stdout.write(JSON.stringify({ code, bytes, seconds, rss: process.resourceUsage().maxRSS }));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: shape.maxSeconds * 4000, maxBuffer: 1 << 20 });
    if (r.error || r.status !== 0) return { inputBytes, seconds: Infinity, megabytes: Infinity, outputBytes: 0, exitCode: r.status };
    const out = JSON.parse(r.stdout) as { code: number; bytes: number; seconds: number; rss: number };
    return { inputBytes, seconds: out.seconds, megabytes: out.rss / 1024, outputBytes: out.bytes, exitCode: out.code };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Measures every shape, prints one line each; returns how many stayed within their bounds. */
export function runShapes(log: (line: string) => void): { passed: number; failed: number } {
  let passed = 0;
  let failed = 0;
  for (const shape of shapes) {
    const m = measure(shape);
    const ok = m.seconds <= shape.maxSeconds && m.megabytes <= shape.maxMegabytes;
    if (ok) passed++;
    else failed++;
    log(`shape: ${shape.name} (${(m.inputBytes / 1024).toFixed(0)} KB in): ${m.seconds.toFixed(2)} s, ${m.megabytes.toFixed(0)} MB peak, ` +
      `${(m.outputBytes / 1024).toFixed(0)} KB out; bound ${shape.maxSeconds} s, ${shape.maxMegabytes} MB: ${ok ? 'within' : 'EXCEEDED'}`);
  }
  return { passed, failed };
}
