/**
 * Inspection. Round 2 builds an inspection event only when something would receive it: an
 * observer of the system, or a sender put in place of the system's own (as machines/test/model.ts
 * does). Whoever inspects must receive every event they did before, in the same order, alike.
 */
import { describe, expect, it } from 'vitest';
import { BUILDS, load, pkg, useReference } from './builds';
import { driveFailing, driveRich, walkSmallInScope } from './inspection';
import { SMALL_STEPS } from './small-machine';

const refRoot = useReference();

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

