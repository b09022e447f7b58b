/** The small machine (parallel regions, deep history, `always`, tags, a final state), patched and not. */
import { describe, expect, it } from 'vitest';
import { BUILDS, load, pkg, useReference } from './builds';
import { SMALL_STEPS, walkSmall } from './small-machine';

const refRoot = useReference();

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

