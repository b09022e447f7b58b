/**
 * XState carries a patch, patches/xstate+5.33.3.patch, applied by patch-package when `npm
 * install` or `npm ci` runs (docs/scaling.md, "The XState patch"): fast paths in its per-actor
 * and per-event work, made in two rounds. These tests fail when the patch is missing from any of
 * the four builds in xstate's dist (cjs, esm, and their development variants; vitest loads the
 * development cjs, tsx the cjs), and check that the patched builds take the same steps as xstate
 * without the patch: the patch reversed in a temporary copy of dist is the reference. Compared on
 * a small machine with parallel states, history, `always` and tags (against hand-written values
 * too), on the journey machine driven at random (persisted and restored on the way), and on the
 * inspection events an inspector receives.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import * as xstate from 'xstate';
import { journeyMachine } from '../machines';
import { createPopulation } from '../sim/population';
import { RandomStreams } from '../sim/random';

type XState = typeof xstate;
const require = createRequire(import.meta.url);
const pkg = dirname(require.resolve('xstate/package.json'));
const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string };
const patchFile = join(import.meta.dirname, '..', 'patches', `xstate+${version}.patch`);

/** The patch's hunks by file (relative to the package), each as the text before and after. */
function hunksByFile(patch: string): Map<string, { before: string; after: string }[]> {
  const files = new Map<string, { before: string; after: string }[]>();
  let hunks: { before: string[]; after: string[] }[] | undefined;
  const close = (file: string | undefined) => {
    if (file && hunks) files.set(file, hunks.map((h) => ({ before: h.before.join('\n'), after: h.after.join('\n') })));
  };
  let file: string | undefined;
  for (const line of patch.replace(/\n$/, '').split('\n')) {
    const header = /^diff --git a\/node_modules\/xstate\/(\S+) /.exec(line);
    if (header) {
      close(file);
      file = header[1];
      hunks = [];
    } else if (line.startsWith('@@')) {
      hunks!.push({ before: [], after: [] });
    } else if (hunks?.length) {
      const hunk = hunks[hunks.length - 1]!;
      if (line.startsWith(' ') || line === '') {
        hunk.before.push(line.slice(1));
        hunk.after.push(line.slice(1));
      } else if (line.startsWith('-')) hunk.before.push(line.slice(1));
      else if (line.startsWith('+')) hunk.after.push(line.slice(1));
    }
  }
  close(file);
  return files;
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;
const patch = hunksByFile(readFileSync(patchFile, 'utf8'));

// The reference: dist copied with every hunk reversed.
const refRoot = mkdtempSync(join(tmpdir(), 'xstate-unpatched-'));
cpSync(join(pkg, 'dist'), join(refRoot, 'dist'), { recursive: true });
for (const [file, hunks] of patch) {
  let text = readFileSync(join(refRoot, file), 'utf8');
  for (const { before, after } of hunks) text = text.replace(after, () => before);
  writeFileSync(join(refRoot, file), text);
}
afterAll(() => rmSync(refRoot, { recursive: true, force: true }));

const BUILDS = ['xstate.cjs.js', 'xstate.development.cjs.js', 'xstate.esm.js', 'xstate.development.esm.js'];
const load = async (root: string, build: string): Promise<XState> =>
  (build.includes('.cjs.') ? require(join(root, 'dist', build)) : await import(join(root, 'dist', build))) as XState;

describe('the patch is applied', () => {
  it('covers the four builds of the core (raise-*.js and StateMachine-*.js of each)', () => {
    const files = [...patch.keys()];
    expect(files.filter((f) => /^dist\/raise-[0-9a-f]+\.(development\.)?(cjs|esm)\.js$/.test(f))).toHaveLength(4);
    expect(files.filter((f) => /^dist\/StateMachine-[0-9a-f]+\.(development\.)?(cjs|esm)\.js$/.test(f))).toHaveLength(4);
  });

  it.each([...patch.keys()])('%s holds every hunk of the patch', (file) => {
    const text = readFileSync(join(pkg, file), 'utf8');
    for (const { after } of patch.get(file)!) expect(occurrences(text, after), `a hunk of ${file} is missing: run npm install`).toBe(1);
    // And the reference really is xstate without it.
    const reference = readFileSync(join(refRoot, file), 'utf8');
    for (const { before, after } of patch.get(file)!) {
      expect(occurrences(reference, before)).toBe(1);
      if (!before.includes(after)) expect(occurrences(reference, after)).toBe(0);
    }
  });

  it.each(BUILDS)('%s behaves as patched: a shared frozen state value, shared empty tags', async (build) => {
    const { createActor, createMachine } = await load(pkg, build);
    const actor = createActor(createMachine({ initial: 'a', context: { n: 0 }, states: { a: { initial: 'b', states: { b: { on: { BUMP: { actions: () => {} } } } } } } })).start();
    const first = actor.getSnapshot();
    actor.send({ type: 'BUMP' });
    const second = actor.getSnapshot();
    expect(second.value).toEqual({ a: 'b' });
    expect(Object.isFrozen(first.value)).toBe(true);
    expect(second.value).toBe(first.value);
    expect(second.tags).toBe(first.tags);
    expect(() => first.tags.add('x' as never)).toThrow(TypeError);
    expect(first.hasTag('x' as never)).toBe(false);
  });

  // Round 2: a marker of each of its fast paths, in every build (each hunk is checked whole above).
  const ROUND_2: Record<'raise' | 'StateMachine', string[]> = {
    raise: [
      // Inspection events built only when something would receive them.
      'function isInspected(system) {',
      '_uninspectedSender: sendInspectionEvent,',
      // An actor's creation: its options, the initial transition, the pre-initial snapshot's value.
      'Object.assign({}, defaultOptions, options)',
      'const initialTransitionByRoot = new WeakMap();',
      'const stateValueOfRootAlone = new WeakMap();',
      // A microstep's allocations.
      'const transitionActions = filteredTransitions.length === 1',
      'if (enabledTransitions.length === 1) {',
      'function sortByDocumentOrder(nodes, reverse) {',
      'const invokeDefs = stateNodeToEnter.invoke;',
      'let completedNodes;',
      'const historyNodesCache = new WeakMap();',
      'if (s.invoke.length) {',
      'if (transition.target.length === 1 && !isHistoryNode(transition.target[0])) {',
      "status: 'status' in config ? config.status : snapshot.status,",
    ],
    StateMachine: [
      // An actor's creation: no fallback snapshot unless there is an error.
      'snapshot ??= ',
    ],
  };
  it.each([...patch.keys()])('%s holds round 2 of the patch', (file) => {
    const text = readFileSync(join(pkg, file), 'utf8');
    const reference = readFileSync(join(refRoot, file), 'utf8');
    for (const marker of ROUND_2[file.includes('/raise-') ? 'raise' : 'StateMachine']) {
      expect(occurrences(text, marker), `${marker} in ${file}`).toBe(1);
      expect(occurrences(reference, marker), `${marker} in the reference`).toBe(0);
    }
  });

  it.each(BUILDS)('%s behaves as patched: a system knows whether it is inspected', async (build) => {
    const { createActor, createMachine } = await load(pkg, build);
    type System = { _sendInspectionEvent: unknown; _uninspectedSender: unknown; inspect(o: () => void): { unsubscribe(): void } };
    const machine = createMachine({ initial: 'a', states: { a: {} } });
    const { system } = createActor(machine) as unknown as { system: System };
    expect(system._uninspectedSender).toBe(system._sendInspectionEvent);
    const first = system.inspect(() => {});
    const second = system.inspect(() => {});
    expect(system._uninspectedSender).toBeUndefined();
    first.unsubscribe();
    expect(system._uninspectedSender).toBeUndefined();
    second.unsubscribe();
    expect(system._uninspectedSender).toBe(system._sendInspectionEvent);
    const inspected = createActor(machine, { inspect: () => {} }) as unknown as { system: System };
    expect(inspected.system._uninspectedSender).toBeUndefined();
  });

  it.each(BUILDS)("%s behaves as patched: a machine's pre-initial value is computed once, shared", async (build) => {
    const { createMachine } = await load(pkg, build);
    const machine = createMachine({ initial: 'a', states: { a: { initial: 'b', states: { b: {} } } } });
    const preInitial = () => (machine as unknown as { _getPreInitialState(...a: unknown[]): { value: unknown } })._getPreInitialState(undefined, { type: 'xstate.init' }, []).value;
    expect(preInitial()).toEqual({ a: 'b' });
    expect(Object.isFrozen(preInitial())).toBe(true);
    expect(preInitial()).toBe(preInitial());
  });

  it('is the build this test suite runs on', () => {
    const actor = xstate.createActor(xstate.createMachine({ initial: 'a', states: { a: {} } })).start();
    expect(Object.isFrozen(actor.getSnapshot().tags)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// A small machine with what the fast paths set aside: parallel regions, deep history, `always`
// (guarded on context), tags, a final state.

const smallConfig = {
  id: 'small',
  initial: 'idle',
  context: { count: 0 },
  states: {
    idle: { tags: ['resting'], on: { GO: 'work' } },
    work: {
      initial: 'prepare',
      on: { PAUSE: '#small.paused' },
      states: {
        prepare: { always: { guard: ({ context }: { context: { count: number } }) => context.count >= 1, target: 'run' } },
        run: {
          type: 'parallel',
          states: {
            left: { initial: 'a', states: { a: { on: { STEP: 'b' } }, b: { tags: ['left-done'], on: { STEP: 'a' } } } },
            right: { initial: 'x', states: { x: { on: { STEP: 'y' } }, y: { type: 'final' } } },
          },
        },
        hist: { type: 'history', history: 'deep' },
      },
    },
    paused: { tags: ['resting'], on: { RESUME: 'work.hist', STOP: 'done' } },
    done: { type: 'final' },
  },
  on: { INC: { actions: 'inc' } },
} as const;

const RUN = (left: string, right: string) => ({ work: { run: { left, right } } });
/** The small machine's events and, after each, its value, tags and status, worked out by hand. */
const SMALL_STEPS: [string, unknown, string[], string][] = [
  ['', 'idle', ['resting'], 'active'],
  ['GO', { work: 'prepare' }, [], 'active'],
  ['STEP', { work: 'prepare' }, [], 'active'],
  ['INC', RUN('a', 'x'), [], 'active'], // `always` leaves prepare once count is 1
  ['STEP', RUN('b', 'y'), ['left-done'], 'active'],
  ['PAUSE', 'paused', ['resting'], 'active'],
  ['RESUME', RUN('b', 'y'), ['left-done'], 'active'], // deep history restores both regions
  ['STEP', RUN('a', 'y'), [], 'active'],
  ['INC', RUN('a', 'y'), [], 'active'],
  ['PAUSE', 'paused', ['resting'], 'active'],
  ['RESUME', RUN('a', 'y'), [], 'active'],
  ['PAUSE', 'paused', ['resting'], 'active'],
  ['STOP', 'done', [], 'done'],
];

function walkSmall(lib: XState) {
  const machine = lib.createMachine(smallConfig as never, { actions: { inc: lib.assign({ count: ({ context }: { context: { count: number } }) => context.count + 1 }) as never } });
  const actor = lib.createActor(machine).start();
  return SMALL_STEPS.map(([event]) => {
    if (event) actor.send({ type: event });
    const s = actor.getSnapshot();
    return {
      value: s.value,
      tags: [...s.tags].sort(),
      hasTags: ['resting', 'left-done'].filter((t) => s.hasTag(t)),
      status: s.status,
      context: s.context,
      persisted: JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as unknown,
    };
  });
}

describe.each(BUILDS)('%s, patched, on a small machine', (build) => {
  it('takes the steps worked out by hand', async () => {
    const steps = walkSmall(await load(pkg, build));
    SMALL_STEPS.forEach(([event, value, tags, status], i) => {
      expect(steps[i]!.value, `after ${event || 'start'}`).toEqual(value);
      expect(steps[i]!.tags, `after ${event || 'start'}`).toEqual(tags);
      expect(steps[i]!.hasTags, `after ${event || 'start'}`).toEqual(tags);
      expect(steps[i]!.status, `after ${event || 'start'}`).toBe(status);
    });
    expect(steps.at(-1)!.context).toEqual({ count: 2 });
  });

  it('takes the same steps as the build without the patch', async () => {
    expect(walkSmall(await load(pkg, build))).toEqual(walkSmall(await load(refRoot, build)));
  });
});

// ---------------------------------------------------------------------------------------------
// Inspection. Round 2 builds an inspection event only when something would receive it: an
// observer of the system, or a sender put in place of the system's own (as machines/test/model.ts
// does). Whoever inspects must receive every event they did before, in the same order, alike.

type InspectionEvent = xstate.InspectionEvent;

/** A snapshot by what it holds (any actor's: a machine's, a callback's). */
function snapshotJson(snapshot: unknown) {
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
function describeInspection(e: InspectionEvent): string {
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
function normalizeSessions(lines: string[]): string[] {
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
function richMachine(lib: XState) {
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
function driveRich(lib: XState, how: 'option' | 'on and off' | 'sender replaced'): string[] {
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
function driveFailing(lib: XState): string[] {
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
function walkSmallInScope(lib: XState, kind: 'derived' | 'bare'): string[] {
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

describe.each(BUILDS)('%s, patched, inspected', (build) => {
  it.each(['option', 'on and off', 'sender replaced'] as const)('an inspector (%s) receives every event it did without the patch', async (how) => {
    const patched = driveRich(await load(pkg, build), how);
    expect(patched).toEqual(driveRich(await load(refRoot, build), how));
    // Not vacuous: the machine ran to its end, and the inspector saw every kind of event (the
    // actors are created before an inspector other than the option's is there).
    expect(patched.at(-1)).toContain('"status":"done"');
    for (const type of [...(how === 'option' ? ['@xstate.actor'] : []), '@xstate.event', '@xstate.snapshot', '@xstate.microstep', '@xstate.action']) {
      expect(patched.some((line) => line.includes(`"type":"${type}"`)), type).toBe(true);
    }
  });

  it('an inspector subscribed on and off sees nothing while off', async () => {
    const lines = driveRich(await load(pkg, build), 'on and off');
    expect(lines.some((line) => line.includes('"type":"START"'))).toBe(false);
    expect(lines.filter((line) => line.includes('"type":"TICK"')).length).toBeGreaterThan(0);
  });

  it('an actor failing at its start is inspected alike', async () => {
    const patched = driveFailing(await load(pkg, build));
    expect(patched).toEqual(driveFailing(await load(refRoot, build)));
    expect(patched.at(-1)).toContain('"status":"error"');
  });

  it.each(['derived', 'bare'] as const)("a scope's own sender (%s system) receives every microstep", async (kind) => {
    const patched = walkSmallInScope(await load(pkg, build), kind);
    expect(patched).toEqual(walkSmallInScope(await load(refRoot, build), kind));
    expect(patched.filter((line) => line.includes('"type":"@xstate.microstep"')).length).toBeGreaterThanOrEqual(SMALL_STEPS.length - 2);
  });
});

// ---------------------------------------------------------------------------------------------
// The journey machine, patched and not, driven by the same random events: every snapshot alike,
// also across an actor persisted, stopped and restored (as the simulator's sleeping applicants
// are), and every inspection event alike for the applicants with an inspector.

/** Outcomes named by guards (`{ type: 'outcome', params: { is } }`, also inside `and`). */
function outcomesIn(guard: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(guard)) {
    for (const g of guard) outcomesIn(g, into);
    return into;
  }
  if (!guard || (typeof guard !== 'object' && typeof guard !== 'function')) return into;
  const g = guard as { type?: unknown; params?: { is?: unknown }; guards?: unknown[] };
  if (g.type === 'outcome' && typeof g.params?.is === 'string') into.add(g.params.is);
  for (const inner of g.guards ?? []) outcomesIn(inner, into);
  return into;
}

interface Node { id: string; path: string[]; ownEvents: string[]; transitions: Map<string, { guard?: unknown }[]> }
const nodesOf = (snapshot: unknown) => (snapshot as { _nodes: Node[] })._nodes;

/** A seeded choice in [0, n). */
function chooser(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

function observe(snapshot: xstate.AnyMachineSnapshot, actor: xstate.AnyActor) {
  const history = Object.fromEntries(Object.entries(snapshot.historyValue as Record<string, { id: string }[]>).map(([k, v]) => [k, v.map((n) => n.id)]));
  return {
    value: snapshot.value,
    status: snapshot.status,
    context: snapshot.context,
    output: snapshot.output,
    tags: [...snapshot.tags].sort(),
    history,
    persisted: JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as unknown,
  };
}

describe('the journey machine', () => {
  it('takes the same steps patched as without the patch, event by event', async () => {
    const reference = (await load(refRoot, 'xstate.development.cjs.js'));
    vi.resetModules();
    vi.doMock('xstate', () => reference);
    const { journeyMachine: referenceMachine } = await import('../machines');
    vi.doUnmock('xstate');
    vi.resetModules();
    expect(referenceMachine).not.toBe(journeyMachine);

    const population = createPopulation({ rng: new RandomStreams(7).stream('population'), size: 400, staleRate: 0.1 });
    const allNodes = (node: xstate.AnyStateNode): xstate.AnyStateNode[] => [node, ...Object.values(node.states).flatMap(allNodes)];
    const allOutcomes = [...allNodes(journeyMachine.root).reduce((set, n) => outcomesIn((n.transitions.get('ANSWER') ?? []).map((t) => t.guard), set), new Set<string>())];
    const clock = () => {
      let id = 0;
      return { setTimeout: () => ++id, clearTimeout: () => {} };
    };
    let events = 0;
    let restored = 0;
    let revived = 0;
    let inspected = 0;
    const ends = new Set<string>();
    const seen = new Set<string>();
    for (let i = 0; i < population.size; i += 1) {
      const choose = chooser(i + 1);
      const input = { persona: population.applicantAt(i).persona };
      // One applicant in four has an inspector, on both sides.
      const lines = { patched: [] as string[], unpatched: [] as string[] };
      const options = (side: keyof typeof lines, snapshot?: xstate.Snapshot<unknown>) => ({
        input,
        clock: clock(),
        ...(snapshot ? { snapshot } : {}),
        ...(i % 4 === 0 ? { inspect: (e: InspectionEvent) => lines[side].push(describeInspection(e)) } : {}),
      });
      let patched: xstate.AnyActor = xstate.createActor(journeyMachine as xstate.AnyStateMachine, options('patched')).start();
      let unpatched: xstate.AnyActor = reference.createActor(referenceMachine as xstate.AnyStateMachine, options('unpatched')).start();
      expect(observe(patched.getSnapshot(), patched)).toEqual(observe(unpatched.getSnapshot(), unpatched));
      for (let step = 0; step < 120 && patched.getSnapshot().status === 'active'; step += 1) {
        const nodes = nodesOf(patched.getSnapshot());
        // Mostly forward (a step's first event and first outcome are its happy path), often not.
        const deepest = nodes.reduce((a, b) => (b.path.length > a.path.length ? b : a));
        const types = [...new Set(nodes.flatMap((n) => n.ownEvents))];
        const type = (choose(10) < 6 ? deepest.ownEvents[0] : undefined) ?? types[choose(types.length)]!;
        let event: xstate.AnyEventObject = { type };
        if (type === 'ANSWER') {
          const here = [...nodes.reduce((set, n) => { for (const t of n.transitions.get('ANSWER') ?? []) outcomesIn(t.guard, set); return set; }, new Set<string>())];
          const roll = choose(20);
          const outcome = roll === 0 ? 'NOTHING_THE_MACHINE_KNOWS' : roll === 1 ? allOutcomes[choose(allOutcomes.length)] : roll < 12 ? here[0] : here[choose(here.length)];
          event = { type, outcome: outcome ?? 'ok' };
        }
        const before = new Set(nodes.map((n) => n.id));
        const remembered = Object.values(observe(patched.getSnapshot(), patched).history);
        patched.send(event);
        unpatched.send(event);
        events += 1;
        const now = observe(patched.getSnapshot(), patched);
        expect(now, `applicant ${i}, step ${step}: ${JSON.stringify(event)}`).toEqual(observe(unpatched.getSnapshot(), unpatched));
        seen.add(JSON.stringify(now.value));
        const after = new Set(nodesOf(patched.getSnapshot()).map((n) => n.id));
        if (remembered.some((ids) => ids.length && ids.every((id) => !before.has(id) && after.has(id)))) restored += 1;
        // Now and then persisted, stopped and restored into a new actor, on both sides.
        if (patched.getSnapshot().status === 'active' && choose(8) === 0) {
          const persisted = { patched: patched.getPersistedSnapshot(), unpatched: unpatched.getPersistedSnapshot() };
          expect(JSON.parse(JSON.stringify(persisted.patched))).toEqual(JSON.parse(JSON.stringify(persisted.unpatched)));
          patched.stop();
          unpatched.stop();
          patched = xstate.createActor(journeyMachine as xstate.AnyStateMachine, options('patched', persisted.patched)).start();
          unpatched = reference.createActor(referenceMachine as xstate.AnyStateMachine, options('unpatched', persisted.unpatched)).start();
          expect(observe(patched.getSnapshot(), patched), `applicant ${i}, restored at step ${step}`).toEqual(observe(unpatched.getSnapshot(), unpatched));
          revived += 1;
        }
      }
      ends.add(String(patched.getSnapshot().value));
      patched.stop();
      unpatched.stop();
      if (i % 4 === 0) {
        expect(normalizeSessions(lines.patched), `applicant ${i}'s inspection`).toEqual(normalizeSessions(lines.unpatched));
        inspected += lines.patched.length;
      }
    }
    // The walk is not vacuous: many events and states, history restored, actors restored,
    // inspection events seen, several final states.
    expect(events).toBeGreaterThan(2000);
    expect(seen.size).toBeGreaterThan(20);
    expect(restored).toBeGreaterThan(0);
    expect(revived).toBeGreaterThan(100);
    expect(inspected).toBeGreaterThan(2000);
    expect(ends.size).toBeGreaterThan(2);
  });
});
