/** One capacity tried: how often the target held over the replications, and the metric's mean. */
export interface CurvePoint { capacity: number; metric: number; met: number; replications: number }

export interface PlanResult {
  /** The target as the planner wrote it. */
  target: string;
  /** The smallest capacity meeting the target in ≥ `share` of replications, or null if none up to `max`. */
  capacity: number | null;
  share: number;
  /** Every capacity tried, in capacity order: the curve of metric against capacity. */
  curve: CurvePoint[];
}

/**
 * Finds the smallest capacity that meets a target in at least `share` of replications: a
 * doubling search for an upper bound, then bisection, assuming more capacity never hurts.
 * `run(capacity, replication)` gives a run's report and `judge` says whether it met the target
 * (and the metric's value in it, null when it holds none); a capacity's replications are asked
 * for all at once, so `run` may spread them over workers.
 */
export async function planCapacity<R>(options: {
  target: string;
  judge: (report: R) => { passed: boolean; actual: number | null };
  run: (capacity: number, replication: number) => Promise<R>;
  replications: number;
  share?: number;
  min?: number;
  max?: number;
  onPoint?: (point: CurvePoint) => void;
}): Promise<PlanResult> {
  const share = options.share ?? 0.95;
  const max = options.max ?? 10_000;
  const tried = new Map<number, CurvePoint>();
  const meets = async (capacity: number): Promise<boolean> => {
    let point = tried.get(capacity);
    if (!point) {
      // The replications may run at once (a RunPool); their results are read in replication order.
      const reports = await Promise.all(Array.from({ length: options.replications }, (_, i) => options.run(capacity, i)));
      let met = 0;
      let sum = 0;
      for (const report of reports) {
        const { passed, actual } = options.judge(report);
        if (passed) met += 1;
        sum += actual ?? Number.NaN;
      }
      point = { capacity, metric: sum / options.replications, met, replications: options.replications };
      tried.set(capacity, point);
      options.onPoint?.(point);
    }
    return point.met >= share * point.replications;
  };
  let low = (options.min ?? 1) - 1; // known not to meet (or below the range)
  let high = options.min ?? 1;
  while (!(await meets(high))) {
    low = high;
    if (high >= max) return { target: options.target, capacity: null, share, curve: sorted(tried) };
    high = Math.min(max, high * 2);
  }
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (await meets(mid)) high = mid;
    else low = mid;
  }
  return { target: options.target, capacity: high, share, curve: sorted(tried) };
}

const sorted = (tried: Map<number, CurvePoint>) => [...tried.values()].sort((a, b) => a.capacity - b.capacity);
