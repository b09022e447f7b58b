import { scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Rules } from '../../../rules';
import type { MaybePromise } from '../maybe-async';

/** The password rule of 001 §2.1: why a password is refused, or null. */
export function passwordProblem(password: string, rules: Rules): string | null {
  const p = rules.account.password;
  const specials = new Set(p.specialCharacters);
  if (password.length < p.minLength || password.length > p.maxLength) return `${p.minLength}-${p.maxLength} characters`;
  for (const ch of password) {
    if (!/[0-9A-Za-z]/.test(ch) && !specials.has(ch)) return `only digits, letters and ${p.specialCharacters}`;
  }
  if (p.requireDigit && !/[0-9]/.test(password)) return 'must contain a digit';
  if (p.requireLetter && !/[A-Za-z]/.test(password)) return 'must contain a letter';
  if (p.requireSpecial && ![...password].some((ch) => specials.has(ch))) return `must contain one of ${p.specialCharacters}`;
  return null;
}

/** Below this cost a hash takes microseconds: computed inline, skipping the thread-pool hop. */
const INLINE_COST = 1024;

function derive(password: string, salt: string, cost: number): Promise<Buffer> {
  // maxmem grows with N: 128 * N * r bytes, plus headroom.
  const options = { N: cost, r: 8, p: 1, maxmem: 256 * cost * 8 + 1024 * 1024 };
  if (cost <= INLINE_COST) return Promise.resolve(scryptSync(password, salt, 32, options));
  return new Promise((resolve, reject) => {
    scrypt(password, salt, 32, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** `scrypt$N$salt$hash`: the cost travels with the hash, so a rule change keeps old hashes valid. */
export async function hashPassword(password: string, salt: string, cost: number): Promise<string> {
  return `scrypt$${cost}$${salt}$${(await derive(password, salt, cost)).toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, cost, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !cost || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(password, salt, Number(cost));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * How the portal stores and checks passwords; injected, so a simulation in one process can use
 * a cheap one. A hasher may answer at once (then the operations that use it stay synchronous)
 * or later (scrypt on the thread pool).
 */
export interface PasswordHasher {
  hash(password: string, salt: string): MaybePromise<string>;
  verify(password: string, stored: string): MaybePromise<boolean>;
  /** A stored hash that matches no password, costing what a real one does: checked for an unknown ID, so a login's time reveals no accounts. */
  readonly decoy: string;
}

/** The portal's own: scrypt at the rules' cost. */
export const scryptHasher = (rules: Rules): PasswordHasher => ({
  hash: (password, salt) => hashPassword(password, salt, rules.account.scryptCost),
  verify: verifyPassword,
  decoy: `scrypt$${rules.account.scryptCost}$decoy$${Buffer.alloc(32).toString('base64url')}`,
});

/**
 * The simulator's in-process portal keeps its synthetic applicants' passwords as given
 * (`plain$salt$password`): there a hash is a CPU cost, not a behaviour (the capacity model
 * gives each call its service time), and even a SHA-256 took 2% of a run, scrypt at cost 2
 * about 6%. It answers at once, so the operations using it stay synchronous. Never for a
 * server that holds real passwords.
 */
export const plainTextHasher: PasswordHasher = {
  hash: (password, salt) => `plain$${salt}$${password}`,
  verify: (password, stored) => stored.startsWith('plain$') && stored.slice(stored.indexOf('$', 6) + 1) === password,
  decoy: 'none',
};
