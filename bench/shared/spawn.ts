/** A benchmark server in its own process (pinned to `core` if given: bench/shared/cores.ts), ready once it prints `READY <url>`. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { pin } from './cores';

export interface Target { url: string; child: ChildProcess; stop(): Promise<void> }

/** Runs `node --import tsx script ...args`; rejects if it exits before it is ready. */
export function spawnReady(script: string, args: string[] = [], core?: number): Promise<Target> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  killOnExit(child);
  if (core !== undefined && child.pid !== undefined) pin(child.pid, core);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const early = (code: number | null) => reject(new Error(`${script} ${args.join(' ')} exited (${code}) before it was ready`));
    child.once('exit', early);
    // Reads stdout for the child's whole life, so its pipe never fills.
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('READY ')) return;
      child.off('exit', early);
      resolve({ url: line.slice(6), child, stop });
    });
  });
}

/** Kills the child when this process ends, however it ends (a crash too): no server outlives its benchmark. */
export function killOnExit(child: ChildProcess): void {
  process.once('exit', () => child.kill('SIGKILL'));
}
