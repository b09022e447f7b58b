/**
 * `jszg-sim serve` in a child process, as an operator runs it: for load runs that start their
 * own stub, and for tests and scripts that kill the server (SIGKILL) and restart it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** The project root, where `cli/main.ts` is. */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface StubProcess {
  url: string;
  child: ChildProcess;
  /** SIGKILL (kill -9), resolved once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (a clean stop that compacts the store), resolved once the process is gone. */
  stop(): Promise<void>;
  /** The last 10 kB the server wrote to stderr (why it died, if it did). */
  stderr(): string;
}

/**
 * Starts `jszg-sim serve --port 0 --admin-token TOKEN …args` and resolves once it listens.
 * Rejects with the server's stderr when it exits first (a file that does not load, a bad option).
 */
export async function spawnStub(args: string[], adminToken: string): Promise<StubProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'serve', '--port', '0', '--admin-token', adminToken, ...args], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { stderr = (stderr + chunk).slice(-10_000); });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`jszg-sim serve exited (${code ?? signal}) before listening:\n${stderr}`)));
    // Keeps reading stdout for the server's whole life, so its pipe never fills.
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /listening on (\S+)/.exec(line);
      if (match) resolve(match[1]!);
    });
  });
  const end = (signal: NodeJS.Signals) => async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { url, child, kill: end('SIGKILL'), stop: end('SIGTERM'), stderr: () => stderr };
}
