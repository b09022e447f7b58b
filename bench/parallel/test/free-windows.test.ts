import { describe, expect, it } from 'vitest';
import type { StepTrace } from '../admission-rounds';
import { freeWindows } from '../free-windows';

const step = (...calls: [number, number][]): StepTrace => ({ calls: calls.map(([sentAt, answeredAt]) => ({ sentAt, answeredAt })) });

describe('freeWindows', () => {
  it('finds every window free when the steps overlapping each fit the servers', () => {
    const steps = [step([0, 100], [100, 200]), step([2_000, 2_050])];
    expect(freeWindows([0, 100, 200, 2_000, 2_050], steps, 1, 1_000)).toEqual({
      windows: 2, tightWindows: 0, eventsInTight: 0, callsInTight: 0, peakSteps: 1, meetings: {},
    });
  });

  it('makes a window tight from the start of the step that could take one server more than there are', () => {
    // Three steps in the first window on two servers: tight from the third's start (500), with
    // its event and its call; the second window holds none under way.
    const steps = [step([0, 300]), step([100, 200], [200, 400]), step([500, 1_200])];
    const count = freeWindows([0, 100, 200, 300, 400, 500, 900, 1_200], steps, 2, 1_000);
    expect(count).toEqual({ windows: 2, tightWindows: 1, eventsInTight: 2, callsInTight: 1, peakSteps: 3, meetings: {} });
  });

  it('makes a window tight from its start when the steps under way already fill the servers', () => {
    const steps = [step([0, 1_500]), step([100, 1_600]), step([1_200, 1_300])];
    const count = freeWindows([0, 100, 1_100, 1_200, 1_300], steps, 1, 1_000);
    expect(count).toMatchObject({ windows: 2, tightWindows: 2, eventsInTight: 4, callsInTight: 2 });
  });

  it('counts a step that ends inside a window but began before it', () => {
    // The long step began in the first window and is still going when the second begins.
    const steps = [step([0, 1_500]), step([1_400, 1_450])];
    expect(freeWindows([0, 1_400, 1_450, 1_500], steps, 1, 1_000).tightWindows).toBe(1);
  });

  it('calls a window tight when a backend\'s hour, with the overlapping steps, could go past its throughput', () => {
    const steps = [step([10_000, 10_100])];
    const times = [1_000, 2_000, 10_000, 10_100];
    expect(freeWindows(times, steps, 4, 1_000, [{ perHour: 3, uses: [1_000, 2_000] }]).tightWindows).toBe(0);
    expect(freeWindows(times, steps, 4, 1_000, [{ perHour: 2, uses: [1_000, 2_000] }]).tightWindows).toBe(1);
    // Uses of an earlier hour do not count.
    expect(freeWindows([3_600_000 + 10_000], [step([3_600_000 + 10_000, 3_600_000 + 10_100])], 4, 1_000, [{ perHour: 1, uses: [1_000, 2_000] }]).tightWindows).toBe(0);
  });

  it('counts where a shard\'s own steps in a window exceed its share of the servers', () => {
    // Four servers: two shards get two each, four shards one each. Applicants 0, 2 and 4 are
    // shard 0's of two, and shards 0, 2 and 0 of four; all three overlap the first window.
    const steps: StepTrace[] = [0, 2, 4].map((applicant, i) => ({ applicant, calls: [{ sentAt: i * 100, answeredAt: i * 100 + 50 }] }));
    const count = freeWindows([0, 100, 200, 5_000], steps, 4, 1_000, [], [2, 4]);
    expect(count.tightWindows).toBe(0);
    expect(count.meetings).toEqual({ 2: 1, 4: 1 });
  });
});
