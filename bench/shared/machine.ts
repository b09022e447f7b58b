import { cpus, totalmem } from 'node:os';

/** The machine a benchmark ran on, first in its output: figures mean little without it. */
export function machine(): string {
  return `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}
