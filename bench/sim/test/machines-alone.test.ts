import { describe, expect, it } from 'vitest';
import { scenarioByName } from '../../../scenarios';
import { runScenario } from '../../../sim/runner';
import { recordJourneys, replayJourneys } from '../machines-alone';

describe('the machines alone', () => {
  it("replays a run's journeys in the run's order to the same ends as one after another", async () => {
    let events = 0;
    const journeys = await recordJourneys(async () => { events = (await runScenario(scenarioByName('default'), { applicants: 300, seed: 5 })).events; });
    expect(journeys).toHaveLength(300);
    // Every event the actors received has one place in the run's order, and each journey's rise.
    const places = journeys.flatMap((j) => j.at).sort((a, b) => a - b);
    expect(places).toEqual(places.map((_, k) => k));
    for (const j of journeys) expect(j.at).toEqual([...j.at].sort((a, b) => a - b));
    expect(places.length).toBeLessThan(events); // the run's own events (arrivals, the back office) are not the actors'
    const inOrder = replayJourneys(journeys, { order: 'run' });
    const oneByOne = replayJourneys(journeys);
    expect(inOrder.events).toBe(oneByOne.events);
    expect(inOrder.ends).toEqual(oneByOne.ends);
    expect(new Set(inOrder.ends).size).toBeGreaterThan(3); // journeys end in several ways: the comparison can tell them apart
  });
});
