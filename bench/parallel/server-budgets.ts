/**
 * Would shards that each hold a share of the application servers ever need to ask the
 * coordinator before starting a call? (docs/parallel-runs.md, "Server budgets".)
 *
 * The escrow idea: shard s holds a budget b_s of the c servers (the budgets add up to c). While
 * fewer than b_s of its own calls are in service, the pool as a whole cannot be full, so a call
 * starts at once, exactly as in the single-thread run, and nothing needs exchanging. Only a call
 * that would take its shard past its budget must ask the coordinator, who alone knows whether
 * the whole pool is full at that moment. This counts those asks from a run's served calls, with
 * the applicants dealt to shards by index (round robin), as a sharded run would hold them.
 */
import { dealOut } from '../shared/deal';

/** A call that took a server: whose, and when its service began and ended (virtual ms). */
export interface ServedCall { applicant: number; start: number; end: number }

export interface BudgetCount {
  shards: number;
  /** Each shard's share of the servers. */
  budgets: number[];
  /** Calls that found their shard's own calls filling its budget: each an exchange. */
  asks: number;
  /** The most calls in service at once, in the whole pool and in each shard. */
  peakInService: number;
  peakPerShard: number[];
}


export function serverBudgetAsks(calls: readonly ServedCall[], servers: number, shards: number): BudgetCount {
  // Dealt as evenly as whole servers allow.
  const budgets = dealOut(servers, shards);
  // A server freed at t may serve a call arriving at t (ApplicationServers.admit), so at equal
  // times ends come before starts.
  const edges: [at: number, delta: number, shard: number][] = [];
  for (const { applicant, start, end } of calls) {
    const shard = applicant % shards;
    edges.push([start, 1, shard], [end, -1, shard]);
  }
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const inService = new Array<number>(shards).fill(0);
  const peakPerShard = new Array<number>(shards).fill(0);
  let total = 0;
  let peakInService = 0;
  let asks = 0;
  for (const [, delta, shard] of edges) {
    inService[shard]! += delta;
    total += delta;
    if (delta > 0) {
      if (inService[shard]! > budgets[shard]!) asks += 1;
      peakPerShard[shard] = Math.max(peakPerShard[shard]!, inService[shard]!);
      peakInService = Math.max(peakInService, total);
    }
  }
  return { shards, budgets, asks, peakInService, peakPerShard };
}
