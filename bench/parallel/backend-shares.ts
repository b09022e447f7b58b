/**
 * Would shards that each hold a share of a backend's hourly throughput (the SMS gateway, the
 * registry: `HourlyThroughput`) ever need to ask the coordinator? The same escrow as server
 * budgets (server-budgets.ts): shard s may make `perHour / shards` uses in a clock hour (the
 * remainder to the first shards); while its own uses stay within that, the backend as a whole
 * cannot be full, so a use goes through as in the single-thread run. A use that finds its shard's
 * share spent must ask. Applicants are dealt to shards by index, as a sharded run would hold them.
 */
import { dealOut } from '../shared/deal';

/** A use of a backend: whose, and when (virtual ms). */
export interface BackendUse { applicant: number; at: number }

const HOUR_MS = 3_600_000;

/** Uses that found their shard's share of the hour spent: each an exchange. */
export function backendShareAsks(uses: readonly BackendUse[], perHour: number, shards: number): number {
  const shares = dealOut(perHour, shards);
  const used = new Map<string, number>();
  let asks = 0;
  for (const { applicant, at } of uses) {
    const shard = applicant % shards;
    const key = `${shard}|${Math.floor(at / HOUR_MS)}`;
    const n = (used.get(key) ?? 0) + 1;
    used.set(key, n);
    if (n > shares[shard]!) asks += 1;
  }
  return asks;
}
