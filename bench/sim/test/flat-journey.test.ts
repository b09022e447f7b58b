import { createActor, type AnyEventObject } from 'xstate';
import { describe, expect, it } from 'vitest';
import { journeyMachine } from '../../../machines';
import { scenarioByName } from '../../../scenarios';
import { runScenario } from '../../../sim/runner';
import { flatJourney } from '../flat-journey';
import { recordJourneys } from '../machines-alone';

/** Every effect a machine asks for (portal requests, pages, funnel points), in order, and how it ended. */
function effects(logic: typeof journeyMachine, input: { persona: never }, events: AnyEventObject[]): string[] {
  const log: string[] = [];
  const note = (type: string) => (_: unknown, params: unknown) => { log.push(`${type} ${JSON.stringify(params)}`); };
  const machine = logic.provide({ actions: { request: note('request'), view: note('view'), milestone: note('milestone'), wait: note('wait') } });
  const actor = createActor(machine, { input, clock: { setTimeout: () => 0, clearTimeout: () => {} } });
  actor.start();
  for (const event of events) (actor as unknown as { _send(e: AnyEventObject): void })._send(event);
  const { status, value, context } = actor.getSnapshot();
  return [...log, JSON.stringify([status, status === 'done' ? value : null, context.abandoned, context.tries, context.forgotPassword])];
}

describe('the journey flattened for the bench', () => {
  it('takes every journey of a run as the journey machine does: the same effects in the same order, the same end', async () => {
    const journeys = await recordJourneys(async () => { await runScenario(scenarioByName('stale-registry'), { applicants: 400, seed: 3 }); });
    const flat = flatJourney();
    expect(flat.root.states.active!.states).not.toHaveProperty('account');
    let compared = 0;
    for (const { input, events } of journeys) {
      expect(effects(flat, input as never, events)).toEqual(effects(journeyMachine, input as never, events));
      compared += 1;
    }
    expect(compared).toBe(400);
  });
});
