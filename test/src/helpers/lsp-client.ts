// A language client for tests: starts the real server process over stdio and speaks LSP to
// it, as an editor other than VS Code would. Waits are for messages, never for fixed times.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { repoRoot } from './paths';

export class LspClient {
  readonly connection: ProtocolConnection;
  private readonly process: ChildProcess;
  /** The latest diagnostics published for each URI. */
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Every publication, in order. */
  readonly history: PublishDiagnosticsParams[] = [];
  private waiters: { test: () => boolean; resolve: () => void }[] = [];
  readonly stderr: string[] = [];

  /**
   * `asExecutable` runs the server file itself, as `npx partnership-language-server` does, so
   * that its first line chooses the engine; otherwise `node` runs it. `env` replaces the
   * environment; `server` is another file that starts the server (the bundle VS Code starts).
   */
  constructor(args: readonly string[] = ['--stdio'], { asExecutable = false, env = process.env, server = path.join(repoRoot, 'bin', 'partnership-language-server.js') } = {}) {
    const options = { stdio: 'pipe', env } as const;
    this.process = asExecutable ? spawn(server, args, options) : spawn(process.execPath, [server, ...args], options);
    this.process.stderr!.on('data', (d: Buffer) => this.stderr.push(d.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      this.history.push(p);
      this.check();
    });
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/configuration', () => []);
    this.connection.listen();
  }

  private check(): void {
    this.waiters = this.waiters.filter((w) => (w.test() ? (w.resolve(), false) : true));
  }

  /** Resolves when `test` holds, checking on every published diagnostic; fails after `ms`. */
  until(test: () => boolean, what: string, ms = 15000): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
      this.waiters.push({ test, resolve: () => { clearTimeout(timer); resolve(); } });
    });
  }

  async initialize(folder: string): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri(folder),
      workspaceFolders: [{ uri: uri(folder), name: path.basename(folder) }],
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(file: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(file), languageId: 'partnership', version, text } });
  }

  change(file: string, text: string, version: number): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(file), version }, contentChanges: [{ text }] });
  }

  codes(file: string): string[] {
    return (this.diagnostics.get(uri(file))?.diagnostics ?? []).map((d) => `${d.range.start.line + 1} ${d.code}`);
  }

  /** The server's process id. */
  get pid(): number {
    return this.process.pid!;
  }

  get exited(): boolean {
    return this.process.exitCode !== null || this.process.signalCode !== null;
  }

  /** Asks the server to shut down and exit, as an editor does, and waits until it has. */
  async shutDown(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.exited) resolve(this.process.exitCode);
      else this.process.once('exit', (code) => resolve(code));
    });
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await exited;
    this.connection.dispose();
    return code;
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    this.process.kill();
  }
}

export function uri(file: string): string {
  return pathToFileURL(file).toString();
}

/** The LSP position of the `offset`-th character of the first `needle` in `text`. */
export function positionIn(text: string, needle: string, offset = 0): { line: number; character: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, at + offset);
  return { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 };
}
