/**
 * Coverage and test targets over the traversals of model.ts: which states and transitions the
 * paths reach, the path to each state and to each step × outcome, and how to read a path.
 */
import type { AnyMachineSnapshot, AnyStateMachine, AnyStateNode } from 'xstate';
import { coverableNodes, edgeKey, guardsOf, MACHINES, stateNodes, type GraphEvent, type JourneyPath, type Step, type Traversal } from './model';

/** What a path's last step did (the initial macrostep for a path of none). */
function lastStep(t: Traversal, path: JourneyPath): Step {
  const { steps } = path;
  if (steps.length < 2) return t.initial;
  return t.edges.get(edgeKey(t.serialize(steps[steps.length - 2]!.state), steps[steps.length - 1]!.event))!.did;
}

// ---------------------------------------------------------------------------------------------
// Coverage.

/** Every transition definition of a machine: each event's list (delays included) and the eventless ones. */
export function allTransitions(machine: AnyStateMachine): unknown[] {
  return stateNodes(machine).concat(machine.root).flatMap((n) => [...n.transitions.values()].flat().concat(n.always ?? []));
}

export interface Coverage {
  machine: string;
  states: { reached: number; total: number; missing: string[] };
  transitions: { taken: number; total: number; missing: string[] };
}

/** What a transition looks like in a report: source, event and guard, target. */
export function describeTransition(t: any): string {
  const guard = guardsOf(t.guard).map((g) => (g.type === 'outcome' ? String(g.params?.is) : g.type)).join(' & ');
  const event = t.eventType === 'WAKE' ? `after ${waitOf(t.source)}` : String(t.eventType || 'always');
  const targets = (t.target ?? []).map((n: AnyStateNode) => n.path.join('.')).join(',');
  return `${t.source.path.join('.')} --${event}${guard ? ` [${guard}]` : ''}--> ${targets || '(self)'}`;
}

/** States reached (transient ones included) and transitions taken over a machine's traversals. */
export function coverage(machineName: string, traversals: Traversal[]): Coverage {
  const machine = MACHINES[machineName]!;
  const reached = new Set<AnyStateNode>();
  const taken = new Set<unknown>();
  const add = (did: Step) => {
    for (const n of did.nodes) reached.add(n);
    for (const t of did.transitions) taken.add(t);
  };
  for (const t of traversals.filter((x) => x.machine === machineName)) {
    add(t.initial);
    for (const edge of t.edges.values()) add(edge.did);
  }
  const nodes = coverableNodes(machine);
  const all = allTransitions(machine);
  return {
    machine: machineName,
    states: { reached: nodes.filter((n) => reached.has(n)).length, total: nodes.length, missing: nodes.filter((n) => !reached.has(n)).map((n) => n.id) },
    transitions: { taken: all.filter((t) => taken.has(t)).length, total: all.length, missing: all.filter((t) => !taken.has(t)).map(describeTransition) },
  };
}

// ---------------------------------------------------------------------------------------------
// Paths to test.

export interface Target {
  machine: string;
  /** What the path is for: a state node's path below the root, or a transition. */
  node: string;
  persona: string;
  path: JourneyPath;
}

const forMachine = (traversals: Traversal[], name: string) => traversals.filter((x) => x.machine === name);

/**
 * For each state node (history excluded), the shortest path that ends with it active or passed
 * through, over all personas (the first persona wins a tie, so the plain ones are preferred).
 */
export function targets(traversals: Traversal[], exclude: (path: JourneyPath) => boolean = () => false): Target[] {
  const out: Target[] = [];
  for (const [machineName, machine] of Object.entries(MACHINES)) {
    const candidates = forMachine(traversals, machineName)
      .flatMap((t) => [...t.paths.values()].map((path) => ({ t, path })))
      .filter(({ path }) => !exclude(path))
      .sort((a, b) => a.path.steps.length - b.path.steps.length);
    const best = new Map<AnyStateNode, Target>();
    const remaining = new Set(coverableNodes(machine));
    for (const { t, path } of candidates) {
      if (remaining.size === 0) break;
      for (const node of lastStep(t, path).nodes) {
        if (!remaining.delete(node)) continue;
        best.set(node, { machine: machineName, node: node.path.join('.'), persona: t.persona, path });
      }
    }
    for (const node of coverableNodes(machine)) {
      const target = best.get(node);
      if (target) out.push(target);
    }
  }
  return out;
}

/** The portal answers a path asks for: `step → outcome` for each ANSWER along it. */
export function answersAlong(path: JourneyPath): Set<string> {
  return new Set(eventsAlong(path).flatMap(({ event, step }) => (event.type === 'ANSWER' ? [`${step} → ${event.outcome}`] : [])));
}

/** The shortest path that asks for `outcome` (of some step), paths matching `exclude` left out. */
export function shortestAnswerTarget(traversals: Traversal[], outcome: string, exclude: (path: JourneyPath) => boolean): Target {
  return answerTargets(traversals, { exclude, skip: (o) => o !== outcome }).sort((a, b) => a.path.steps.length - b.path.steps.length)[0]!;
}

/**
 * For each answer of the portal the graph holds (a step and an outcome: one behaviour of the
 * stub, whatever the guards then make of it), the shortest path that ends with it; then only
 * the paths that ask for an answer no path kept so far (nor in `already`) asks for, longest
 * first, since a path checks every answer along it. `skip` answers are not asked for.
 */
export function answerTargets(traversals: Traversal[], options: { exclude?: (path: JourneyPath) => boolean; already?: Target[]; skip?: (outcome: string) => boolean } = {}): Target[] {
  const { exclude = () => false, already = [], skip = () => false } = options;
  const out: Target[] = [];
  for (const machineName of Object.keys(MACHINES)) {
    const best = new Map<string, Target>();
    for (const t of forMachine(traversals, machineName)) {
      for (const edge of t.edges.values()) {
        if (edge.event.type !== 'ANSWER' || skip(edge.event.outcome)) continue;
        const answer = `${requestOf(edge.from)?.step} → ${edge.event.outcome}`;
        const head = t.paths.get(edge.fromKey)!;
        const current = best.get(answer);
        if (current && current.path.steps.length <= head.steps.length + 1) continue;
        const path: JourneyPath = { state: edge.to, weight: head.weight + 1, steps: [...head.steps, { state: edge.to, event: edge.event }] };
        if (!exclude(path)) best.set(answer, { machine: machineName, node: answer, persona: t.persona, path });
      }
    }
    const asked = new Set(already.filter((x) => x.machine === machineName).flatMap((x) => [...answersAlong(x.path)]));
    for (const target of [...best.values()].sort((a, b) => b.path.steps.length - a.path.steps.length)) {
      const answers = answersAlong(target.path);
      if ([...answers].every((x) => asked.has(x))) continue;
      for (const x of answers) asked.add(x);
      out.push(target);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading paths.

/** The portal step a snapshot waits on: the `request` its active state made on entry. */
export function requestOf(snapshot: AnyMachineSnapshot): { op: string; step: string } | undefined {
  for (const node of snapshot._nodes as AnyStateNode[]) {
    for (const action of node.entry as { type?: string; params?: { op: string; step: string } }[]) {
      if (action?.type === 'request' && action.params) return action.params;
    }
  }
  return undefined;
}

/** A path's events, one per step after the initial one, with the portal step each answer is for. */
export function eventsAlong(path: JourneyPath): { event: GraphEvent; step?: string; state: AnyMachineSnapshot; before: AnyMachineSnapshot }[] {
  return path.steps.slice(1).map((s, i) => {
    const before = path.steps[i]!.state;
    return { event: s.event, state: s.state, before, ...(s.event.type === 'ANSWER' ? { step: requestOf(before)?.step } : {}) };
  });
}

/** A path in a line: `ok(smsCode) > NEXT > after formDelay > …`. */
export function describePath(path: JourneyPath): string {
  const text = ({ event, step, before }: ReturnType<typeof eventsAlong>[number]) =>
    event.type === 'ANSWER' ? `${event.outcome}(${step})`
      : event.type === 'WAKE' ? `after ${(before._nodes as AnyStateNode[]).map(waitOf).find(Boolean)}` : event.type;
  return eventsAlong(path).map(text).join(' > ') || '(initial state)';
}

/** The wait a state declares (its `wait` entry action), if it is one. */
export function waitOf(node: AnyStateNode): string | undefined {
  for (const action of node.entry as { type?: string; params?: { delay?: string } }[]) {
    if (action?.type === 'wait') return action.params?.delay;
  }
  return undefined;
}
