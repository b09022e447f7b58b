import { describe, expect, it } from 'vitest';
import { Simulation } from '../../engine/index';
import { RandomStreams } from '../../random/index';
import { ServerPool, type Ticket } from '../index';

/** A pool whose jobs are their own service times, so every figure can be worked out by hand. */
function pool(servers: number, maxQueue?: number) {
  const sim = new Simulation(1_000);
  const rng = new RandomStreams(1).stream('portal');
  const p = new ServerPool<number>(sim, { servers, serviceTime: (_, ms) => ms, rng, maxQueue });
  const done: string[] = [];
  const record = (t: Ticket<number>) => done.push(`${t.job}@${sim.now()}`);
  return { sim, p, done, record };
}

describe('ServerPool', () => {
  it('serves at most c at once, the rest first come first served', () => {
    const { sim, p, done, record } = pool(2);
    const tickets = [30, 10, 20, 5].map((ms) => p.request(ms, record));
    expect(tickets.map((t) => t.status)).toEqual(['serving', 'serving', 'waiting', 'waiting']);
    expect([p.busy, p.queueLength]).toEqual([2, 2]);
    sim.run();
    // 10 ends at +10 and frees a server for 20 (ends +30); 30 ends at +30 too; 5 starts at +30.
    expect(done).toEqual(['10@1010', '30@1030', '20@1030', '5@1035']);
    expect(tickets.map((t) => t.startedAt - 1_000)).toEqual([0, 0, 10, 30]);
    expect(tickets.every((t) => t.status === 'done')).toBe(true);
  });

  it('starts the next job before telling of the last, and queues new requests behind waiting ones', () => {
    const { sim, p, done } = pool(1);
    const seen: string[] = [];
    p.request(10, (t) => {
      seen.push(`done ${t.job}: busy ${p.busy}, waiting ${p.queueLength}`);
      p.request(1, (u) => done.push(`${u.job}@${sim.now()}`)); // behind the 20 already waiting
    });
    p.request(20, (t) => done.push(`${t.job}@${sim.now()}`));
    sim.run();
    expect(seen).toEqual(['done 10: busy 1, waiting 0']);
    expect(done).toEqual(['20@1030', '1@1031']);
  });

  it('lets a waiting request be withdrawn, not one in service', () => {
    const { sim, p, done, record } = pool(1);
    const first = p.request(10, record);
    const second = p.request(10, record);
    const third = p.request(10, record);
    expect(p.cancel(second)).toBe(true);
    expect(p.cancel(second)).toBe(false);
    expect(p.cancel(first)).toBe(false);
    expect(p.queueLength).toBe(1);
    sim.run();
    expect(done).toEqual(['10@1010', '10@1020']);
    expect(third.startedAt).toBe(1_010);
    expect(second.status).toBe('cancelled');
    expect(p.stats()).toMatchObject({ arrived: 3, cancelled: 1, started: 2, completed: 2 });
  });

  it('rejects when the waiting places are full', () => {
    const { sim, p, record } = pool(1, 1);
    p.request(10, record);
    p.request(10, record);
    const refused = p.request(10, record);
    expect(refused.status).toBe('rejected');
    sim.run();
    expect(p.stats()).toMatchObject({ arrived: 2, rejected: 1, completed: 2 });
    expect(p.request(1, record).status).toBe('serving'); // a free server needs no waiting place
  });

  it('changes its number of servers: more start waiting jobs, fewer finish what they hold', () => {
    const { sim, p, done, record } = pool(1);
    for (let i = 0; i < 4; i += 1) p.request(10, record);
    sim.run({ until: 1_005 });
    p.setServers(3);
    expect([p.busy, p.queueLength]).toEqual([3, 1]);
    p.setServers(0);
    sim.run();
    expect(done).toEqual(['10@1010', '10@1015', '10@1015']);
    expect(p.queueLength).toBe(1);
    p.setServers(1);
    sim.run();
    expect(done.at(-1)).toBe('10@1025');
  });

  it('measures waits, time averages and utilisation exactly on a worked case', () => {
    const { sim, p, record } = pool(1);
    p.request(10, record); // serves 1000-1010
    p.request(10, record); // waits 10, serves 1010-1020
    sim.run({ until: 1_040 });
    const s = p.stats();
    expect(s).toMatchObject({ since: 1_000, until: 1_040, arrived: 2, started: 2, completed: 2, meanWait: 5, maxWait: 10, meanSojourn: 15 });
    expect(s.meanQueue).toBeCloseTo(10 / 40, 12); // one job waiting for 10 of 40 ms
    expect(s.meanBusy).toBeCloseTo(20 / 40, 12);
    expect(s.utilisation).toBeCloseTo(0.5, 12);
    expect(s.meanInSystem).toBeCloseTo(30 / 40, 12);
    expect(s.meanInSystem).toBeCloseTo(s.arrivalRate * s.meanSojourn, 12); // Little, exactly: starts and ends empty
    p.resetStats();
    sim.run({ until: 1_050 });
    expect(p.stats()).toMatchObject({ since: 1_040, until: 1_050, arrived: 0, utilisation: 0 });
  });

  it('draws service times at arrival, from its own stream', () => {
    const sim = new Simulation();
    const streams = new RandomStreams(5);
    const p = new ServerPool<string>(sim, { servers: 1, serviceTime: (rng) => 1 + rng.int(100), rng: streams.stream('backOffice') });
    const expected = new RandomStreams(5).stream('backOffice');
    const tickets = ['a', 'b', 'c'].map((job) => p.request(job));
    expect(tickets.map((t) => t.serviceMs)).toEqual([0, 1, 2].map(() => 1 + expected.int(100)));
  });

  it('refuses bad settings and service times', () => {
    const sim = new Simulation();
    const rng = new RandomStreams(1).stream('portal');
    expect(() => new ServerPool(sim, { servers: 0, serviceTime: () => 1, rng })).toThrow(RangeError);
    expect(() => new ServerPool(sim, { servers: 1.5, serviceTime: () => 1, rng })).toThrow(RangeError);
    const p = new ServerPool(sim, { servers: 1, serviceTime: () => Number.NaN, rng });
    expect(() => p.request('x')).toThrow(RangeError);
    expect(() => p.setServers(-1)).toThrow(RangeError);
  });
});
