import { describe, expect, it } from 'vitest';
import { resolveRules } from '../../../../rules';
import { scryptHasher, plainTextHasher } from '../passwords';

describe('password hashers', () => {
  const rules = resolveRules({ account: { scryptCost: 16 } });
  for (const [name, hasher] of [['scrypt', scryptHasher(rules)], ['plain text (in-process simulator)', plainTextHasher]] as const) {
    it(`${name}: the password verifies, another does not, and the salt changes the hash`, async () => {
      const stored = await hasher.hash('Teacher#2026', 'salt-a');
      expect(await hasher.verify('Teacher#2026', stored)).toBe(true);
      expect(await hasher.verify('Teacher#2027', stored)).toBe(false);
      expect(await hasher.hash('Teacher#2026', 'salt-b')).not.toBe(stored);
    });
  }

  it('neither accepts the other’s hash', async () => {
    expect(await plainTextHasher.verify('Teacher#2026', await scryptHasher(rules).hash('Teacher#2026', 's'))).toBe(false);
    expect(await scryptHasher(rules).verify('Teacher#2026', await plainTextHasher.hash('Teacher#2026', 's'))).toBe(false);
  });
});
