// Runs the real command line as a separate process, as CI and people do.
import { spawnSync } from 'node:child_process';
import { cliPath, repoRoot } from './paths';

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function run(args: readonly string[], cwd = repoRoot): Run {
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
