/**
 * Whether the machine's cores are whole cores to a computation that needs nothing from V8's
 * helpers: one worker thread, then `threads` at once, each running the same kernel. Two kinds,
 * as a run is both: arithmetic in registers (no allocation at all), and dependent random reads
 * over a 64 MB array (every read a cache miss, the memory bus shared). A speed-up near `threads`
 * says the cores are whole, so a simulation that gains less loses it to its own work (V8's
 * compiler and collector per isolate), not to the machine. Used by bench:halves.
 */
import { Worker } from 'node:worker_threads';

export type Kernel = 'arithmetic' | 'memory';

/** The kernels as a worker's source: they must not close over anything (eval'd in the worker). */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { kernel, steps } = workerData;
let table;
if (kernel === 'memory') {
  // A random cycle over 16M slots (Sattolo's shuffle), so each read depends on the one before.
  const n = 1 << 24;
  table = new Int32Array(n);
  for (let i = 0; i < n; i += 1) table[i] = i;
  let seed = 12345;
  for (let i = n - 1; i > 0; i -= 1) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const j = seed % i;
    const t = table[i]; table[i] = table[j]; table[j] = t;
  }
}
parentPort.postMessage('ready');
parentPort.once('message', () => {
  const began = performance.now();
  let x = 0;
  if (kernel === 'memory') { for (let i = 0; i < steps; i += 1) x = table[x]; }
  else { x = 0x9e3779b9 | 0; for (let i = 0; i < steps; i += 1) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; x = (x + i) | 0; } }
  parentPort.postMessage({ ms: performance.now() - began, x });
});
`;

const STEPS: Record<Kernel, number> = { arithmetic: 6e8, memory: 2e7 };

/** Wall milliseconds for `threads` workers running the kernel at once, timed from a common start. */
async function timed(kernel: Kernel, threads: number): Promise<number> {
  const workers = Array.from({ length: threads }, () => new Worker(WORKER, { eval: true, workerData: { kernel, steps: STEPS[kernel] } }));
  try {
    await Promise.all(workers.map((w) => new Promise((ready) => w.once('message', ready))));
    const began = performance.now();
    await Promise.all(workers.map((w) => {
      const done = new Promise((answer) => w.once('message', answer));
      w.postMessage('go');
      return done;
    }));
    return performance.now() - began;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** How many times the work of one thread `threads` threads do in the same wall time, for each kernel. */
export async function coreYardstick(threads: number): Promise<Record<Kernel, number>> {
  const speedUp = async (kernel: Kernel) => {
    const one = await timed(kernel, 1);
    const many = await timed(kernel, threads);
    return Number(((threads * one) / many).toFixed(2));
  };
  return { arithmetic: await speedUp('arithmetic'), memory: await speedUp('memory') };
}
