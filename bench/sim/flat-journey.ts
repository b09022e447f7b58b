/**
 * The journey machine flattened: every step a direct child of `active` (two levels under the
 * root instead of up to five), with the same transitions, guards, actions and waits. A bench
 * replays a run's journeys into it to say what a shallower machine would save (the issue's
 * speed targets ask for cheap events); the simulator itself runs the machine as #3 wrote it.
 * Built from the journey's own config, so it follows every change to the machines.
 */
import { createMachine } from 'xstate';
import { journeyMachine } from '../../machines';

// A walk over any state config: XState's config types are per machine, so the walk reads them loosely.
type Config = Record<string, any>;

export function flatJourney(): typeof journeyMachine {
  const config = journeyMachine.config as Config;
  const active = config.states.active as Config;
  const byId = new Map<string, Config>();
  const parentOf = new Map<Config, Config>();
  // Each step's name in the flat machine: its own id, or its path under `active`.
  const flatId = new Map<Config, string>();
  const walk = (node: Config, path: string[]) => {
    if (node.id) byId.set(node.id, node);
    for (const [key, child] of Object.entries((node.states ?? {}) as Record<string, Config>)) {
      if (child.type === 'history') continue;
      parentOf.set(child, node);
      if (!child.states) {
        const id = child.id ?? [...path, key].join('_');
        flatId.set(child, id);
      }
      walk(child, [...path, key]);
    }
  };
  walk(active, []);
  const stepOf = (node: Config): string => (node.states ? stepOf(node.states[node.initial]) : flatId.get(node)!);
  const target = (from: Config, to: string): string => {
    if (to.startsWith('#journey.')) return to;
    return `#${stepOf(to.startsWith('#') ? byId.get(to.slice(1))! : parentOf.get(from)!.states[to])}`;
  };
  const transitions = (from: Config, t: any): any => {
    if (Array.isArray(t)) return t.map((one) => transitions(from, one));
    if (typeof t === 'string') return target(from, t);
    return t.target === undefined ? t : { ...t, target: target(from, t.target) };
  };
  const each = (from: Config, byKey: Record<string, unknown>) => Object.fromEntries(Object.entries(byKey).map(([k, t]) => [k, transitions(from, t)]));
  const steps: Record<string, Config> = {};
  for (const [node, id] of flatId) {
    const { on, always, ...rest } = node;
    steps[id] = { ...rest, id, ...(on ? { on: each(node, on) } : {}), ...(always ? { always: transitions(node, always) } : {}) };
  }
  return createMachine({
    ...config,
    // Shallow history now: `active`'s children are the steps themselves.
    states: { ...config.states, active: { initial: stepOf(active), states: { ...steps, resume: { type: 'history', history: 'shallow' } } } },
  } as never, journeyMachine.implementations as never) as unknown as typeof journeyMachine;
}
