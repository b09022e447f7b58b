/** Every hunk of the patch is in each of xstate's four builds, and each build behaves as patched. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as xstate from 'xstate';
import { BUILDS, load, occurrences, patch, pkg, useReference } from './builds';

const refRoot = useReference();

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

  // Rounds 2 and 3: a marker of each of their fast paths, in every build (each hunk is checked whole above).
  const MARKERS: Record<'raise' | 'StateMachine', string[]> = {
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
      // Round 3: an entry set computed once per transition that meets no history node; a state's
      // entry actions as its own array; a compound value's key read without Object.keys; a
      // shared value's transitions looked for from its atomic state up; an exit set computed once
      // per transition and atomic state.
      'const atomicStateNodeByValue = new WeakMap();',
      'const exitSetCache = new WeakMap();',
      'const entrySetCache = new WeakMap();',
      'let actions = stateNodeToEnter.entry;',
      'const NO_ACTOR_IDS = Object.freeze([]);',
      'for (subStateKey in stateValue) {',
    ],
    StateMachine: [
      // An actor's creation: no fallback snapshot unless there is an error.
      'snapshot ??= ',
    ],
  };
  it.each([...patch.keys()])('%s holds rounds 2 and 3 of the patch', (file) => {
    const text = readFileSync(join(pkg, file), 'utf8');
    const reference = readFileSync(join(refRoot, file), 'utf8');
    for (const marker of MARKERS[file.includes('/raise-') ? 'raise' : 'StateMachine']) {
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

