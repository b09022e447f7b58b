/**
 * What the machines alone cost for a run's applicants: every event each actor received from
 * the driver (answers, pages, the WAKE ending each wait) is recorded during the run, then
 * replayed into fresh actors of the journey machine with no effects (requests, views,
 * milestones and waits do nothing). No harness can make a run cheaper than this: it is the floor the
 * speed targets meet, and the baseline "the harness adds no more than the machines cost" is
 * measured against.
 */
import { Actor, createActor, type AnyEventObject } from 'xstate';
import { journeyMachine, type JourneyContext } from '../../machines';

interface Journey { input: { persona: JourneyContext['persona'] }; events: AnyEventObject[] }

/**
 * Records every actor's events while `work` runs. It wraps XState's internal `_send`, which
 * `send` goes through (xstate is pinned, see package.json); benchmarks only.
 */
export async function recordJourneys(work: () => Promise<void>): Promise<Journey[]> {
  const byActor = new Map<object, Journey>();
  const proto = Actor.prototype as unknown as { _send(this: Actor<typeof journeyMachine>, event: AnyEventObject): void };
  const original = proto._send;
  proto._send = function (event) {
    let journey = byActor.get(this);
    if (!journey) {
      journey = { input: { persona: this.getSnapshot().context.persona }, events: [] };
      byActor.set(this, journey);
    }
    journey.events.push(event);
    original.call(this, event);
  };
  try {
    await work();
  } finally {
    proto._send = original;
  }
  // An actor restored after a wait carries on its applicant's journey: the replay runs it whole in one actor.
  const journeys = new Map<JourneyContext['persona'], Journey>();
  for (const j of byActor.values()) {
    const whole = journeys.get(j.input.persona);
    if (whole) whole.events.push(...j.events);
    else journeys.set(j.input.persona, j);
  }
  return [...journeys.values()];
}

/**
 * Replays the journeys into fresh actors of `machine` (the journey machine unless given) with
 * no effects: wall ms, how many events, and each journey's end (status, final state, why it
 * gave up, tries spent), so two machines can be checked to take the same journeys.
 */
export function replayJourneys(
  journeys: Journey[],
  logic: typeof journeyMachine = journeyMachine,
): { ms: number; events: number; ends: string[] } {
  const machine = logic.provide({ actions: { request: () => {}, view: () => {}, milestone: () => {}, wait: () => {} } });
  let events = 0;
  let ms = 0;
  const ends: string[] = [];
  for (const { input, events: sequence } of journeys) {
    const started = performance.now();
    const actor = createActor(machine, { input });
    actor.start();
    for (const event of sequence) (actor as unknown as { _send(e: AnyEventObject): void })._send(event);
    ms += performance.now() - started;
    events += sequence.length;
    const { status, value, context } = actor.getSnapshot();
    ends.push(JSON.stringify([status, status === 'done' ? value : null, context.abandoned, context.tries]));
  }
  return { ms, events, ends };
}
