import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../../rules';
import { OfficeHours, ReviewDesk } from '../../back-office';
import { Simulation } from '../../engine';
import { erlangC } from '../../queueing';
import { RandomStreams, sample } from '../../random';
import { RunsAhead } from '../../parallel';
import { planCapacity } from '..';

const MINUTE = 60_000;
const lambda = 2; // arrivals a minute
const meanService = 5; // minutes: offered load 10 servers
const target = 1; // minutes of mean wait

/** An M/M/c queue on the kernel (a review desk that never closes, c reviewers): its mean wait after a warm-up. */
function mmc(c: number, seed: number): { meanWaitMinutes: number } {
  const streams = new RandomStreams(seed);
  const arrivals = streams.stream('arrivals');
  const service = streams.stream('backOffice');
  const sim = new Simulation(0);
  const desk = new ReviewDesk(
    sim, new OfficeHours(defaultRules, [0, 24], true),
    { count: c, hours: [0, 24], continuous: true, serviceMinutes: { kind: 'exponential', mean: meanService }, approveRate: 1 },
    (d) => sample(d, service), () => true, () => {},
  );
  let n = 0;
  const next = () => sim.schedule(sample({ kind: 'exponential', mean: MINUTE / lambda }, arrivals), () => {
    if (n === 2_000) desk.log.restart(sim.now()); // warm-up
    if (n++ < 30_000) { desk.submit(`R${n}`); next(); }
  });
  next();
  sim.run();
  return { meanWaitMinutes: desk.figures(sim.now()).wqSeconds / 60 };
}

describe('capacity planning', () => {
  it('finds the M/M/c answer of queueing theory within one server', async () => {
    // Theory: the smallest c whose Erlang C mean wait is within the target.
    let theory = Math.ceil(lambda * meanService + 1e-9);
    while (erlangC(lambda, 1 / meanService, theory).meanWait > target) theory += 1;
    const plan = await planCapacity<{ meanWaitMinutes: number }>({
      target: `meanWaitMinutes <= ${target}`,
      judge: ({ meanWaitMinutes }) => ({ passed: meanWaitMinutes <= target, actual: meanWaitMinutes }),
      run: async (c, i) => (c * (1 / meanService) <= lambda ? { meanWaitMinutes: Number.POSITIVE_INFINITY } : mmc(c, 100 + i)),
      replications: 5,
      min: 1,
    });
    expect(Math.abs(plan.capacity! - theory)).toBeLessThanOrEqual(1);
    // The curve it traced falls as capacity grows, and says where the target was met.
    const met = plan.curve.filter((p) => p.met === p.replications).map((p) => p.capacity);
    expect(Math.min(...met)).toBe(plan.capacity);
    expect(plan.curve.length).toBeGreaterThan(3);
  });

  it('asks for all of a capacity\'s replications at once, so a pool can run them side by side', async () => {
    let inFlight = 0;
    let most = 0;
    await planCapacity<{ wait: number }>({
      target: 'wait <= 1',
      judge: ({ wait }) => ({ passed: wait <= 1, actual: wait }),
      replications: 4,
      run: async (c) => {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight -= 1;
        return { wait: c >= 3 ? 0 : 5 };
      },
    });
    expect(most).toBe(4);
  });

  it('tells what it may try next, and finds the same plan when idle threads run those ahead', async () => {
    // A metric falling with capacity, noisy by replication; runs finishing in a scrambled order.
    const metric = (c: number, i: number) => 100 / c + ((c * 7 + i * 13) % 5) / 10;
    const judge = ({ wait }: { wait: number }) => ({ passed: wait <= 3, actual: wait });
    const plain = await planCapacity({ target: 'wait <= 3', judge, replications: 3, max: 200, run: async (c, i) => ({ wait: metric(c, i) }) });

    const announced: number[][][] = [];
    const tried: number[] = [];
    const runs = new RunsAhead(4, async (key) => {
      const [c, i] = key.split('/').map(Number) as [number, number];
      for (let k = 0; k < (c * 31 + i * 17) % 4; k += 1) await new Promise((resolve) => setImmediate(resolve));
      return { wait: metric(c, i) };
    });
    const ahead = await planCapacity({
      target: 'wait <= 3', judge, replications: 3, max: 200,
      run: (c, i) => runs.need(`${c}/${i}`),
      ahead: (levels) => {
        announced.push(levels);
        runs.guess(levels.flat().flatMap((c) => [0, 1, 2].map((i) => `${c}/${i}`)));
      },
      onPoint: (p) => tried.push(p.capacity),
    });
    expect(ahead).toEqual(plain);
    // Bisection's answer: it met in every replication, and one less was tried and did not.
    const at = (c: number) => plain.curve.find((p) => p.capacity === c);
    expect(at(plain.capacity!)?.met).toBe(3);
    expect(at(plain.capacity! - 1)?.met).toBeLessThan(3);
    // Each capacity tried after the first was among those announced one step before it.
    for (let k = 1; k < tried.length; k += 1) expect(announced[k - 1]![0]).toContain(tried[k]);
    expect(runs.startedCount).toBeGreaterThan(tried.length * 3); // guesses did run
  });
});
