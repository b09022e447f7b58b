import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Full collections of this thread's heap, for the coordinator to run while the shards compute a
 * window. The coordinator's heap is mostly garbage (tens of MB stay of the hundreds it makes a
 * window), and a heap that nothing allocates in is never collected: in the main thread, whose
 * limit is the run's whole budget, V8 let it reach 2.8 GB in the 3M season (docs/scaling-history.md).
 * Node gives no collection on demand without `--expose-gc`; set here, the flag makes `gc` for a
 * new context, and only the coordinator calls it.
 *
 * Only past `overBytes` in use, so a small run pays nothing; and only once `grownBytes` more are
 * in use than the last collection left, so a thread whose heap holds much besides the run (a
 * test process, a program that embeds the simulator) does not collect all of it at every window
 * for a little garbage: beside 0.5 GB of other data, that made a run of 300 applicants on two
 * shards 13 times as slow.
 */
export class WaitingCollector {
  /** In use after the last collection. */
  private left = 0;

  constructor(private readonly overBytes: number, private readonly grownBytes: number) {}

  /** Collects if the heap is past both bounds; says whether it did. */
  collect(): boolean {
    const used = getHeapStatistics().used_heap_size;
    if (used <= this.overBytes || used <= this.left + this.grownBytes) return false;
    gc ??= exposedGc();
    gc();
    this.left = getHeapStatistics().used_heap_size;
    return true;
  }
}

let gc: (() => void) | undefined;

function exposedGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
