/**
 * The review desk against queueing theory. Always open, with Poisson submissions and
 * exponential reviews it is an M/M/c queue: its own figures (the report's queues.manualReview)
 * must give Erlang C's Lq and Wq, and Little's law over a window that starts and ends with
 * reviews in the queue, each within the replications' 95% confidence interval.
 */
import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../../rules';
import { Simulation } from '../../engine';
import { erlangC, type QueueFigures } from '../../queueing';
import { RandomStreams, sample } from '../../random';
import { OfficeHours, ReviewDesk } from '..';

const MINUTE = 60_000;
const opts = { lambdaPerMin: 0.4, meanServiceMin: 6, c: 3 }; // utilisation 0.8
const WARM_UP = 34 * 60 * MINUTE; // the queue starts empty: these hours are left out
const WINDOW = 667 * 60 * MINUTE; // about 16,000 submissions measured
const REPLICATIONS = 20;
const T_975_19DF = 2.093;

/** One replication: the desk's figures over the window, submissions still coming at its end. */
function replicate(seed: number): { q: QueueFigures; inSystemAtStart: number; inSystemAtEnd: number } {
  const streams = new RandomStreams(seed);
  const arrivals = streams.stream('arrivals');
  const office = streams.stream('backOffice');
  const sim = new Simulation(Date.parse('2026-09-01T00:00:00+08:00'));
  const desk = new ReviewDesk(
    sim, new OfficeHours(defaultRules, [0, 24], true),
    { count: opts.c, hours: [0, 24], continuous: true, serviceMinutes: { kind: 'exponential', mean: opts.meanServiceMin }, approveRate: 1 },
    (d) => sample(d, office), () => true, () => {},
  );
  let n = 0;
  const submit = () => {
    desk.submit(`R${n++}`);
    sim.schedule(sample({ kind: 'exponential', mean: MINUTE / opts.lambdaPerMin }, arrivals), submit);
  };
  const start = sim.now();
  sim.schedule(0, submit);
  sim.run({ until: start + WARM_UP });
  desk.log.restart(sim.now());
  const inSystemAtStart = desk.backlog;
  sim.run({ until: start + WARM_UP + WINDOW });
  return { q: desk.figures(sim.now()), inSystemAtStart, inSystemAtEnd: desk.backlog };
}

/** Mean and half-width of the 95% confidence interval over the replications. */
function interval(xs: number[]): { mean: number; half: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
  return { mean, half: T_975_19DF * sd / Math.sqrt(xs.length) };
}

describe('manual reviewers as a queue, against theory', () => {
  const runs = Array.from({ length: REPLICATIONS }, (_, i) => replicate(100 + i));
  const theory = erlangC(opts.lambdaPerMin, 1 / opts.meanServiceMin, opts.c);

  it.each([
    ['lq', (q: QueueFigures) => q.lq, theory.meanQueue],
    ['wqSeconds', (q: QueueFigures) => q.wqSeconds, theory.meanWait * 60],
    ['wSeconds', (q: QueueFigures) => q.wSeconds, theory.meanSojourn * 60],
    ['pWait', (q: QueueFigures) => q.pWait, theory.probabilityOfWaiting],
    ['utilisation', (q: QueueFigures) => q.utilisation, theory.utilisation],
  ] as const)('gives Erlang C\'s %s within the 95%% confidence interval', (_name, figure, expected) => {
    const { mean, half } = interval(runs.map((r) => figure(r.q)));
    expect(Math.abs(mean - expected)).toBeLessThan(half);
    expect(half / expected).toBeLessThan(0.1); // the interval is tight enough to mean something
  });

  it('obeys Little\'s law L = λW over a window that neither starts nor ends empty', () => {
    const windowSeconds = WINDOW / 1000;
    // Reviews were in the system at both ends, so L − λW is not zero in any one replication...
    expect(runs.every((r) => r.inSystemAtStart > 0 || r.inSystemAtEnd > 0)).toBe(true);
    const gaps = runs.map(({ q }) => q.l - (q.arrivals / windowSeconds) * q.wSeconds);
    expect(gaps.filter((g) => Math.abs(g) > 1e-6).length).toBeGreaterThan(REPLICATIONS / 2);
    // ...but it is zero on average, within the replications' interval.
    const { mean, half } = interval(gaps);
    expect(Math.abs(mean)).toBeLessThan(half);
    expect(half).toBeLessThan(0.05 * theory.meanInSystem);
  });
});
