import { describe, expect, it } from 'vitest';
import { assign, createActor, setup } from 'xstate';
import { DAY, HOUR, MINUTE, Simulation, VirtualClock } from '../index';

/** Waits, reminds itself, and gives up unless answered in time; the answer cancels the timers. */
const waiter = setup({
  types: { context: {} as { reminders: number }, events: {} as { type: 'ANSWER' } },
  delays: { patience: 3 * DAY },
}).createMachine({
  id: 'waiter',
  context: { reminders: 0 },
  initial: 'waiting',
  states: {
    waiting: {
      // Patience is the parent's timer, so re-entering the child to remind does not restart it.
      after: { patience: 'gaveUp' },
      on: { ANSWER: 'answered' },
      initial: 'idle',
      states: {
        idle: {
          after: {
            [2 * HOUR]: { target: 'idle', reenter: true, actions: assign({ reminders: ({ context }) => context.reminders + 1 }) },
          },
        },
      },
    },
    answered: { type: 'final' },
    gaveUp: { type: 'final' },
  },
});

/** A cap on every run here, so a machine that never settles fails instead of hanging. */
const CAP = { maxEvents: 2_000_000 };

describe('VirtualClock', () => {
  it('runs after-delays in virtual time, to the ms', () => {
    const start = Date.UTC(2026, 2, 1);
    const sim = new Simulation(start);
    const actor = createActor(waiter, { clock: new VirtualClock(sim) }).start();
    sim.run({ ...CAP, until: start + 2 * HOUR - 1 });
    expect(actor.getSnapshot().context.reminders).toBe(0);
    sim.run({ ...CAP, until: start + 2 * HOUR });
    expect(actor.getSnapshot().context.reminders).toBe(1);
    sim.run(CAP);
    expect(actor.getSnapshot().value).toBe('gaveUp');
    expect(actor.getSnapshot().status).toBe('done');
    expect(sim.now()).toBe(start + 3 * DAY);
    expect(actor.getSnapshot().context.reminders).toBe(35); // every 2 h in 72 h, re-armed each time; the 36th ties with giving up and loses
    expect(sim.pending).toBe(0);
  });

  it('cancels pending delays when the state is left', () => {
    const sim = new Simulation();
    const actor = createActor(waiter, { clock: new VirtualClock(sim) }).start();
    expect(sim.pending).toBe(2); // patience and the first reminder
    sim.schedule(30 * MINUTE, () => actor.send({ type: 'ANSWER' }));
    sim.run(CAP);
    expect(actor.getSnapshot().value).toBe('answered');
    expect(sim.now()).toBe(30 * MINUTE);
    expect(sim.pending).toBe(0);
    expect(sim.eventCount).toBe(1);
  });

  it('keeps delays longer than 2^31 ms exact, and never fires an infinite one', () => {
    const sim = new Simulation();
    const clock = new VirtualClock(sim);
    const fired: number[] = [];
    clock.setTimeout(() => fired.push(sim.now()), 40 * DAY);
    clock.setTimeout(() => fired.push(-1), Infinity);
    clock.setTimeout(() => fired.push(sim.now()), -5);
    const cleared = clock.setTimeout(() => fired.push(-2), 1);
    clock.clearTimeout(cleared);
    clock.clearTimeout(cleared);
    clock.clearTimeout(undefined);
    sim.run(CAP);
    expect(fired).toEqual([0, 40 * DAY]);
    expect(clock.now()).toBe(40 * DAY);
  });

  it('drives 10,000 actors with timers, each to its own end at its own time', () => {
    const sim = new Simulation();
    const clock = new VirtualClock(sim);
    const n = 10_000;
    const brief = waiter.provide({ delays: { patience: 5 * HOUR } }); // two reminders each: XState, not the clock, is the cost
    const actors = Array.from({ length: n }, (_, i) => {
      const actor = createActor(brief, { clock });
      actor.start();
      // Half answer at a time of their own; the rest give up after five hours.
      if (i % 2 === 0) sim.schedule((i % 71) * MINUTE + 1, () => actor.send({ type: 'ANSWER' }));
      return actor;
    });
    let doneAt = 0;
    sim.run({ ...CAP, onProgress: (p) => { doneAt = p.now; } });
    expect(doneAt).toBe(5 * HOUR);
    const answered = actors.filter((a) => a.getSnapshot().value === 'answered').length;
    expect(answered).toBe(n / 2);
    expect(actors.every((a) => a.getSnapshot().status === 'done')).toBe(true);
    expect(actors[1]!.getSnapshot().context.reminders).toBe(2);
    expect(actors[0]!.getSnapshot().context.reminders).toBe(0); // answered at 1 ms
    expect(sim.pending).toBe(0);
  });
});
