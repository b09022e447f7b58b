import { describe, expect, it } from 'vitest';
import { scenarioByName } from '../../../scenarios';
import { runScenario } from '..';

/** A signal that turns aborted after the run has looked at it `checks` times: between two events, deterministically. */
function abortedAfter(checks: number): AbortSignal {
  let looked = 0;
  return { get aborted() { looked += 1; return looked > checks; } } as AbortSignal;
}

describe('a run stopped early (Ctrl-C) still reports what happened until then', () => {
  it('covers the run until the stop, counts those still going as unfinished, and says it was interrupted', async () => {
    const scenario = scenarioByName('default');
    const whole = await runScenario(scenario, { seed: 5, applicants: 400 });
    const stopped = await runScenario(scenario, { seed: 5, applicants: 400, signal: abortedAfter(3000) });

    expect(whole.report.interrupted).toBeUndefined();
    expect(stopped.report.interrupted?.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/);
    expect(stopped.events).toBe(3000);
    expect(stopped.report.period.to < whole.report.period.to).toBe(true);
    // Nobody is lost: those who came either ended somewhere or are counted as unfinished.
    const ended = Object.values(stopped.report.outcomes).reduce((a, b) => a + b, 0);
    expect(ended).toBe(stopped.report.funnel.arrived);
    expect(stopped.report.outcomes.unfinished).toBeGreaterThan(0);
    expect(stopped.report.funnel.arrived).toBeLessThan(whole.report.funnel.arrived);
  }, 60_000);
});
