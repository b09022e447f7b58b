import { describe, expect, it } from 'vitest';
import type { Clock as PortalClock } from '../../../stub-server/portal/clock';
import { Simulation } from '../index';

describe('Simulation', () => {
  it('runs events in time order, equal times in schedule order, at their time', () => {
    const sim = new Simulation(1_000);
    const seen: string[] = [];
    const log = (name: string) => () => seen.push(`${name}@${sim.now()}`);
    sim.schedule(50, log('c'));
    sim.scheduleAt(1_010, log('a'));
    sim.schedule(10, log('b'));
    sim.schedule(0, log('now'));
    const result = sim.run();
    expect(seen).toEqual(['now@1000', 'a@1010', 'b@1010', 'c@1050']);
    expect(result).toEqual({ now: 1_050, events: 4, pending: 0, reason: 'empty' });
    expect(sim.eventCount).toBe(4);
  });

  it("refuses an applicant's action sooner than their least think time, and schedules one at it or later", () => {
    const sim = new Simulation(0);
    const seen: number[] = [];
    expect(() => sim.scheduleAction(999, 1_000, () => seen.push(sim.now()))).toThrow(/sooner than the least think time \(1000 ms\)/);
    sim.scheduleAction(1_000, 1_000, () => seen.push(sim.now()));
    sim.scheduleAction(2_500, 1_000, () => seen.push(sim.now()));
    sim.run();
    expect(seen).toEqual([1_000, 2_500]);
  });

  it('lets callbacks schedule; a zero delay runs after what is already due now', () => {
    const sim = new Simulation();
    const seen: string[] = [];
    sim.schedule(5, () => {
      seen.push('first');
      sim.schedule(0, () => seen.push('spawned'));
    });
    sim.schedule(5, () => seen.push('second'));
    sim.run();
    expect(seen).toEqual(['first', 'second', 'spawned']);
  });

  it('moves its clock on inside an event only while nothing is due until then', () => {
    const sim = new Simulation(0);
    const seen: string[] = [];
    sim.schedule(10, () => {
      expect(sim.advanceTo(15)).toBe(true); // the next event is at 20
      expect(sim.now()).toBe(15);
      expect(sim.advanceTo(20)).toBe(false); // the event at 20 is due then: it runs first
      expect(sim.advanceTo(12)).toBe(false); // never back
      expect(sim.now()).toBe(15);
      sim.schedule(1, () => seen.push(`after at ${sim.now()}`));
    });
    sim.schedule(20, () => seen.push(`at ${sim.now()}`));
    sim.run();
    expect(seen).toEqual(['after at 16', 'at 20']);
  });

  it('cancels', () => {
    const sim = new Simulation();
    const seen: number[] = [];
    const id = sim.schedule(1, () => seen.push(1));
    sim.schedule(2, () => seen.push(2));
    expect(sim.cancel(id)).toBe(true);
    expect(sim.pending).toBe(1);
    sim.run();
    expect(seen).toEqual([2]);
    expect(sim.cancel(id)).toBe(false);
  });

  it('runs until a time inclusive, then stands at it; resumes from there', () => {
    const sim = new Simulation();
    const seen: number[] = [];
    for (const t of [10, 20, 30]) sim.scheduleAt(t, () => seen.push(t));
    expect(sim.run({ until: 20 })).toMatchObject({ reason: 'until', now: 20, events: 2, pending: 1 });
    expect(seen).toEqual([10, 20]);
    expect(sim.run({ until: 25 })).toMatchObject({ reason: 'until', now: 25, events: 0 });
    expect(sim.run({ until: 100 })).toMatchObject({ reason: 'until', now: 100, events: 1, pending: 0 });
    expect(() => sim.run({ until: 50 })).toThrow(RangeError);
  });

  it('stops at maxEvents and on stop()', () => {
    const sim = new Simulation();
    let n = 0;
    const tick = () => { n += 1; if (n === 7) sim.stop(); sim.schedule(1, tick); };
    sim.schedule(1, tick);
    expect(sim.run({ maxEvents: 3 })).toMatchObject({ reason: 'maxEvents', events: 3, now: 3 });
    expect(sim.run()).toMatchObject({ reason: 'stopped', events: 4, now: 7 });
    expect(sim.eventCount).toBe(7);
  });

  it('reports progress every N events and at the end', () => {
    const sim = new Simulation();
    for (let i = 0; i < 25; i += 1) sim.schedule(i, () => {});
    const seen: number[] = [];
    sim.run({ progressEvery: 10, onProgress: (p) => seen.push(p.events) });
    expect(seen).toEqual([10, 20, 25]);
  });

  it('refuses the past, bad delays and re-entry', () => {
    const sim = new Simulation(100);
    expect(() => sim.scheduleAt(99, () => {})).toThrow(RangeError);
    expect(() => sim.schedule(-1, () => {})).toThrow(RangeError);
    expect(() => sim.schedule(Number.NaN, () => {})).toThrow(RangeError);
    expect(() => sim.schedule(Infinity, () => {})).toThrow(RangeError);
    sim.schedule(1, () => sim.run());
    expect(() => sim.run()).toThrow(/inside a running simulation/);
  });

  it('serves as the portal domain clock', () => {
    const portalClock: PortalClock = new Simulation(42); // type-checked by tsc
    expect(portalClock.now()).toBe(42);
  });
});
