import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full collection of this thread's heap, for the coordinator to run while the shards compute a
 * window. The coordinator's heap is mostly garbage (tens of MB stay of the hundreds it makes a
 * window), and a heap that nothing allocates in is never collected: in the main thread, whose
 * limit is the run's whole budget, V8 let it reach 2.8 GB in the 3M season (docs/scaling.md).
 * Node gives no collection on demand without `--expose-gc`; set here, the flag makes `gc` for a
 * new context, and only the coordinator calls it. Only past `overBytes` in use: a small run pays
 * nothing.
 */
export function collectWhileWaiting(overBytes: number): boolean {
  if (getHeapStatistics().used_heap_size <= overBytes) return false;
  gc ??= exposedGc();
  gc();
  return true;
}

let gc: (() => void) | undefined;

function exposedGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
