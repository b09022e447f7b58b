import { describe, expect, it } from 'vitest';
import { RandomStreams, sample } from '../../random';
import { ApplicationServers, type ServersConfig } from '..';

const pool = (config: Partial<ServersConfig>, seed: string) => {
  const rng = new RandomStreams(seed).stream('portal');
  return new ApplicationServers({ servers: 1, serviceMs: { default: 1_000 }, timeoutMs: 60_000, ...config }, (d, stream) => sample(d, stream ?? rng));
};

describe('application servers', () => {
  it('refuse at the door once the backlog is full (503: no server taken), and serve again when it drains', () => {
    const servers = pool({ servers: 1, backlog: 2, refusedMs: 5, serviceMs: { default: 10_000 } }, 'door');
    const at = [0, 1, 2, 3].map((t) => servers.admit('login', t));
    expect(at.map((a) => a.status)).toEqual(['served', 'served', 'served', 'busy']);
    expect(at[3]!.latencyMs).toBe(5);
    expect(servers.stats).toMatchObject({ requests: 4, busy: 1 });
    // Long after, the queue has drained: a request is served at once.
    const later = servers.admit('login', 10_000_000);
    expect(later.status).toBe('served');
  });

  it('answer at the gateway limit (504) when the wait passes it; the request still takes its server', () => {
    const servers = pool({ servers: 1, timeoutMs: 30_000, serviceMs: { default: 60_000 } }, 'gateway');
    const first = servers.admit('submitRegistration', 0);
    const second = servers.admit('submitRegistration', 0);
    expect(second).toEqual({ status: 'timeout', latencyMs: 30_000 });
    // The server time of both is busy time, though the second's answer was a timeout.
    expect(servers.stats.busyMs).toBeGreaterThan(first.status === 'served' ? first.latencyMs : 0);
    expect(servers.stats.timeouts).toBe(first.status === 'timeout' ? 2 : 1);
  });

  it('split busy and waiting time over the hours they span: utilisation and mean queue per hour', () => {
    const servers = pool({ servers: 2, serviceMs: { default: 20 * 60_000 } }, 'hours');
    const hour = 3_600_000;
    // Requests every 5 minutes through the hour, 20 minutes each on average: some wait, some run past the hour.
    for (let t = 0; t < 12; t += 1) servers.admit('login', hour + t * 5 * 60_000);
    const hours = [1, 2, 3, 4, 5, 6].map((h) => servers.hour(h * hour));
    const sum = (f: (h: { utilisation: number; queueLength: number }) => number) => hours.reduce((s, h) => s + f(h), 0);
    expect(hours[0]!.utilisation).toBeGreaterThan(0);
    expect(hours[0]!.utilisation).toBeLessThanOrEqual(1);
    // Every busy and waiting millisecond is in some hour (to the figures' four decimals).
    expect(sum((h) => h.utilisation) * 2 * hour).toBeCloseTo(servers.stats.busyMs, -4);
    expect(sum((h) => h.queueLength) * hour).toBeCloseTo(servers.stats.waitMs, -4);
    // An hour is read once.
    expect(servers.hour(hour)).toEqual({ utilisation: 0, queueLength: 0 });
  });
});

/**
 * M/M/c/K against its formula (Gross & Harris, §2.5), computed here independently of the pool:
 * with a = λ/μ, p_n = p_0 a^n / n! for n < c and p_0 a^n / (c! c^(n-c)) for c ≤ n ≤ K; an arrival
 * is blocked with probability p_K, an admitted one waits with probability (p_c + … + p_(K-1)) / (1 - p_K),
 * and the admitted wait in queue W_q = L_q / (λ (1 - p_K)).
 */
function mmck(lambda: number, mu: number, c: number, K: number) {
  const a = lambda / mu;
  let factorial = 1;
  const weights: number[] = [];
  for (let n = 0; n <= K; n += 1) {
    if (n > 0 && n <= c) factorial *= n;
    weights.push(n < c ? a ** n / factorial : a ** n / (factorial * c ** (n - c)));
  }
  const total = weights.reduce((s, w) => s + w, 0);
  const p = weights.map((w) => w / total);
  const lq = p.reduce((s, pn, n) => s + Math.max(0, n - c) * pn, 0);
  const waits = p.slice(c, K).reduce((s, pn) => s + pn, 0) / (1 - p[K]!);
  return { blocking: p[K]!, pWait: waits, wqMs: lq / (lambda * (1 - p[K]!)) };
}

describe('the pool is M/M/c/K under Poisson arrivals', () => {
  it('blocks as often, and admitted requests wait as often and as long, as the formula says: within 95% intervals over replications', () => {
    const c = 3;
    const backlog = 4;
    const meanServiceMs = 100;
    const lambdaPerMs = 0.9 * (c / meanServiceMs); // offered load ρ = 0.9
    const theory = mmck(lambdaPerMs, 1 / meanServiceMs, c, c + backlog);
    const replications = 30;
    const t975 = 2.045; // Student's t, 29 degrees of freedom
    const blocked: number[] = [];
    const waits: number[] = [];
    const waited: number[] = [];
    for (let r = 0; r < replications; r += 1) {
      const arrivals = new RandomStreams(`mmck-${r}`).stream('arrivals');
      const servers = pool({ servers: c, backlog, serviceMs: { default: meanServiceMs }, timeoutMs: Number.MAX_SAFE_INTEGER }, `mmck-${r}`);
      let now = 0;
      let refused = 0;
      const n = 20_000;
      for (let i = 0; i < n; i += 1) {
        now += sample({ kind: 'exponential', mean: 1 / lambdaPerMs }, arrivals);
        const admitted = servers.admit('op', now);
        if (admitted.status === 'busy') refused += 1;
      }
      blocked.push(refused / n);
      waits.push(servers.stats.waitMs / (n - refused));
      waited.push(servers.stats.waited / (n - refused));
    }
    const interval = (xs: number[]) => {
      const m = xs.reduce((s, x) => s + x, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
      return [m - (t975 * sd) / Math.sqrt(xs.length), m + (t975 * sd) / Math.sqrt(xs.length)] as const;
    };
    const [bLow, bHigh] = interval(blocked);
    expect(theory.blocking).toBeGreaterThan(bLow);
    expect(theory.blocking).toBeLessThan(bHigh);
    const [pLow, pHigh] = interval(waited);
    expect(theory.pWait).toBeGreaterThan(pLow);
    expect(theory.pWait).toBeLessThan(pHigh);
    const [wLow, wHigh] = interval(waits);
    expect(theory.wqMs).toBeGreaterThan(wLow);
    expect(theory.wqMs).toBeLessThan(wHigh);
  });
});

describe('Little\'s law on the servers\' hourly figures', () => {
  it('L = λW over hours that begin and end with requests in the system: within the 95% interval over replications', () => {
    const HOUR = 3_600_000;
    const c = 3;
    const meanServiceMs = 10_000;
    const lambdaPerMs = 0.85 * (c / meanServiceMs);
    const first = 2, last = 22; // the window: hours [2, 22); arrivals run from 0 to 23
    const gaps: number[] = [];
    let busyAtEnds = 0;
    for (let r = 0; r < 20; r += 1) {
      const arrivals = new RandomStreams(`little-${r}`).stream('arrivals');
      const servers = pool({ servers: c, serviceMs: { default: meanServiceMs }, timeoutMs: Number.MAX_SAFE_INTEGER }, `little-${r}`);
      let arrived = 0;
      let sojournMs = 0;
      for (let now = sample({ kind: 'exponential', mean: 1 / lambdaPerMs }, arrivals); now < 23 * HOUR; now += sample({ kind: 'exponential', mean: 1 / lambdaPerMs }, arrivals)) {
        const { latencyMs } = servers.admit('op', now);
        if (now < first * HOUR || now >= last * HOUR) continue;
        arrived += 1;
        sojournMs += latencyMs;
      }
      // L from the hourly series, as report.json's l: busy servers plus requests waiting, per hour.
      let area = 0;
      for (let h = 0; h < last; h += 1) {
        const { utilisation, queueLength } = servers.hour(h * HOUR);
        if (h < first) continue;
        area += utilisation * c + queueLength;
        if (h === first || h === last - 1) busyAtEnds += utilisation > 0 ? 1 : 0;
      }
      const l = area / (last - first);
      const lambda = arrived / ((last - first) * HOUR);
      gaps.push(l - lambda * (sojournMs / arrived));
    }
    expect(busyAtEnds).toBe(40); // never empty at either end: L = λW is not an identity here
    expect(gaps.filter((g) => Math.abs(g) > 1e-4).length).toBeGreaterThan(10);
    const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
    const half = 2.093 * Math.sqrt(gaps.reduce((s, g) => s + (g - mean) ** 2, 0) / (gaps.length - 1)) / Math.sqrt(gaps.length);
    expect(Math.abs(mean)).toBeLessThan(half);
    expect(half).toBeLessThan(0.05 * lambdaPerMs * meanServiceMs); // tight against L ≈ 2.6
  });
});
