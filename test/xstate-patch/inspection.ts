/** Inspection events as comparable lines, and machines that make every kind of them. */
import type * as xstate from 'xstate';
import type { XState } from './builds';
import { smallConfig, SMALL_STEPS } from './small-machine';

export type InspectionEvent = xstate.InspectionEvent;

/** A snapshot by what it holds (any actor's: a machine's, a callback's). */
export function snapshotJson(snapshot: unknown) {
  if (!snapshot || typeof snapshot !== 'object') return snapshot;
  const s = snapshot as Partial<xstate.AnyMachineSnapshot>;
  return {
    status: s.status,
    value: s.value,
    context: s.context,
    output: s.output,
    error: s.error === undefined ? undefined : String(s.error),
    tags: s.tags ? [...s.tags].sort() : undefined,
    children: s.children ? Object.keys(s.children) : undefined,
    history: s.historyValue ? Object.fromEntries(Object.entries(s.historyValue as Record<string, { id: string }[]>).map(([k, v]) => [k, v.map((n) => n.id)])) : undefined,
  };
}

/** An inspection event as JSON: actors by session id, snapshots by what they hold, transitions by their nodes. */
export function describeInspection(e: InspectionEvent): string {
  const { type, rootId, actorRef, sourceRef, event, snapshot, action, _transitions, ...rest } = e as unknown as Record<string, unknown>;
  const ref = (a: unknown) => (a ? (a as { sessionId: string }).sessionId : a);
  const ev = event as { snapshot?: unknown } | undefined;
  return JSON.stringify(
    {
      type,
      rootId,
      actorRef: ref(actorRef),
      sourceRef: ref(sourceRef),
      event: ev && { ...ev, snapshot: snapshotJson(ev.snapshot) },
      snapshot: snapshotJson(snapshot),
      action,
      transitions: (_transitions as xstate.AnyTransitionDefinition[] | undefined)?.map((t) => ({
        source: t.source.id,
        target: t.target?.map((n) => n.id),
        eventType: t.eventType,
        reenter: t.reenter,
        actions: t.actions.length,
      })),
      rest: Object.keys(rest),
    },
    (_key, v: unknown) => (typeof v === 'function' ? `function ${v.name}` : v instanceof Error ? `Error: ${v.message}` : v),
  );
}

/** Session ids (`x:N`) renamed by first appearance: each build counts its own. */
export function normalizeSessions(lines: string[]): string[] {
  const ids = new Map<string, number>();
  return lines.map((line) => line.replace(/\bx:\d+\b/g, (id) => {
    if (!ids.has(id)) ids.set(id, ids.size);
    return `session ${ids.get(id)}`;
  }));
}

/**
 * A machine with what inspection reports: an invoked child machine that answers with
 * `sendParent` and ends (`xstate.done.actor`), an invoked callback actor, `sendTo`, `raise`,
 * `emit`, `assign`, `always`, a delay (`after`) and a final state with output.
 */
export function richMachine(lib: XState) {
  const child = lib.createMachine({
    id: 'child',
    initial: 'idle',
    states: {
      idle: { on: { PING: { actions: lib.sendParent({ type: 'PONG' }) }, FINISH: 'done' } },
      done: { type: 'final' },
    },
    output: { ok: true },
  });
  const ticker = lib.fromCallback(({ sendBack, receive }) => {
    receive((e) => {
      if (e.type === 'TICK') sendBack({ type: 'TOCK' });
    });
  });
  type Context = { n: number; log: string[] };
  const note = lib.assign({ log: ({ context, event }: { context: Context; event: { type: string } }) => [...context.log, event.type] });
  return lib.createMachine({
    id: 'rich',
    initial: 'idle',
    context: ({ input }: { input: { n: number } }) => ({ n: input.n, log: [] }),
    invoke: [
      { id: 'kid', src: child, onDone: { target: '.finished', actions: note } },
      { id: 'tick', src: ticker },
    ],
    on: { TICK: { actions: lib.sendTo('tick', { type: 'TICK' }) }, TOCK: { actions: note } },
    states: {
      idle: { entry: note, on: { START: 'working' } },
      working: {
        entry: [lib.sendTo('kid', { type: 'PING' }), lib.raise({ type: 'INNER' }), lib.emit({ type: 'noticed' })],
        on: {
          INNER: { actions: [lib.assign({ n: ({ context }: { context: Context }) => context.n + 1 }), note] },
          PONG: 'checking',
        },
      },
      checking: { always: [{ guard: ({ context }: { context: Context }) => context.n >= 2, target: 'waiting' }, { target: 'working' }] },
      waiting: { after: { 1000: 'finishing' }, exit: note },
      finishing: { entry: lib.sendTo('kid', { type: 'FINISH' }) },
      finished: { type: 'final' },
    },
    output: ({ context }: { context: Context }) => context,
  } as never);
}

/**
 * Drives the rich machine to its end with an inspector attached as `how` says: from the start
 * (`createActor(machine, { inspect })`), subscribed and unsubscribed on the way, or a sender put
 * in place of the system's own. The inspection events received, then the end.
 */
export function driveRich(lib: XState, how: 'option' | 'on and off' | 'sender replaced'): string[] {
  const lines: string[] = [];
  const record = (e: InspectionEvent) => lines.push(describeInspection(e));
  const clock = new lib.SimulatedClock();
  const actor = lib.createActor(richMachine(lib), { input: { n: 0 }, clock, ...(how === 'option' ? { inspect: record as never } : {}) });
  const system = actor.system as unknown as { _sendInspectionEvent: unknown; inspect(o: unknown): { unsubscribe(): void } };
  if (how === 'sender replaced') system._sendInspectionEvent = record;
  actor.on('noticed', (e) => lines.push(`emitted ${e.type}`));
  actor.subscribe({ next: (s) => lines.push(`next ${s.status}`), error: (err) => lines.push(`error ${String(err)}`), complete: () => lines.push('complete') });
  let subscription = how === 'on and off' ? system.inspect(record) : undefined;
  actor.start();
  actor.send({ type: 'TICK' });
  subscription?.unsubscribe(); // this START is seen by nobody
  actor.send({ type: 'START' });
  if (how === 'on and off') subscription = system.inspect(record);
  actor.send({ type: 'TICK' });
  clock.increment(1000);
  subscription?.unsubscribe();
  lines.push(`end ${JSON.stringify(snapshotJson(actor.getSnapshot()))}`);
  return normalizeSessions(lines);
}

/** An actor whose initial context throws: its error, inspected. */
export function driveFailing(lib: XState): string[] {
  const lines: string[] = [];
  const machine = lib.createMachine({ initial: 'a', context: () => { throw new Error('no context'); }, states: { a: {} } } as never);
  const actor = lib.createActor(machine, { inspect: (e) => lines.push(describeInspection(e)) });
  actor.subscribe({ error: (err) => lines.push(`error ${String(err)}`) });
  actor.start();
  lines.push(`end ${JSON.stringify(snapshotJson(actor.getSnapshot()))}`);
  return normalizeSessions(lines);
}

/**
 * The small machine's steps taken with `machine.transition` in an actor scope whose system is
 * not an actor's: one derived from an actor's system with its own sender (as
 * machines/test/model.ts records microsteps), or a bare object with nothing but a sender.
 */
export function walkSmallInScope(lib: XState, kind: 'derived' | 'bare'): string[] {
  const lines: string[] = [];
  const sender = (e: InspectionEvent) => lines.push(describeInspection(e));
  const empty = lib.createEmptyActor();
  const system = kind === 'derived' ? Object.assign(Object.create(empty.system) as object, { _sendInspectionEvent: sender }) : { _sendInspectionEvent: sender };
  const scope = { self: empty, logger: () => {}, id: '', sessionId: 'scope', defer: () => {}, system, stopChild: () => {}, emit: () => {}, actionExecutor: () => {} } as never;
  const machine = lib.createMachine(smallConfig as never, { actions: { inc: lib.assign({ count: ({ context }: { context: { count: number } }) => context.count + 1 }) as never } });
  let snapshot = machine.getInitialSnapshot(scope, undefined);
  for (const [event] of SMALL_STEPS.slice(1)) {
    snapshot = machine.transition(snapshot, { type: event }, scope);
    lines.push(`at ${JSON.stringify(snapshot.value)}`);
  }
  return normalizeSessions(lines);
}
