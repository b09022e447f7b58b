import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../scenarios';
import type { PortalClient } from '../../sim/clients';
import { seedInstitutions } from '../../sim/runner/world';
import { institutions } from '../world';

describe('what setup() seeds', () => {
  it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s: the registration bodies the simulator seeds', async (_name, scenario) => {
    const seeded: unknown[] = [];
    // A client that records what the simulator's world sends, and accepts it.
    const recorder: PortalClient = {
      call: async () => { throw new Error('the world seeds through admin operations'); },
      admin: async (op, input) => { seeded.push({ op, input }); return { status: 200, body: {} }; },
    };
    await seedInstitutions(recorder, scenario.provinces);
    expect(seeded).toEqual([{ op: 'seedInstitutions', input: institutions(scenario.provinces) }]);
  });
});
