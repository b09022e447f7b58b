/**
 * An open loop: journeys start at Poisson times at a fixed rate for a fixed time, whatever
 * the server's latency (a closed loop would slow down with the server and hide its overload),
 * and `highestRate` searches the largest rate the server holds with p95 under a limit.
 */
import type { PortalClient } from '../../sim/clients';
import { Rng, sample } from '../../sim/random';
import { progress } from '../shared/progress';
import { ALL, TimingClient, type Job } from './closed-loop';

export interface OpenResult {
  /** Journeys started a second. */
  rate: number;
  journeys: number;
  failed: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Runs journeys arriving at `rate` a second for `seconds`, then waits for the last to end; every call counts. */
export async function openLoop(client: PortalClient, options: { rate: number; seconds: number; rng: Rng; first: number }, job: Job): Promise<OpenResult> {
  const bar = progress(`(c) ${options.rate.toFixed(1)} journeys/s`, options.seconds);
  const timing = new TimingClient(client, Number.POSITIVE_INFINITY);
  const started = performance.now();
  const running: Promise<void>[] = [];
  let failed = 0;
  let at = 0;
  for (let n = options.first; ; n += 1) {
    at += sample({ kind: 'exponential', mean: 1000 / options.rate }, options.rng);
    if (at > options.seconds * 1000) break;
    const wait = started + at - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    bar.update((performance.now() - started) / 1000, timing.requests);
    running.push(job(timing, n).then((why) => { if (why !== undefined) failed += 1; }, () => { failed += 1; }));
  }
  await Promise.all(running);
  bar.stop();
  const all = timing.latency.summary()[ALL] ?? { p50: 0, p95: 0, p99: 0 };
  const elapsed = (performance.now() - started) / 1000;
  return { rate: options.rate, journeys: running.length, failed, requestsPerSecond: timing.requests / elapsed, p50: all.p50, p95: all.p95, p99: all.p99 };
}

/**
 * Doubles the rate from `from` until p95 passes `p95LimitMs` (or more than 1% of journeys fail),
 * then bisects between the last rate held and the first not held, `bisections` times.
 */
export async function highestRate(run: (rate: number) => Promise<OpenResult>, options: { from: number; p95LimitMs: number; bisections: number }): Promise<{ held: OpenResult | undefined; tried: OpenResult[] }> {
  const tried: OpenResult[] = [];
  const holds = (r: OpenResult) => r.p95 < options.p95LimitMs && r.failed <= 0.01 * r.journeys;
  let held: OpenResult | undefined;
  let broke: number | undefined;
  for (let rate = options.from; broke === undefined; rate *= 2) {
    const r = await run(rate);
    tried.push(r);
    if (holds(r)) held = r;
    else broke = rate;
  }
  let low = held?.rate ?? 0;
  let high = broke;
  for (let i = 0; i < options.bisections; i += 1) {
    const rate = (low + high) / 2;
    const r = await run(rate);
    tried.push(r);
    if (holds(r)) { held = r; low = rate; } else high = rate;
  }
  return { held, tried };
}
