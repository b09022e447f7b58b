/**
 * The journey machines as graphs: which events each state can take (read from the machine
 * itself), the personas whose traversals together reach every state, the shortest path to
 * each state, and state and transition coverage. Shared by the model tests and the report.
 */
import { createEmptyActor, type AnyMachineSnapshot, type AnyStateMachine, type AnyStateNode } from 'xstate';
import { getShortestPaths, type StatePath } from 'xstate/graph';
import { certificateQueryMachine, journeyMachine, type JourneyEvent, type Persona } from '../index';

// ---------------------------------------------------------------------------------------------
// Personas for the traversal: patience of one retry and budgets of one keep the graph finite.

const base: Persona = {
  hasAccount: false, accountBefore2019: false, forgotPassword: false, resetMethod: 'sms', wechatBound: false, codeChannel: 'sms',
  typoRate: 0, wrongPasswordRate: 0, captchaMissRate: 0, photoCompliance: 1, photoFaults: { tooLarge: 1, tooSmall: 0, tooWide: 0, tooNarrow: 0, tooTall: 0, notJpeg: 0 }, leaveWizardRate: 0, disagreeRate: 0,
  patience: { retries: 1, waitDays: 1, reviewChecks: 1, statusChecks: 1, answerSeconds: 1, pressAgain: 1 },
  thinkTimeSeconds: { kind: 'constant', value: 5 }, minThinkSeconds: 1, checkEveryDays: 2, comeBackAfterMinutes: 10, pressAgainSeconds: 3, preferredHours: [10],
  staleRecord: false, handAddedCertificate: false,
};
const persona = (over: Partial<Persona>): Persona => ({ ...base, ...over });

/** The personas traversed: together they reach every state of both machines. */
export const PERSONAS: Record<string, Persona> = {
  'new, SMS code': persona({}),
  'new, WeChat code': persona({ codeChannel: 'wechat' }),
  'account, forgot password, email reset': persona({ hasAccount: true, forgotPassword: true, resetMethod: 'email' }),
  'account, forgot password, SMS reset': persona({ hasAccount: true, forgotPassword: true, resetMethod: 'sms' }),
  'account, forgot password, WeChat reset': persona({ hasAccount: true, forgotPassword: true, resetMethod: 'wechat', wechatBound: true }),
  'account from before 2019': persona({ hasAccount: true, accountBefore2019: true, forgotPassword: true }),
  'account, pre-2008 certificate added by hand': persona({ hasAccount: true, handAddedCertificate: true }),
};

/**
 * Where each persona's traversal goes (state paths below the root). The first persona goes
 * everywhere; each other one only where it behaves differently: guards read its persona only
 * in the account phase (channel, reset method) and in the wizard (hand-added certificate).
 * Past its region a persona's graph is the first persona's, so it is not explored again;
 * the coverage test checks that together they still reach every state.
 */
const REGIONS: Record<string, string[]> = {
  'new, WeChat code': ['active.account.register'],
  'account, forgot password, email reset': ['active.account.signIn', 'active.account.reset'],
  'account, forgot password, SMS reset': ['active.account.signIn', 'active.account.reset'],
  'account, forgot password, WeChat reset': ['active.account.signIn', 'active.account.reset'],
  'account from before 2019': ['active.account.signIn', 'active.account.reset'],
  'account, pre-2008 certificate added by hand': ['active.account.signIn', 'active.registration'],
};

export const MACHINES: Record<string, AnyStateMachine> = { journey: journeyMachine, 'certificate query': certificateQueryMachine };

// ---------------------------------------------------------------------------------------------
// Events, read from the machine: the outcomes its ANSWER guards name, and the page events.

type Guard = unknown;

/** The outcomes a guard tests (`{ type: 'outcome', params: { is } }`, also inside `and([...])`). */
export function outcomesOf(guard: Guard): string[] {
  if (!guard) return [];
  if (typeof guard === 'function') return ((guard as { guards?: Guard[] }).guards ?? []).flatMap(outcomesOf);
  const g = guard as { type?: string; params?: { is?: string } };
  return g.type === 'outcome' && typeof g.params?.is === 'string' ? [g.params.is] : [];
}

const PAGE_EVENTS = ['NEXT', 'LEAVE', 'DISAGREE'] as const;

export type GraphEvent = JourneyEvent;

/**
 * The events a state node takes itself (not its ancestors): an ANSWER per outcome its guards
 * name, the page events it handles, and WAKE if it waits.
 */
export function ownEvents(node: AnyStateNode): GraphEvent[] {
  const events: GraphEvent[] = [];
  const answers = node.transitions.get('ANSWER') ?? [];
  for (const outcome of new Set(answers.flatMap((t) => outcomesOf(t.guard)))) events.push({ type: 'ANSWER', outcome });
  for (const type of PAGE_EVENTS) if (node.transitions.has(type)) events.push({ type });
  if (node.transitions.has('WAKE')) events.push({ type: 'WAKE' });
  return events;
}

/** The events of a snapshot: those of every active state node. */
export const eventsOf = (snapshot: AnyMachineSnapshot): GraphEvent[] => snapshot._nodes.flatMap(ownEvents);

// ---------------------------------------------------------------------------------------------
// State identity for the traversal.

/** Every state node below the root, in document order. */
export function stateNodes(machine: AnyStateMachine): AnyStateNode[] {
  const out: AnyStateNode[] = [];
  const walk = (node: AnyStateNode) => {
    for (const child of Object.values(node.states) as AnyStateNode[]) {
      out.push(child);
      walk(child);
    }
  };
  walk(machine.root);
  return out;
}

/** The state nodes a test must reach: all but history pseudo-states. */
export const coverableNodes = (machine: AnyStateMachine) => stateNodes(machine).filter((n) => n.type !== 'history');

/** The guards a guard combines (`and([...])`), each as `{ type, params }`; a named guard is `{ type }`. */
export const guardsOf = (guard: Guard): { type?: string; params?: Record<string, unknown> }[] =>
  !guard ? [] : typeof guard === 'function' ? ((guard as { guards?: Guard[] }).guards ?? []).flatMap(guardsOf) : typeof guard === 'string' ? [{ type: guard }] : [guard as { type?: string }];

/** The retry counters each top-level phase reads (`triesLeft` guards), from the machine. */
function countersByPhase(machine: AnyStateMachine): Map<AnyStateNode, Set<string>> {
  const phases = new Map<AnyStateNode, Set<string>>();
  const active = machine.root.states.active as AnyStateNode | undefined;
  const tops = (active ? Object.values(active.states) : []) as AnyStateNode[];
  for (const phase of tops.length > 0 && tops.some((t) => Object.keys(t.states).length > 0) ? tops : [active!]) {
    const counters = new Set<string>();
    const walk = (node: AnyStateNode) => {
      const transitions = [...node.transitions.values()].flat().concat(node.always ?? []);
      for (const t of transitions) for (const g of guardsOf(t.guard)) if (g.type === 'triesLeft') counters.add(String(g.params?.step));
      for (const child of Object.values(node.states) as AnyStateNode[]) walk(child);
    };
    walk(phase);
    phases.set(phase, counters);
  }
  return phases;
}

/**
 * A snapshot's identity: its state, the history it would resume, and the retry counters that
 * can still matter. Phases run in order and never return to an earlier one, so counters read
 * only by earlier phases are dead; dropping them keeps the graph small without merging states
 * that behave differently. ('portal' counts failures anywhere and is always kept.)
 */
export function serializer(machine: AnyStateMachine) {
  const phases = countersByPhase(machine);
  return (snapshot: AnyMachineSnapshot): string => {
    // A history is read only when its parent is re-entered through it, and it is written anew
    // each time the parent is left: while the parent is active, what it holds is stale.
    // Nodes compare by id: a machine with implementations provided has nodes of its own.
    const active = new Set((snapshot._nodes as AnyStateNode[]).map((n) => n.id));
    const resumable = Object.entries(snapshot.historyValue ?? {})
      .filter(([id]) => !active.has(machine.getStateNodeById(id).parent!.id)) as [string, AnyStateNode[]][];
    const history = Object.fromEntries(resumable.map(([id, nodes]) => [id, nodes.map((n) => n.id)]));
    const where = new Set([...active, ...resumable.flatMap(([, nodes]) => nodes.map((n) => n.id))]);
    const live = new Set<string>(['portal']);
    for (const [phase, counters] of phases) if (where.has(phase.id)) for (const c of counters) live.add(c);
    const tries = Object.fromEntries(Object.entries(snapshot.context.tries as Record<string, number>).filter(([k, v]) => v > 0 && live.has(k)).sort());
    const { forgotPassword, abandoned } = snapshot.context;
    return JSON.stringify({ value: snapshot.value, history, tries, forgotPassword, abandoned, status: snapshot.status });
  };
}

// ---------------------------------------------------------------------------------------------
// Traversal.

export type JourneyPath = StatePath<AnyMachineSnapshot, GraphEvent>;

/** What one macrostep did: the transitions it took and every state node it passed through. */
export interface Step { transitions: Set<unknown>; nodes: Set<AnyStateNode> }

/** One edge of the graph, with what taking it did. */
export interface Edge { fromKey: string; from: AnyMachineSnapshot; event: GraphEvent; to: AnyMachineSnapshot; did: Step }

export interface Traversal {
  machine: string;
  persona: string;
  /** The shortest path to each distinct state (xstate/graph), keyed by the state's identity. */
  paths: Map<string, JourneyPath>;
  /** What the initial macrostep did, and every edge out of every state explored. */
  initial: Step;
  edges: Map<string, Edge>;
  serialize: (snapshot: AnyMachineSnapshot) => string;
}

/** An edge's key: the state it leaves and its event. */
export const edgeKey = (from: string, event: GraphEvent) => `${from}|${JSON.stringify(event)}`;

/** Stops exploring a state whose resting (or, interrupted, resumable) state lies outside `regions`. */
function stopOutside(regions: string[]) {
  const inside = (node: AnyStateNode) => regions.some((r) => `${node.path.join('.')}.`.startsWith(`${r}.`));
  return (snapshot: AnyMachineSnapshot) => {
    const atomic = (snapshot._nodes as AnyStateNode[]).filter((n) => n.type === 'atomic');
    const resumable = Object.values(snapshot.historyValue ?? {}).flat() as AnyStateNode[];
    const where = atomic.some((n) => n.path[0] === 'active') ? atomic : atomic.concat(resumable.filter((n) => n.type === 'atomic'));
    return snapshot.status === 'active' && where.some((n) => n.path[0] === 'active' && !inside(n));
  };
}

/** An actor scope whose inspection records the transitions and states of each microstep into `into.did`. */
function recordingScope(into: { did: Step }) {
  const empty = createEmptyActor();
  const system = Object.create(empty.system) as typeof empty.system & { _sendInspectionEvent: (e: any) => void };
  system._sendInspectionEvent = (e: { type: string; _transitions?: unknown[]; snapshot?: AnyMachineSnapshot }) => {
    if (e.type !== '@xstate.microstep') return;
    // A transition's source was active, also when the microstep left it at once (`always`).
    for (const t of (e._transitions ?? []) as { source: AnyStateNode }[]) {
      into.did.transitions.add(t);
      into.did.nodes.add(t.source);
    }
    for (const n of e.snapshot?._nodes ?? []) into.did.nodes.add(n);
  };
  return { self: empty, logger: () => {}, id: '', sessionId: 'model', defer: () => {}, system, stopChild: () => {}, emit: () => {}, actionExecutor: () => {} };
}

/**
 * Takes macrosteps of `machine` (or the initial one, without `from`) and says what each did,
 * including the transient states (`always`) it passed through, which no resting snapshot shows.
 */
export function replayer(machine: AnyStateMachine, input: { persona: Persona }) {
  const into = { did: { transitions: new Set(), nodes: new Set() } as Step };
  const scope = recordingScope(into) as never;
  return (from?: AnyMachineSnapshot, event?: GraphEvent): { to: AnyMachineSnapshot; did: Step } => {
    const did: Step = (into.did = { transitions: new Set(), nodes: new Set() });
    const to = (from && event ? machine.transition(from, event as never, scope) : machine.getInitialSnapshot(scope, input)) as AnyMachineSnapshot;
    for (const n of to._nodes) did.nodes.add(n);
    return { to, did };
  };
}

/**
 * Traverses a machine for a persona: xstate/graph's getShortestPaths over the events read from
 * the machine, then each explored state's edges taken once more, recording what they do.
 */
export function traverse(machineName: string, personaName: string): Traversal {
  const machine = MACHINES[machineName]!;
  const input = { persona: PERSONAS[personaName]! };
  const serialize = serializer(machine);
  const regions = machineName === 'journey' ? REGIONS[personaName] : undefined;
  const stopWhen = regions ? stopOutside(regions) : () => false;
  const found = getShortestPaths(machine, { input, events: eventsOf, serializeState: serialize, stopWhen } as never) as unknown as JourneyPath[];
  const paths = new Map(found.map((p) => [serialize(p.state), p]));
  const edges = new Map<string, Edge>();
  const replay = replayer(machine, input);
  for (const [key, { state }] of paths) {
    if (stopWhen(state) || state.status !== 'active') continue;
    for (const event of eventsOf(state)) {
      const { to, did } = replay(state, event);
      edges.set(edgeKey(key, event), { fromKey: key, from: state, event, to, did });
    }
  }
  return { machine: machineName, persona: personaName, paths, initial: replay().did, edges, serialize };
}

/** All traversals: the journey with every persona, the certificate query with the first. */
export function traverseAll(): Traversal[] {
  return [
    ...Object.keys(PERSONAS).map((p) => traverse('journey', p)),
    traverse('certificate query', Object.keys(PERSONAS)[0]!),
  ];
}
