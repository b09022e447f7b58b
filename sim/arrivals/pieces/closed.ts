import type { RatePiece } from './piece';

/**
 * No arrivals on official holidays (SPEC §8: the portal is closed on statutory holidays),
 * from the rules' calendar; nothing closes when rules.calendar.portalClosedOnHolidays is off.
 */
export function closedOnHolidays(): RatePiece {
  return {
    name: 'closed on official holidays',
    factor: (slot, { rules, calendar }) => (rules.calendar.portalClosedOnHolidays && calendar.holidayOf(slot.date) !== undefined ? 0 : 1),
  };
}

/** No arrivals on the given dates (a maintenance day, an outage a scenario describes). */
export function closedOn(dates: readonly string[]): RatePiece {
  const closed = new Set(dates);
  return { name: `closed on ${dates.join(', ')}`, factor: (slot) => (closed.has(slot.date) ? 0 : 1) };
}
