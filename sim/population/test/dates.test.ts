import { describe, expect, it } from 'vitest';
import { addDays as rulesAddDays } from '../../../rules';
import { addDays, dateOf, dayOf } from '../identity/dates';

describe('day-number dates', () => {
  it('agree with the rules calendar from 1900 to 2100, leap days included', () => {
    const mismatches: string[] = [];
    for (let d = '1900-01-01', n = dayOf('1900-01-01'); d <= '2100-12-31'; d = rulesAddDays(d, 1), n += 1) {
      if (dayOf(d) !== n || dateOf(n) !== d) mismatches.push(d);
    }
    expect(mismatches).toEqual([]);
    expect(dayOf('1970-01-01')).toBe(0);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
});
