import { describe, expect, it } from 'vitest';
import { iso } from '../calendar/moments';

const BEIJING = 480;
/** What Date writes for the local moment, with the offset in place of `Z`. */
const reference = (ms: number, offset: number, text: string) => new Date(ms + offset * 60_000).toISOString().slice(0, -1) + text;

describe('iso: how moments leave the portal', () => {
  const moments = [
    0, 1, 999, 1000, 59_999, 3_599_999, 86_399_999, 86_400_000,
    Date.parse('2026-09-01T00:00:00+08:00'), Date.parse('2024-02-29T23:59:59.999Z'), Date.parse('2000-03-01T12:34:56.789Z'),
    Date.parse('2038-01-19T03:14:08Z'), 253_402_300_799_999 - BEIJING * 60_000,
  ];
  let seed = 12345;
  for (let i = 0; i < 20_000; i += 1) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const ms = (seed / 2 ** 31) * 4_102_444_800_000;
    // Whole milliseconds, and fractions of one (the simulator's virtual clock has them).
    moments.push(Math.floor(ms), ms, Math.floor(ms) + 0.999_999);
  }

  it('writes local time with the offset, as Date writes the shifted moment', () => {
    for (const [offset, text] of [[BEIJING, '+08:00'], [0, '+00:00'], [-300, '-05:00'], [345, '+05:45']] as const) {
      for (const ms of moments) expect(iso(ms, offset), `${ms} at ${offset}`).toBe(reference(ms, offset, text));
    }
  });

  it('names the same instant: parsed back, it is the moment to the millisecond', () => {
    for (const ms of moments) expect(Date.parse(iso(ms, BEIJING))).toBe(Math.floor(ms));
    expect(iso(Date.parse('2026-09-14T02:00:00Z'), BEIJING)).toBe('2026-09-14T10:00:00.000+08:00');
  });

  it('leaves the rest to Date: before 1970, after 9999; null for no moment; NaN throws', () => {
    for (const ms of [-1, -0.5, -86_400_001 - BEIJING * 60_000, 253_402_300_799_999.5, 253_402_300_800_000, 0.25, 1.5, 1_000_000.25]) {
      expect(iso(ms, BEIJING)).toBe(reference(ms, BEIJING, '+08:00'));
    }
    expect(iso(undefined, BEIJING)).toBeNull();
    expect(() => iso(Number.NaN, BEIJING)).toThrow(RangeError);
  });
});
