import { randomBytes, randomInt } from 'node:crypto';

/**
 * Where the portal's randomness comes from: codes, tokens, captcha positions. The server uses
 * the cryptographic source (tokens must be unguessable); the simulator injects a seeded one.
 */
export interface PortalRandom {
  /** An unguessable URL-safe token. */
  token(): string;
  /** An integer in [0, max). */
  int(max: number): number;
}

export const cryptoRandom: PortalRandom = {
  token: () => randomBytes(24).toString('base64url'),
  int: (max) => randomInt(max),
};

export function randomDigits(random: PortalRandom, n: number): string {
  let out = '';
  for (let i = 0; i < n; i += 1) out += String(random.int(10));
  return out;
}
