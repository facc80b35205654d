import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../src/platform/db/embedded.ts';

export { isAlive } from '../src/platform/db/data-dir-lock.ts';

const meridianBin = path.resolve(import.meta.dirname, '../bin/meridian.js');

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `meridian <args>` to completion as its own process (the Node running the tests). */
export async function runMeridian(
  args: string[],
  env: Record<string, string>,
): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [meridianBin, ...args], {
      env: { ...process.env, ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const running = new Set<ChildProcess>();

/** Kills what a failed test left running (each test stops its own servers when it passes). */
export async function killLeftovers(): Promise<void> {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    running.delete(child);
  }
}

export interface MeridianProcess {
  child: ChildProcess;
  url: string;
  /** Every JSON log line so far (none with `LOG_FORMAT=pretty`). */
  logs: Array<Record<string, unknown>>;
  /** Everything it has written so far, stdout and stderr as they came. */
  output(): string;
  exited: Promise<number | null>;
}

/** Starts `meridian serve` and resolves once it says that it is serving. */
export async function startMeridian(env: Record<string, string>): Promise<MeridianProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [meridianBin, 'serve'], {
    env: { ...process.env, LOG_LEVEL: 'info', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Array<Record<string, unknown>> = [];
  let output = '';
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  running.add(child);
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const serving = new Promise<void>((resolve) => {
    let buffered = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('{')) logs.push(JSON.parse(line) as Record<string, unknown>);
        if (line.includes('Meridian is serving')) resolve();
      }
    });
  });
  const outcome = await Promise.race([serving.then(() => 'serving'), exited.then(() => 'exited')]);
  if (outcome === 'exited') throw new Error(`meridian serve exited before serving: ${output}`);
  return { child, url: `http://127.0.0.1:${port}`, logs, output: () => output, exited };
}

/** Polls `GET /healthz` until it answers 200 (or `timeoutMs` passes). */
export async function waitUntilHealthy(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await fetch(new URL('/healthz', url)).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > deadline)
      throw new Error(`${url}/healthz did not answer 200 in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A line of a stack trace (`    at fn (file:line:col)`), the sign of an error treated as a bug. */
export const stackTraceLine = /^\s+at .+:\d+:\d+\)?$/m;
