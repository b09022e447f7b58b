/**
 * What a run over many cores needs of the back office (docs/parallel-runs.md): that the desks'
 * decisions on an application are fixed by what came to the desk before it. Then a coordinator
 * that has seen every shard pass a review's submission knows when it will be decided, and a
 * daily desk's round needs only what was added before it: the shards meet the coordinator once
 * a working day, not at every look an applicant takes at their application.
 */
import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../../rules';
import { Simulation } from '../../engine';
import { RandomStreams, sample, type Rng } from '../../random';
import { DailyDesk, OfficeHours, ReviewDesk } from '..';

const MINUTE = 60_000;
const START = Date.parse('2026-09-14T00:00:00+08:00');
const SUBMISSIONS = 300;

/** Moments over two weeks, some crowded into one morning, in order. */
function submissions(seed: number): number[] {
  const when = new RandomStreams(seed).stream('arrivals');
  return Array.from({ length: SUBMISSIONS }, () => (when.chance(0.3) ? START + 9.5 * 60 * MINUTE + when.int(60) * MINUTE : START + when.int(14 * 24 * 60) * MINUTE))
    .sort((a, b) => a - b);
}

/** Each submission's own stream, afresh for each run. */
const streamsOf = (seed: number): ((i: number) => Rng) => {
  const own = new RandomStreams(seed).stream('backOffice');
  return (i) => own.fork(i);
};

/** The review desk's decisions on the first `n` submissions: when each was decided and how. */
function reviews(all: number[], n: number): Map<string, string> {
  const stream = streamsOf(5);
  const sim = new Simulation(START);
  const decided = new Map<string, string>();
  const desk = new ReviewDesk(
    sim, new OfficeHours(defaultRules, [9, 17]),
    { count: 2, hours: [9, 17], serviceMinutes: { kind: 'lognormal', median: 40, sigma: 0.9 }, approveRate: 0.8 },
    (d, stream) => sample(d, stream!), (p, stream) => stream!.chance(p),
    (id, approve, at) => decided.set(id, `${at} ${approve}`),
  );
  all.slice(0, n).forEach((at, i) => sim.scheduleAt(at, () => desk.submit(`R${i}`, stream(i)), i + 1));
  sim.run();
  return decided;
}

describe('the back office decides on what came before', () => {
  it("a review's decision, its moment and its outcome, whatever is submitted after it", () => {
    const all = submissions(5);
    const everyone = reviews(all, SUBMISSIONS);
    expect(everyone.size).toBe(SUBMISSIONS);
    // Waits long enough that later submissions are on the desk before earlier ones are decided.
    const late = [...everyone.values()].filter((d, i) => Number(d.split(' ')[0]) > all[Math.min(i + 5, SUBMISSIONS - 1)]!).length;
    expect(late).toBeGreaterThan(SUBMISSIONS / 10);
    for (const n of [1, 7, 60, 150, 299]) expect(reviews(all, n).get(`R${n - 1}`)).toBe(everyone.get(`R${n - 1}`));
  });

  it("a daily desk's round, whatever is added after it", () => {
    const all = submissions(9);
    const rounds = (upTo: number) => {
      const sim = new Simulation(START);
      const handled: string[] = [];
      const desk = new DailyDesk<number>(sim, new OfficeHours(defaultRules, [9, 17]), 12, 2, (queue, item) => handled.push(`${sim.now()} ${queue} ${item}`));
      all.forEach((at, i) => { if (at < upTo) sim.scheduleAt(at, () => desk.add(`point-${i % 2}`, i), i + 1); });
      sim.run();
      return handled.filter((h) => Number(h.split(' ')[0]) <= upTo);
    };
    const opening = Date.parse('2026-09-21T09:00:00+08:00');
    const handled = rounds(opening + 1);
    expect(handled.filter((h) => h.startsWith(String(opening))).length).toBe(24);
    expect(rounds(Number.POSITIVE_INFINITY).filter((h) => Number(h.split(' ')[0]) <= opening + 1)).toEqual(handled);
  });
});
