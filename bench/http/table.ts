/** The tables `npm run bench:http` prints: figures side by side, and each ratio against its target. */
import type { CannonResult } from './cannon';
import { ALL, type LoopResult } from './closed-loop';
import type { OpenResult } from './open-loop';

export interface Ceiling {
  httpClient: LoopResult;
  autocannon: CannonResult;
  /** HttpClient's req/s over autocannon's. */
  ratio: number;
  rounds: { httpClient: number[]; autocannon: number[] };
}

export interface Journeys {
  stub: LoopResult;
  echo: LoopResult;
  /** The stub's req/s over the echo's. */
  ratio: number;
  callsPerJourney: number;
}

export interface Capacity { held: OpenResult | undefined; tried: OpenResult[]; p95LimitMs: number }

const pct = (ratio: number) => `${(ratio * 100).toFixed(0)}%`;
const row = (cells: (string | number)[], widths: number[]) =>
  cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[0]!) : String(c).padStart(widths[i]!))).join(' ');
const failed = (r: LoopResult) => Object.values(r.failures).reduce((sum, n) => sum + n, 0);
const verdict = (ratio: number, target: number) => `${pct(ratio)} (target ≥ ${pct(target)}: ${ratio >= target ? 'met' : 'NOT met'})`;

export function ceilingTable(a: Ceiling, op: string, target: number): string {
  const w = [26, 9, 8, 8, 8, 12];
  const ours = a.httpClient.latency[ALL]!;
  const cpu = (micros: number) => micros.toFixed(1);
  return [
    `(a) load generator ceiling: ${op} calls to a bare node:http server (child process); best of ${a.rounds.httpClient.length} alternating rounds`,
    row(['generator', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'CPU µs/req'], w),
    row(['HttpClient (undici pool)', a.httpClient.requestsPerSecond.toFixed(0), ours.p50, ours.p99, failed(a.httpClient), cpu(a.httpClient.cpuMicrosPerRequest)], w),
    row(['autocannon', a.autocannon.requestsPerSecond.toFixed(0), a.autocannon.p50, a.autocannon.p99, a.autocannon.errors + a.autocannon.non2xx, cpu(a.autocannon.cpuMicrosPerRequest)], w),
    `HttpClient / autocannon: ${verdict(a.ratio, target)}; rounds, req/s: HttpClient ${a.rounds.httpClient.join(', ')}; autocannon ${a.rounds.autocannon.join(', ')}`,
    '',
  ].join('\n');
}

export function journeyTable(b: Journeys, target: number): string {
  const w = [26, 9, 11, 8, 8, 8, 8];
  const line = (name: string, r: LoopResult) => {
    const l = r.latency[ALL]!;
    return row([name, r.requestsPerSecond.toFixed(0), r.jobsPerSecond.toFixed(1), l.p50, l.p95, l.p99, failed(r)], w);
  };
  const slowest = Object.entries(b.stub.latency).filter(([op]) => op !== ALL).sort(([, x], [, y]) => y.p95 - x.p95).slice(0, 4);
  const failures = Object.entries(b.stub.failures).map(([why, n]) => `${why} × ${n}`);
  return [
    `(b) registration journeys (${b.callsPerJourney} calls, getCaptcha … verifyRealName) through HttpClient, closed loop`,
    row(['target', 'req/s', 'journeys/s', 'p50 ms', 'p95 ms', 'p99 ms', 'failed'], w),
    line('stub (serve --memory)', b.stub),
    line('Express 5 echo', b.echo),
    `stub / echo (req/s): ${verdict(b.ratio, target)}`,
    `slowest stub operations, p50/p95 ms: ${slowest.map(([op, l]) => `${op} ${l.p50}/${l.p95}`).join(', ')}`,
    ...(failures.length > 0 ? [`failed stub journeys: ${failures.join(', ')}`] : []),
  ].join('\n');
}

export function capacityTable(c: Capacity): string {
  const w = [26, 9, 9, 8, 8, 8, 8];
  const line = (r: OpenResult) => row([`${r.rate.toFixed(1)} journeys/s`, r.journeys, r.requestsPerSecond.toFixed(0), r.p50, r.p95, r.p99, r.failed], w);
  const held = c.held ? `${c.held.rate.toFixed(1)} journeys/s (${c.held.requestsPerSecond.toFixed(0)} req/s), p95 ${c.held.p95} ms` : 'none of the rates tried';
  return [
    '',
    `(c) open loop, Poisson arrivals of the same journeys: the largest rate with p95 < ${c.p95LimitMs} ms (and ≤ 1% failed)`,
    row(['arrival rate', 'journeys', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'failed'], w),
    ...c.tried.map(line),
    `held: ${held}`,
  ].join('\n');
}
