/**
 * The pool against theory: an M/M/3 queue at utilisation 0.8, simulated in independent
 * replications, must give Erlang C's mean wait within the replications' confidence interval,
 * and Little's law on its own figures.
 */
import { describe, expect, it } from 'vitest';
import { SECOND, Simulation } from '../../engine/index';
import { RandomStreams, sample } from '../../random/index';
import { erlangC, ServerPool, type PoolStats } from '../index';

const C = 3;
const MEAN_SERVICE = SECOND;
const LAMBDA = 0.8 * C / MEAN_SERVICE; // per ms
const WARM_UP = 2_000 * SECOND; // about 4,800 arrivals, discarded: the queue starts empty
const WINDOW = 40_000 * SECOND; // about 96,000 arrivals measured per replication
const REPLICATIONS = 10;
const T_995_9DF = 3.25; // Student t, 99% two-sided, 9 degrees of freedom

function replicate(seed: number): PoolStats {
  const streams = new RandomStreams(seed);
  const arrivals = streams.stream('arrivals');
  const sim = new Simulation();
  const service = { kind: 'exponential', mean: MEAN_SERVICE } as const;
  const gap = { kind: 'exponential', mean: 1 / LAMBDA } as const;
  const pool = new ServerPool<number>(sim, { servers: C, serviceTime: (rng) => sample(service, rng), rng: streams.stream('backOffice') });
  let n = 0;
  const arrive = () => {
    pool.request(n++);
    sim.schedule(sample(gap, arrivals), arrive);
  };
  sim.schedule(sample(gap, arrivals), arrive);
  sim.run({ until: WARM_UP });
  pool.resetStats();
  sim.run({ until: WARM_UP + WINDOW });
  return pool.stats();
}

/** Mean and half-width of the 99% confidence interval over replications. */
function interval(xs: number[]): { mean: number; half: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
  return { mean, half: T_995_9DF * sd / Math.sqrt(xs.length) };
}

describe('ServerPool as an M/M/c queue', () => {
  const theory = erlangC(LAMBDA, 1 / MEAN_SERVICE, C);
  const runs = Array.from({ length: REPLICATIONS }, (_, i) => replicate(1_000 + i));

  it('has Erlang C\'s mean wait within the replications\' 99% confidence interval', () => {
    const wait = interval(runs.map((r) => r.meanWait));
    expect(Math.abs(wait.mean - theory.meanWait)).toBeLessThan(wait.half);
    expect(wait.half / theory.meanWait).toBeLessThan(0.1); // tight enough to mean something
  });

  it('has the theory\'s utilisation and queue length within their intervals', () => {
    const util = interval(runs.map((r) => r.utilisation));
    expect(Math.abs(util.mean - theory.utilisation)).toBeLessThan(util.half);
    const queue = interval(runs.map((r) => r.meanQueue));
    expect(Math.abs(queue.mean - theory.meanQueue)).toBeLessThan(queue.half);
  });

  it('obeys Little\'s law on its own figures: L = λW and Lq = λWq', () => {
    for (const r of runs) {
      // Not exact: jobs straddle the window's edges; with ~96,000 jobs the edge effect is tiny.
      expect(Math.abs(r.meanInSystem / (r.arrivalRate * r.meanSojourn) - 1)).toBeLessThan(0.01);
      expect(Math.abs(r.meanQueue / (r.arrivalRate * r.meanWait) - 1)).toBeLessThan(0.01);
    }
  });
});
