/**
 * The journey machine, patched and not, driven by the same random events: every snapshot alike,
 * also across an actor persisted, stopped and restored (as the simulator's sleeping applicants
 * are), and every inspection event alike for the applicants with an inspector.
 */
import { describe, expect, it, vi } from 'vitest';
import * as xstate from 'xstate';
import { journeyMachine } from '../../machines';
import { createPopulation } from '../../sim/population';
import { RandomStreams } from '../../sim/random';
import { load, pkg, useReference } from './builds';
import { describeInspection, normalizeSessions, type InspectionEvent } from './inspection';

const refRoot = useReference();

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
    const { journeyMachine: referenceMachine } = await import('../../machines');
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

