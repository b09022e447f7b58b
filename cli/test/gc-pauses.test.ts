import { describe, expect, it } from 'vitest';
import { countGcPauses } from '../gc-pauses';

describe('countGcPauses', () => {
  it('counts the collections that allocating forces, and nothing once stopped', async () => {
    const gc = countGcPauses();
    let kept = 0;
    // About 400 MB of short-lived arrays: far past the young generation, so it is collected.
    for (let i = 0; i < 50_000; i += 1) kept += new Array(1_000).fill(i).length;
    const counted = await gc.stop();
    expect(kept).toBe(50_000_000);
    expect(counted.pauses).toBeGreaterThan(0);
    expect(counted.seconds).toBeGreaterThanOrEqual(0);
    expect(await gc.stop()).toEqual(counted);
  });
});
