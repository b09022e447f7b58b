import { PerformanceObserver } from 'node:perf_hooks';

/**
 * Adds up the garbage collector's pauses of this thread from now on (Node's `gc` performance
 * entries): what a run spent collecting, for run.json. `stop` ends the count and returns it.
 */
export function countGcPauses(): { stop: () => Promise<{ seconds: number; pauses: number }> } {
  let ms = 0;
  let pauses = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) { ms += entry.duration; pauses += 1; }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop: async () => {
      // Node hands over gc entries on a later turn of the event loop: let the run's last ones in.
      await new Promise((resolve) => setTimeout(resolve, 10));
      for (const entry of observer.takeRecords()) { ms += entry.duration; pauses += 1; }
      observer.disconnect();
      return { seconds: Number((ms / 1000).toFixed(2)), pauses };
    },
  };
}
