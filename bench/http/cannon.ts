/** autocannon, the yardstick of the load generator's ceiling, sending the very request HttpClient sends. */
import autocannon from 'autocannon';
import { httpRequest } from '../../sim/clients';
import { ROUTES } from '../../stub-server/http';
import { progress } from '../shared/progress';

/** The call of the ceiling run: a small JSON POST, as most of a journey's calls are. */
export const PROBE = { op: 'requestSmsCode', input: { phone: '13800000000', purpose: 'register', captchaToken: 'probe' } };

export interface CannonResult {
  requestsPerSecond: number;
  averagePerSecondSample: number;
  cpuMicrosPerRequest: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** PROBE's request (httpRequest builds it, as for HttpClient) over `connections` for `duration` seconds. */
export async function cannon(url: string, connections: number, duration: number, label?: string): Promise<CannonResult> {
  const route = ROUTES.find((r) => r.operationId === PROBE.op)!;
  const { path, body } = httpRequest(route, PROBE.input);
  const bar = label ? progress(label, duration) : undefined;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const ticker = setInterval(() => bar?.update((performance.now() - started) / 1000), 250);
  const r = await autocannon({ url, connections, duration, requests: [{ method: 'POST', path, headers: { 'content-type': 'application/json' }, body }] });
  const { user, system } = process.cpuUsage(cpu);
  clearInterval(ticker);
  bar?.stop();
  // Completed requests over the run's duration, counted as the closed loop counts them.
  return {
    requestsPerSecond: r.requests.total / r.duration, averagePerSecondSample: r.requests.average, cpuMicrosPerRequest: (user + system) / r.requests.total,
    p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx,
  };
}
