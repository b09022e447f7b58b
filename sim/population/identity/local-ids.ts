/**
 * The documents HK, Macau and Taiwan residents also hold, which the portal asks for at
 * first login (SPEC §3: the local identity-card number; for residence permits also the
 * matching travel permit). Formats:
 * - HK identity card: a letter, 6 digits and a check digit (MOD 11 with the letter as
 *   10-35 and weights 8…2; a remainder of 10 is written A), as `A123456(3)`.
 * - Macau identity card (BIR): 1, 5 or 7, 6 digits and a check digit, as `1234567(8)`;
 *   its check-digit rule is not published, so the digit is arbitrary.
 * - Taiwan national ID: a letter, 1 (men) or 2 (women), 7 digits and a check digit (the
 *   letter's two-digit code, weights 1 9 8 7 6 5 4 3 2 1 1, sum ≡ 0 mod 10).
 * These are not checked by the portal; they only have to look like the real thing.
 */
import type { Rng } from '../../random';
import type { Gender } from '../layout/strata';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Taiwan's letter codes: A=10 … with I, O, W, X, Y, Z out of order (the 1940s assignment). */
const TAIWAN_LETTER_CODES: Readonly<Record<string, number>> = {
  A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21,
  N: 22, O: 35, P: 23, Q: 24, R: 25, S: 26, T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33,
};

const digits = (rng: Rng, n: number) => {
  let out = '';
  for (let i = 0; i < n; i += 1) out += rng.int(10);
  return out;
};

export function hongKongIdentityCard(rng: Rng): string {
  const letter = LETTERS[rng.int(26)]!;
  const body = digits(rng, 6);
  // A single letter is read as if preceded by a space (value 36, weight 9).
  let sum = 36 * 9 + (LETTERS.indexOf(letter) + 10) * 8;
  for (let i = 0; i < 6; i += 1) sum += Number(body[i]) * (7 - i);
  const check = (11 - (sum % 11)) % 11;
  return `${letter}${body}(${check === 10 ? 'A' : check})`;
}

export function macauIdentityCard(rng: Rng): string {
  return `${rng.pick(['1', '5', '7'])}${digits(rng, 6)}(${rng.int(10)})`;
}

export function taiwanIdentityCard(rng: Rng, gender: Gender): string {
  const letter = LETTERS[rng.int(26)]!;
  const code = TAIWAN_LETTER_CODES[letter]!;
  const body = (gender === 'male' ? '1' : '2') + digits(rng, 7);
  let sum = Math.floor(code / 10) + (code % 10) * 9;
  for (let i = 0; i < 8; i += 1) sum += Number(body[i]) * (8 - i);
  return `${letter}${body}${(10 - (sum % 10)) % 10}`;
}
