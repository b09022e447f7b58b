import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../../rules';
import { Simulation } from '../../engine';
import { DailyDesk, OfficeHours } from '..';

const at = (iso: string) => Date.parse(iso);
const day = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** A desk of 3 a day, office 9-17 Beijing; what it handled, with when (Beijing time). */
function desk(start: string) {
  const sim = new Simulation(at(start));
  const handled: string[] = [];
  const d = new DailyDesk<string>(sim, new OfficeHours(defaultRules, [9, 17]), 3, 2, (_queue, item) => handled.push(`${item} ${day(sim.now())}`));
  return { sim, d, handled };
}

describe('a daily desk (确认点, 注册机构)', () => {
  it('handles at most its daily capacity per queue, at the opening of each working day', () => {
    // Monday 2026-09-14, 10:00 Beijing: the office is open, but today's round was at 9:00.
    const { sim, d, handled } = desk('2026-09-14T10:00:00+08:00');
    for (const item of ['a', 'b', 'c', 'd', 'e']) d.add('point-1', item);
    d.add('point-2', 'x');
    sim.run();
    expect(handled).toEqual([
      'a 2026-09-15 09:00', 'b 2026-09-15 09:00', 'c 2026-09-15 09:00', 'x 2026-09-15 09:00',
      'd 2026-09-16 09:00', 'e 2026-09-16 09:00',
    ]);
  });

  it('keeps its queue figures: waits, time averages and the share of its daily capacity used', () => {
    const { sim, d } = desk('2026-09-14T10:00:00+08:00');
    for (const item of ['a', 'b', 'c', 'd', 'e']) d.add('point-1', item);
    d.add('point-2', 'x');
    sim.run();
    const q = d.figures(sim.now()); // Wednesday 09:00, after the second round
    const H = 3600;
    // Four waited from Monday 10:00 to Tuesday 09:00 (23 h), two to Wednesday 09:00 (47 h).
    expect(q.arrivals).toBe(6);
    expect(q.served).toBe(6);
    expect(q.wqSeconds).toBeCloseTo((4 * 23 + 2 * 47) * H / 6, 3);
    expect(q.wSeconds).toBe(q.wqSeconds);
    expect(q.pWait).toBe(1);
    expect(q.lq).toBeCloseTo((4 * 23 + 2 * 47) / 47, 3); // over the 47 hours of the period
    // Two rounds of 2 places × 3 a day: 6 of 12 used; the busiest round handled 4 of 6.
    expect(q.utilisation).toBe(0.5);
    expect(q.peakHourUtilisation).toBeCloseTo(4 / 6, 4);
  });

  it('takes work that came before the opening the same morning, and skips weekends and holidays', () => {
    const early = desk('2026-09-14T07:30:00+08:00');
    early.d.add('p', 'a');
    early.sim.run();
    expect(early.handled).toEqual(['a 2026-09-14 09:00']);
    // Friday afternoon: next is Monday; but Friday 18 September 2026 is followed by a make-up
    // working Sunday (调休). Wednesday 30 September: 1-7 October is the National Day holiday.
    const cases = [['2026-09-11T15:00:00+08:00', '2026-09-14 09:00'], ['2026-09-18T15:00:00+08:00', '2026-09-20 09:00'], ['2026-09-30T11:00:00+08:00', '2026-10-08 09:00']];
    for (const [added, handledAt] of cases) {
      const later = desk(added!);
      later.d.add('p', 'a');
      later.sim.run();
      expect(later.handled).toEqual([`a ${handledAt}`]);
    }
  });
});
