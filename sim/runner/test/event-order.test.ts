/**
 * An applicant's events carry the applicant's order key (index + 1), so at one instant the
 * engine runs them by applicant, not by which was scheduled first (sim/engine/event-queue.ts).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scenarioByName } from '../../../scenarios';
import { Simulation } from '../../engine';
import { runScenario } from '..';

afterEach(() => { vi.restoreAllMocks(); });

describe('the order of events at one instant', () => {
  it("puts every applicant's action under the applicant's own key", async () => {
    const keys: number[] = [];
    const scheduleAction = Simulation.prototype.scheduleAction;
    vi.spyOn(Simulation.prototype, 'scheduleAction').mockImplementation(function (this: Simulation, delay, floor, callback, key) {
      keys.push(key ?? 0);
      return scheduleAction.call(this, delay, floor, callback, key);
    });
    const applicants = 200;
    await runScenario(scenarioByName('default'), { seed: 7, applicants });
    expect(keys.length).toBeGreaterThan(applicants);
    expect(keys.every((k) => Number.isInteger(k) && k >= 1 && k <= applicants)).toBe(true);
    expect(new Set(keys).size).toBeGreaterThan(applicants * 0.9);
  }, 60_000);
});
