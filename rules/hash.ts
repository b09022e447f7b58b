import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';
import type { Rules } from './schema';

/** A stable hash of an effective rule set: key order does not matter, every value does. */
export function rulesHash(rules: Rules): string {
  return createHash('sha256').update(stringify(rules) ?? '').digest('hex').slice(0, 16);
}
