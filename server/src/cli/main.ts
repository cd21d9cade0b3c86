// `partnership`: the command line for CI and for people without VS Code. Exit codes: 0 when
// no error was found, 1 when any was, 2 for bad usage or unreadable input (one line on stderr,
// never a stack trace).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Analysis } from '../core/analysis/analysis';
import { checkReport, countBySeverity } from '../core/report/check-report';
import { exportModel } from '../core/model/export';
import { buildMatrix } from '../core/matrix/model';
import { renderHtml } from '../core/matrix/html';
import { renderMarkdown } from '../core/matrix/markdown';
import { writeCsvOf } from '../core/matrix/csv';
import { streamMatrix } from '../core/matrix/streamed';
import type { Grouping } from '../../../shared/out/matrix-wording';
import type { RenderOptions } from '../core/matrix/render-options';
import { collectFiles, diskHost, isFileSystemError, readText, relative, UsageError } from './files';
import { OutputFile } from './output-file';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import { terminalSafe, terminalSafeJson } from './terminal-text';
import { calendarCommand, type LedgerIo, readResultsFiles, statusCommand, withResults } from './ledger-commands';
import { ledgerOf } from '../core/ledger/from-analysis';
import { isResultsFile } from '../core/ledger/results-file';
import type { ByteSink } from '../core/text/byte-writer';

export interface Io {
  readonly stdout: (text: string) => void;
  /** Standard output as bytes, where it takes them (see `LedgerIo` and `ByteSink`). */
  readonly stdoutBytes?: ByteSink;
  readonly stderr: (text: string) => void;
  readonly isTty: boolean;
}

const HELP = `Usage: partnership <command> [options]

Commands:
  check <files or folders...>  Check .partnership files together (folders are searched
                               recursively). Exit 0 with no errors, 1 with errors, 2 on
                               bad usage or unreadable input.
      --format text|json|sarif   Output format (default: text)
  matrix <file>                Write the obligation matrix of one partnership, checked
                               together with the other contracts in its folder.
      --format html|md|csv|json  Output format (default: html)
      --group-by scope|order     Group the norms under their top-level scope (default),
                                 or list them in the contract's order
      --no-timestamp             Leave the moment of generation out of the HTML and
                                 Markdown (the same files then give the same bytes;
                                 SOURCE_DATE_EPOCH, when set, is used instead of now)
      -o, --output <file>        Write to a file instead of standard output
  status <files or folders...> Where every obligation, KPI and credit stands on a day, from
                               the contracts and their results files (*.results.csv, found
                               in the folders named). Exit 0, 1 when a contract or results
                               file has an error, 2 on bad usage.
      --on YYYY-MM-DD            The day (default: today)
      --format text|json|html|md Output format (default: text; JSON follows
                                 schemas/partnership-status.schema.json)
      -o, --output <file>        Write to a file instead of standard output
  calendar <files or folders...> Every dated item: occurrences, the term, grants, variations,
                               the end of each KPI measurement period.
      --from D, --to D           Only items on or after D, on or before D (YYYY-MM-DD)
      --format ics|csv|json      Output format (default: ics; JSON follows
                                 schemas/partnership-calendar.schema.json)
      -o, --output <file>        Write to a file instead of standard output
  export <file>                Print the partnership's semantic model as JSON
                               (schemas/partnership-model.schema.json).
      -o, --output <file>        Write to a file instead of standard output

Options:
  -h, --help                   Show this help
  -v, --version                Show the version
`;

/** The product's package.json: three folders up from server/out/cli, one up from the bundle in dist/. */
const PACKAGE_JSON = [path.resolve(__dirname, '../../../package.json'), path.resolve(__dirname, '../package.json')];

export function version(): string {
  try {
    const file = PACKAGE_JSON.find((f) => fs.existsSync(f)) ?? PACKAGE_JSON[0];
    const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch (error) {
    // The version is only shown: a missing or damaged package.json must not stop a command.
    if (isFileSystemError(error) || error instanceof SyntaxError) return '0.0.0';
    throw error;
  }
}

export function main(argv: readonly string[], io: Io): number {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout(HELP);
        return command === undefined ? 2 : 0;
      case '-v':
      case '--version':
        io.stdout(version() + '\n');
        return 0;
      case 'check':
        return check(rest, io);
      case 'matrix':
        return matrix(rest, io);
      case 'export':
        return exportCommand(rest, io);
      case 'status':
        return ledgerCommand('status', rest, io);
      case 'calendar':
        return ledgerCommand('calendar', rest, io);
      default:
        throw new UsageError(`unknown command '${command}' (expected check, matrix, export, status or calendar)`);
    }
  } catch (error) {
    // Messages name paths and arguments as given: printed through `terminalSafe` like all else.
    if (error instanceof UsageError) {
      io.stderr(`partnership: ${terminalSafe(error.message)}. Run 'partnership --help' for usage.\n`);
    } else {
      io.stderr(`partnership: internal error: ${terminalSafe(error instanceof Error ? error.message : String(error))}\n`);
      if (process.env.PARTNERSHIP_DEBUG && error instanceof Error) io.stderr(`${terminalSafe(error.stack ?? '')}\n`);
    }
    return 2;
  }
}

interface Parsed {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

function parse(args: readonly string[], options: Record<string, { type: 'string' | 'boolean'; short?: string }>): Parsed {
  try {
    return parseArgs({ args: [...args], options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0].replace(/\.$/, '') : String(error));
  }
}

function choice(value: string | undefined, allowed: readonly string[], fallback: string, option = '--format'): string {
  const v = value ?? fallback;
  if (!allowed.includes(v)) throw new UsageError(`${option} must be one of ${allowed.join(', ')} (got '${v}')`);
  return v;
}

function check(args: readonly string[], io: Io): number {
  const { values, positionals } = parse(args, { format: { type: 'string' } });
  if (values.help) return help(io);
  const format = choice(values.format as string | undefined, ['text', 'json', 'sarif'], 'text');
  if (positionals.length === 0) throw new UsageError('check needs at least one file or folder');
  const files = collectFiles(positionals);
  const texts = new Map(files.map((f) => [f, readText(f)]));
  const program = new Analysis(files.map((file) => ({ file, text: texts.get(file) })), diskHost, undefined, { final: true });
  // Results files in the folders named are checked too (R001 to R008), against these contracts.
  const results = readResultsFiles(positionals.filter((p) => !isResultsFile(p)));
  const contracts = checkReport(program, files, relative);
  const report = results.length > 0 ? withResults(contracts, results, ledgerOf(program, results, relative)) : contracts;
  const textOf = (p: string): string | undefined => program.files.get(path.resolve(p))?.text ?? results.find((r) => relative(r.file) === p)?.text;
  if (format === 'json') io.stdout(terminalSafeJson(JSON.stringify(report, null, 2)) + '\n');
  else if (format === 'sarif') io.stdout(terminalSafeJson(formatSarif(report, version(), (p, line) => (textOf(p) ?? '').split(/\r\n|\r|\n/)[line] ?? '')));
  else io.stdout(formatText(report, textOf, io.isTty));
  return countBySeverity(report).error > 0 ? 1 : 0;
}

/** A single file, checked together with the other contracts of its folder. */
function programFor(file: string): { program: Analysis; file: string } {
  const absolute = collectFiles([file])[0];
  const text = readText(absolute);
  const folder = path.dirname(absolute);
  let siblings: string[] = [];
  try {
    siblings = fs.readdirSync(folder).filter((n) => n.endsWith('.partnership')).map((n) => path.join(folder, n)).filter((f) => f !== absolute).sort();
  } catch (error) {
    // A folder that cannot be listed leaves the file to be checked on its own.
    if (!isFileSystemError(error)) throw error;
    siblings = [];
  }
  // Checked once: the analysis keeps nothing for a later one (see `Analysis.final`).
  const program = new Analysis([{ file: absolute, text }, ...siblings.map((f) => ({ file: f }))], diskHost, undefined, { final: true });
  if (!program.files.get(absolute)?.model) throw new UsageError(`${relative(absolute)} declares no partnership`);
  return { program, file: absolute };
}

/**
 * Writes what `produce` hands on, piece by piece, to the file `output` or to standard output.
 * On a terminal, controls in the text are shown as escapes; in a file or a pipe the text is
 * written as it is (JSON is always escaped, losslessly, by its writers).
 */
function write(output: string | undefined, produce: (emit: (chunk: string) => void) => void, io: Io): void {
  if (!output) {
    produce((chunk) => io.stdout(io.isTty ? terminalSafe(chunk).replace(/\\x0D\\x0A|\\x0A/g, '\n') : chunk));
    return;
  }
  const file = new OutputFile(output);
  try {
    produce((chunk) => file.write(chunk));
    file.finish();
  } finally {
    file.close();
  }
  io.stderr(`Wrote ${terminalSafe(output)}\n`);
}

const whole = (content: string) => (emit: (chunk: string) => void): void => emit(content);

function single(positionals: readonly string[], command: string): string {
  if (positionals.length !== 1) throw new UsageError(`${command} takes exactly one file`);
  return positionals[0];
}

function matrix(args: readonly string[], io: Io): number {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    'group-by': { type: 'string' },
    'no-timestamp': { type: 'boolean' },
  });
  if (values.help) return help(io);
  const format = choice(values.format as string | undefined, ['html', 'md', 'csv', 'json'], 'html');
  const grouping = choice(values['group-by'] as string | undefined, ['scope', 'order'], 'scope', '--group-by') as Grouping;
  const { program, file } = programFor(single(positionals, 'matrix'));
  if (format === 'csv') {
    // Row by row: each row is made, written and let go, and the CSV is never one string.
    const streamed = streamMatrix(program, file, grouping)!;
    write(values.output as string | undefined, (emit) => writeCsvOf(streamed.head, streamed.groups, emit), io);
    return 0;
  }
  const model = buildMatrix(program, file)!;
  const options: RenderOptions = {
    grouping,
    provenance: { files: [...program.files.keys()].map(relative).sort(), generatedAt: values['no-timestamp'] ? null : generationTime(), tool: `partnership ${version()}` },
  };
  write(values.output as string | undefined, whole(format === 'html' ? renderHtml(model, options) : format === 'md' ? renderMarkdown(model, options) : terminalSafeJson(JSON.stringify(model, null, 2)) + '\n'), io);
  return 0;
}

/** Now, or SOURCE_DATE_EPOCH (seconds) when a reproducible build sets it. */
function generationTime(): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return new Date();
  if (!/^\d+$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds (got '${epoch}')`);
  return new Date(Number(epoch) * 1000);
}

function exportCommand(args: readonly string[], io: Io): number {
  const { values, positionals } = parse(args, { output: { type: 'string', short: 'o' } });
  if (values.help) return help(io);
  const { program, file } = programFor(single(positionals, 'export'));
  write(values.output as string | undefined, whole(terminalSafeJson(JSON.stringify(exportModel(program, file, relative), null, 2)) + '\n'), io);
  return 0;
}

function ledgerCommand(command: 'status' | 'calendar', args: readonly string[], io: Io): number {
  const { values, positionals } = parse(args, { format: { type: 'string' }, on: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, output: { type: 'string', short: 'o' } });
  if (values.help) return help(io);
  if (positionals.length === 0) throw new UsageError(`${command} needs at least one file or folder`);
  if (command === 'status' && (values.from !== undefined || values.to !== undefined)) throw new UsageError('status takes --on, not --from or --to');
  if (command === 'calendar' && values.on !== undefined) throw new UsageError('calendar takes --from and --to, not --on');
  // With --output, what the command prints goes to the file as it is made; diagnostics still go to standard error.
  const output = values.output as string | undefined;
  const file = output === undefined ? null : new OutputFile(output);
  const target: LedgerIo = file === null ? io : { ...io, stdout: (text) => file.write(text), stdoutBytes: (bytes) => {
    file.write(bytes);
    return true; // written at once
  } };
  try {
    const code = command === 'status'
      ? statusCommand(values, positionals, choice(values.format as string | undefined, ['text', 'json', 'html', 'md'], 'text'), target)
      : calendarCommand(values, positionals, choice(values.format as string | undefined, ['ics', 'csv', 'json'], 'ics'), `partnership ${version()}`, target);
    if (file !== null) {
      file.finish();
      io.stderr(`Wrote ${terminalSafe(file.path)}\n`);
    }
    return code;
  } finally {
    file?.close();
  }
}

function help(io: Io): number {
  io.stdout(HELP);
  return 0;
}
