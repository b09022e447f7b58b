import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  defaultRules, loadRulesFile, localDate, localHour, nextLocalMidnight, resolveRules, reviewCycleAt,
  rulesHash, rulesSchema, RulesError, WorkingCalendar,
} from '../index';

describe('rule set', () => {
  it('holds the seeds\' numbers by default', () => {
    expect(defaultRules.codes.smsPerPhonePerDay).toBe(3);
    expect(defaultRules.codes.validMinutes).toBe(5);
    expect(defaultRules.manualReview.perCycle).toBe(3);
    expect(defaultRules.registration.personalPhoto.widthPx).toEqual({ above: 290, below: 300 });
  });

  it('names a source for every rule', () => {
    const missing: string[] = [];
    const walk = (schema: any, path: string) => {
      const meta = schema.meta?.();
      const inner = schema.def?.innerType ?? schema;
      const shape = inner.def?.shape ?? inner.def?.innerType?.def?.shape;
      if (shape && !meta?.source) {
        for (const [key, child] of Object.entries(shape)) walk(child, path ? `${path}.${key}` : key);
      } else if (!meta?.source) missing.push(path);
    };
    walk(rulesSchema, '');
    expect(missing).toEqual([]);
  });

  it('merges a partial override over the defaults', () => {
    const rules = resolveRules({ codes: { smsPerPhonePerDay: 5 } });
    expect(rules.codes.smsPerPhonePerDay).toBe(5);
    expect(rules.codes.validMinutes).toBe(5);
    expect(rules.manualReview.perCycle).toBe(3);
  });

  it('refuses a bad override, naming the key and the problem', () => {
    const attempt = () => resolveRules({ codes: { smsPerPhonePerDay: 'three' as never, smsPerPhonPerDay: 4 } as never });
    expect(attempt).toThrow(RulesError);
    try { attempt(); } catch (error) {
      const keys = (error as RulesError).problems.map((p) => p.key);
      expect(keys).toContain('codes.smsPerPhonePerDay');
      expect(keys).toContain('codes.smsPerPhonPerDay');
    }
    expect(() => resolveRules({ registration: { personalPhoto: { widthPx: { above: 300, below: 290 } } } }))
      .toThrow(/registration.personalPhoto.widthPx/);
  });

  it('loads JSON and TS rule files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-'));
    writeFileSync(join(dir, 'five.json'), JSON.stringify({ codes: { smsPerPhonePerDay: 5 } }));
    writeFileSync(join(dir, 'two.ts'), 'export default { manualReview: { perCycle: 2 } };');
    writeFileSync(join(dir, 'bad.json'), '{ "codes": ');
    expect((await loadRulesFile(join(dir, 'five.json'))).codes.smsPerPhonePerDay).toBe(5);
    expect((await loadRulesFile(join(dir, 'two.ts'))).manualReview.perCycle).toBe(2);
    await expect(loadRulesFile(join(dir, 'bad.json'))).rejects.toThrow(RulesError);
  });

  it('hashes stably: key order does not matter, values do', () => {
    const a = resolveRules({ codes: { smsPerPhonePerDay: 5, validMinutes: 5 } });
    const b = resolveRules({ codes: { validMinutes: 5, smsPerPhonePerDay: 5 } });
    expect(rulesHash(a)).toBe(rulesHash(b));
    expect(rulesHash(a)).not.toBe(rulesHash(defaultRules));
  });
});

describe('Beijing calendar', () => {
  const offset = defaultRules.time.utcOffsetMinutes;

  it('starts the day at UTC+8 midnight', () => {
    expect(localDate(Date.parse('2026-09-01T15:59:59Z'), offset)).toBe('2026-09-01');
    expect(localDate(Date.parse('2026-09-01T16:00:00Z'), offset)).toBe('2026-09-02');
    expect(nextLocalMidnight(Date.parse('2026-09-01T10:00:00Z'), offset)).toBe(Date.parse('2026-09-01T16:00:00Z'));
  });

  it('names the local hour a moment falls in, with the rule set\'s offset', () => {
    expect(localHour(Date.parse('2026-09-01T15:59:59Z'), offset)).toBe('2026-09-01T23:00+08:00');
    expect(localHour(Date.parse('2026-09-01T16:00:00Z'), offset)).toBe('2026-09-02T00:00+08:00');
    expect(localHour(Date.parse('2026-09-01T16:00:00Z'), -150)).toBe('2026-09-01T13:00-02:30');
  });

  it('splits the year into the two manual-review cycles', () => {
    expect(reviewCycleAt(Date.parse('2026-08-31T15:59:59Z'), defaultRules).id).toBe('2026-01-01');
    const autumn = reviewCycleAt(Date.parse('2026-08-31T16:00:00Z'), defaultRules);
    expect(autumn.id).toBe('2026-09-01');
    expect(autumn.endMs).toBe(Date.parse('2026-12-31T16:00:00Z'));
  });

  it('knows the 2026 holidays and make-up working days', () => {
    const cal = new WorkingCalendar(defaultRules);
    expect(cal.isWorkingDay('2026-10-05')).toBe(false); // National Day, a Monday
    expect(cal.isWorkingDay('2026-10-10')).toBe(true); // make-up Saturday
    expect(cal.isWorkingDay('2026-09-20')).toBe(true); // make-up Sunday
    expect(cal.isWorkingDay('2026-09-19')).toBe(false); // plain Saturday
    expect(cal.holidayOf('2026-02-18')).toMatch(/春节/);
    // 7 working days from Wed 30 Sep: 8, 9, 10 (Sat make-up), 12, 13, 14, 15 Oct.
    expect(cal.addWorkingDays('2026-09-30', 7)).toBe('2026-10-15');
    expect(cal.workingDaysBetween('2026-09-30', '2026-10-15')).toBe(7);
  });
});
