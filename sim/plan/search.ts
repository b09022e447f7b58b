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
 * Where the search stands: below `low` nothing met (or the range begins), and `high` is the
 * capacity to try (doubling) or known to meet (bisecting); `done` once they are adjacent, `none`
 * when `max` did not meet.
 */
type Search =
  | { phase: 'doubling' | 'bisecting'; low: number; high: number }
  | { phase: 'done'; high: number }
  | { phase: 'none' };

/** The capacity a search tries next. */
const pointOf = (s: Search): number | null =>
  s.phase === 'doubling' ? s.high : s.phase === 'bisecting' ? Math.floor((s.low + s.high) / 2) : null;

const bisect = (low: number, high: number): Search => (high - low > 1 ? { phase: 'bisecting', low, high } : { phase: 'done', high });

/** The search after its capacity was tried: met or not. */
function advance(s: Search, met: boolean, max: number): Search {
  if (s.phase === 'doubling') {
    if (met) return bisect(s.low, s.high);
    return s.high >= max ? { phase: 'none' } : { phase: 'doubling', low: s.high, high: Math.min(max, s.high * 2) };
  }
  if (s.phase !== 'bisecting') return s;
  const mid = pointOf(s)!;
  return met ? bisect(s.low, mid) : bisect(mid, s.high);
}

/** The capacities the search may try after the current one, whichever way it turns out: one step on, then two. */
function upcoming(s: Search, max: number): number[][] {
  const levels: number[][] = [];
  let level = [s];
  for (let step = 0; step < 2; step += 1) {
    level = level.flatMap((t) => [advance(t, true, max), advance(t, false, max)]);
    levels.push([...new Set(level.map(pointOf).filter((point) => point !== null))]);
  }
  return levels;
}

/**
 * Finds the smallest capacity that meets a target in at least `share` of replications: a
 * doubling search for an upper bound, then bisection, assuming more capacity never hurts.
 * `run(capacity, replication)` gives a run's report and `judge` says whether it met the target
 * (and the metric's value in it, null when it holds none); a capacity's replications are asked
 * for all at once, so `run` may spread them over workers. Before each capacity is tried,
 * `ahead` hears the capacities the search may try after it (one step on, then two), so
 * idle workers can start them; what `run` gives is all the search reads, so the result is the
 * same either way.
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
  ahead?: (levels: number[][]) => void;
}): Promise<PlanResult> {
  const share = options.share ?? 0.95;
  const max = options.max ?? 10_000;
  const min = options.min ?? 1;
  const curve: CurvePoint[] = [];
  const meets = async (capacity: number): Promise<boolean> => {
    // The replications may run at once (a RunPool); their results are read in replication order.
    const reports = await Promise.all(Array.from({ length: options.replications }, (_, i) => options.run(capacity, i)));
    let met = 0;
    let sum = 0;
    for (const report of reports) {
      const { passed, actual } = options.judge(report);
      if (passed) met += 1;
      sum += actual ?? Number.NaN;
    }
    const point = { capacity, metric: sum / options.replications, met, replications: options.replications };
    curve.push(point);
    options.onPoint?.(point);
    return point.met >= share * point.replications;
  };
  // Doubling from `min` (below it, known not to meet): each capacity is tried once.
  let search: Search = { phase: 'doubling', low: min - 1, high: min };
  for (let point = pointOf(search); point !== null; point = pointOf(search)) {
    options.ahead?.(upcoming(search, max));
    search = advance(search, await meets(point), max);
  }
  const sorted = curve.sort((a, b) => a.capacity - b.capacity);
  return { target: options.target, capacity: search.phase === 'done' ? search.high : null, share, curve: sorted };
}
