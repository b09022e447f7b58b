/**
 * Pins processes to cores, so a load generator and the server it measures do not take turns on
 * the same core of a small machine: the generator on core 0, servers on core 1. Uses taskset
 * (util-linux) on Linux with two or more cores; elsewhere it does nothing and says so.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

export const GENERATOR_CORE = 0;
export const SERVER_CORE = 1;

/** Pins every thread of `pid` to `core`; false when it cannot (one core, no taskset). */
export function pin(pid: number, core: number): boolean {
  if (availableParallelism() < 2 || process.platform !== 'linux') return false;
  try {
    execFileSync('taskset', ['-a', '-p', '-c', String(core), String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
