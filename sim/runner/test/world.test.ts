import { describe, expect, it } from 'vitest';
import { defaultRules, localMidnight, resolveRules } from '../../../rules';
import { earlierAccountRegisteredAt } from '../world';

const SEASON = '2026-09-11';
const cutoffOf = (rules = defaultRules) => localMidnight(rules.account.passwordResetFrom, rules.time.utcOffsetMinutes);

describe('accounts of earlier years', () => {
  it('are registered before the cutoff for those who must register again, after it for the others', () => {
    expect(Date.parse(earlierAccountRegisteredAt(defaultRules, true, SEASON))).toBeLessThan(cutoffOf());
    const after = Date.parse(earlierAccountRegisteredAt(defaultRules, false, SEASON));
    expect(after).toBeGreaterThanOrEqual(cutoffOf());
    expect(after).toBeLessThan(localMidnight(SEASON, defaultRules.time.utcOffsetMinutes));
  });

  it('follow a cutoff a rule change moves', () => {
    const later = resolveRules({ account: { passwordResetFrom: '2023-07-01' } });
    expect(Date.parse(earlierAccountRegisteredAt(later, true, SEASON))).toBeLessThan(cutoffOf(later));
    expect(Date.parse(earlierAccountRegisteredAt(later, false, SEASON))).toBeGreaterThanOrEqual(cutoffOf(later));
  });

  it('all predate a cutoff moved past the season\'s start, and the season itself', () => {
    const future = resolveRules({ account: { passwordResetFrom: '2027-01-01' } });
    for (const beforeCutoff of [true, false]) {
      const at = Date.parse(earlierAccountRegisteredAt(future, beforeCutoff, SEASON));
      expect(at).toBeLessThan(cutoffOf(future));
      expect(at).toBeLessThan(localMidnight(SEASON, future.time.utcOffsetMinutes));
    }
  });
});
