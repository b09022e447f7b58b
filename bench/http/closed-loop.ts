/**
 * A closed loop: N workers, each starting its next job (one call, or a whole journey) as soon
 * as the last one ends, for a fixed time. Every call goes through a timing client, so
 * requests and latency are counted the same way whatever the job.
 */
import type { CallOptions, PortalAnswer, PortalClient } from '../../sim/clients';
import type { MaybePromise } from '../../stub-server/portal';
import { LatencyRecorder, type LatencySummary } from '../../sim/metrics/latency';
import { progress } from '../shared/progress';

/** Latency of all calls together, beside each operation's. */
export const ALL = '(all)';

/**
 * One job; `n` counts jobs from 0 across workers. Answers why it went wrong, or nothing.
 * A job still running when time is up finishes, but neither it nor its calls count.
 */
export type Job = (client: PortalClient, n: number) => Promise<string | undefined>;

export interface LoopResult {
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  jobs: number;
  jobsPerSecond: number;
  /** This process's CPU time (user + system) per request: the generator's cost, steadier than req/s on a shared machine. */
  cpuMicrosPerRequest: number;
  /** Jobs that went wrong, by why. */
  failures: Record<string, number>;
  latency: Record<string, LatencySummary>;
}

/** Times and counts each call answered before the deadline; the caller measures, not HttpClient. */
export class TimingClient implements PortalClient {
  readonly latency = new LatencyRecorder();
  requests = 0;

  constructor(private readonly inner: PortalClient, private readonly deadline: number) {}

  call(op: string, input?: unknown, options?: CallOptions): Promise<PortalAnswer> {
    return this.timed(op, () => this.inner.call(op, input, options));
  }

  admin(op: string, input?: unknown): Promise<PortalAnswer> {
    return this.timed(op, () => this.inner.admin(op, input));
  }

  private async timed(op: string, send: () => MaybePromise<PortalAnswer>): Promise<PortalAnswer> {
    const start = performance.now();
    const answer = await send();
    const end = performance.now();
    if (end <= this.deadline) {
      this.latency.record(op, end - start);
      this.latency.record(ALL, end - start);
      this.requests += 1;
    }
    return answer;
  }
}

export async function closedLoop(label: string, client: PortalClient, options: { workers: number; seconds: number }, job: Job): Promise<LoopResult> {
  const bar = progress(label, options.seconds);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const timing = new TimingClient(client, deadline);
  const ticker = setInterval(() => bar.update((performance.now() - started) / 1000, timing.requests), 250);
  // CPU up to the deadline, like the requests: jobs finishing after it do not count.
  let used: NodeJS.CpuUsage | undefined;
  const sampler = setTimeout(() => { used = process.cpuUsage(cpu); }, options.seconds * 1000);
  const failures: Record<string, number> = {};
  let next = 0;
  let jobs = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const why = await job(timing, next++);
      if (performance.now() > deadline) return;
      jobs += 1;
      if (why !== undefined) failures[why] = (failures[why] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: options.workers }, worker));
  clearTimeout(sampler);
  used ??= process.cpuUsage(cpu);
  clearInterval(ticker);
  bar.stop();
  const seconds = options.seconds;
  return {
    seconds, requests: timing.requests, requestsPerSecond: timing.requests / seconds,
    jobs, jobsPerSecond: jobs / seconds, cpuMicrosPerRequest: (used.user + used.system) / timing.requests, failures, latency: timing.latency.summary(),
  };
}
