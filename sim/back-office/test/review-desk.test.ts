import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../../rules';
import { Simulation } from '../../engine';
import { erlangC } from '../../queueing';
import { RandomStreams, sample } from '../../random';
import { OfficeHours, ReviewDesk } from '..';

const MINUTE = 60_000;

/** One replication: Poisson submissions to `c` reviewers with exponential review times. */
function replicate(seed: number, opts: { lambdaPerMin: number; meanServiceMin: number; c: number; customers: number; warmUp: number }) {
  const streams = new RandomStreams(seed);
  const arrivals = streams.stream('arrivals');
  const office = streams.stream('backOffice');
  const sim = new Simulation(Date.parse('2026-09-01T00:00:00+08:00'));
  const submitted = new Map<string, number>();
  let waited = 0;
  let decided = 0;
  let allWaited = 0;
  const desk = new ReviewDesk(
    sim, new OfficeHours(defaultRules, [0, 24], true),
    { count: opts.c, hours: [0, 24], continuous: true, serviceMinutes: { kind: 'exponential', mean: opts.meanServiceMin }, approveRate: 1 },
    (d) => sample(d, office), () => true,
    (id) => {
      allWaited += sim.now() - submitted.get(id)!;
      // The queue starts empty; the first customers (warm-up) would bias the wait low.
      if (Number(id.slice(1)) < opts.warmUp) return;
      waited += sim.now() - submitted.get(id)!;
      decided += 1;
    },
  );
  let n = 0;
  const next = () => {
    if (n >= opts.customers) return;
    sim.schedule(sample({ kind: 'exponential', mean: MINUTE / opts.lambdaPerMin }, arrivals), () => {
      const id = `R${n++}`;
      submitted.set(id, sim.now());
      desk.submit(id);
      next();
    });
  };
  const start = sim.now();
  next();
  sim.run();
  return { meanSojournMin: waited / decided / MINUTE, allMeanSojournMin: allWaited / opts.customers / MINUTE, meanBacklog: desk.meanBacklog(start), hours: (sim.now() - start) / 3_600_000 };
}

describe('manual reviewers as a queue (sanity against theory)', () => {
  const opts = { lambdaPerMin: 0.4, meanServiceMin: 6, c: 3, customers: 20_000, warmUp: 2_000 }; // utilisation 0.8
  const runs = Array.from({ length: 20 }, (_, i) => replicate(100 + i, opts));

  it('has the M/M/c (Erlang C) mean time in system within the replications\' 95% confidence interval', () => {
    const theory = erlangC(opts.lambdaPerMin, 1 / opts.meanServiceMin, opts.c).meanSojourn;
    const xs = runs.map((r) => r.meanSojournMin);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
    const half = 2.093 * sd / Math.sqrt(xs.length); // t(0.975, 19 df)
    expect(Math.abs(mean - theory)).toBeLessThan(half);
    expect(half / theory).toBeLessThan(0.1); // the interval is tight enough to mean something
  });

  it('obeys Little\'s law: mean backlog = arrival rate × mean time in system', () => {
    for (const r of runs) {
      const lambdaPerMin = opts.customers / (r.hours * 60);
      // Exact up to rounding: the queue starts and ends empty, so ∫ backlog dt = Σ time in system.
      expect(Math.abs(r.meanBacklog / (lambdaPerMin * r.allMeanSojournMin) - 1)).toBeLessThan(1e-9);
    }
  });
});
