/**
 * What the machines alone cost for a run's applicants: every event each actor received from
 * the driver (answers, pages, the WAKE ending each wait) is recorded during the run, then
 * replayed into fresh actors of the journey machine with no effects (requests, views,
 * milestones and waits do nothing). No harness can make a run cheaper than this: it is the floor the
 * speed targets meet, and the baseline "the harness adds no more than the machines cost" is
 * measured against. Replayed journey by journey, each actor's snapshots die young and stay in
 * cache; replayed in the run's order (`order: 'run'`), thousands of actors are in progress
 * at once, as in the run, and their snapshots live until each one's next event.
 */
import { Actor, createActor, type AnyEventObject } from 'xstate';
import { journeyMachine, type JourneyContext } from '../../machines';

interface Journey {
  input: { persona: JourneyContext['persona'] };
  events: AnyEventObject[];
  /** Each event's place among every event the run's actors received (0, 1, …): the run's order. */
  at: number[];
}

/**
 * Records every actor's events while `work` runs. It wraps XState's internal `_send`, which
 * `send` goes through (xstate is pinned, see package.json); benchmarks only.
 */
export async function recordJourneys(work: () => Promise<void>): Promise<Journey[]> {
  const byActor = new Map<object, Journey>();
  const proto = Actor.prototype as unknown as { _send(this: Actor<typeof journeyMachine>, event: AnyEventObject): void };
  const original = proto._send;
  let sent = 0;
  proto._send = function (event) {
    let journey = byActor.get(this);
    if (!journey) {
      journey = { input: { persona: this.getSnapshot().context.persona }, events: [], at: [] };
      byActor.set(this, journey);
    }
    journey.events.push(event);
    journey.at.push(sent++);
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
    if (whole) {
      whole.events.push(...j.events);
      whole.at.push(...j.at);
    } else journeys.set(j.input.persona, j);
  }
  return [...journeys.values()];
}

type Replay = { ms: number; events: number; ends: string[] };
type Snapshot = { status: string; value: unknown; context: JourneyContext };
type ReplayActor = { _send(e: AnyEventObject): void; getSnapshot(): Snapshot };

/** The machine with no effects: requests, views, milestones and waits do nothing. */
const quiet = (logic: typeof journeyMachine) => logic.provide({ actions: { request: () => {}, view: () => {}, milestone: () => {}, wait: () => {} } });
const start = (machine: typeof journeyMachine, journey: Journey) => createActor(machine, { input: journey.input }).start() as unknown as ReplayActor;
/** How a journey ended: status, final state, why it gave up, tries spent. */
const endOf = ({ status, value, context }: Snapshot) => JSON.stringify([status, status === 'done' ? value : null, context.abandoned, context.tries]);

/**
 * Replays the journeys into fresh actors of `logic` (the journey machine unless given) with
 * no effects: wall ms, how many events, and each journey's end, so two machines can be checked
 * to take the same journeys. In `order`: one journey after another (each actor made, fed and let
 * go in turn), or the run's, every actor made at its first event and let go after its last, its
 * events interleaved with everyone else's as the run sent them.
 */
export function replayJourneys(
  journeys: Journey[],
  { logic = journeyMachine, order = 'journey' }: { logic?: typeof journeyMachine; order?: 'journey' | 'run' } = {},
): Replay {
  const machine = quiet(logic);
  const events = journeys.reduce((n, j) => n + j.events.length, 0);
  // Whose event comes k-th.
  const whose = new Int32Array(events);
  let place = 0;
  journeys.forEach((j, i) => { for (const at of j.at) whose[order === 'run' ? at : place++] = i; });
  const actors: (ReplayActor | undefined)[] = new Array(journeys.length);
  const sent = new Int32Array(journeys.length);
  const last: Snapshot[] = new Array(journeys.length);
  const started = performance.now();
  for (let k = 0; k < events; k += 1) {
    const i = whose[k]!;
    const journey = journeys[i]!;
    const actor = (actors[i] ??= start(machine, journey));
    actor._send(journey.events[sent[i]!]!);
    if ((sent[i] = sent[i]! + 1) === journey.events.length) {
      last[i] = actor.getSnapshot();
      actors[i] = undefined;
    }
  }
  const ms = performance.now() - started;
  return { ms, events, ends: last.map(endOf) };
}
