import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../../rules';
import { OfficeHours, ReviewDesk } from '../../back-office';
import { Simulation } from '../../engine';
import { erlangC } from '../../queueing';
import { RandomStreams, sample } from '../../random';
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
});
