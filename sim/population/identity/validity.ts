/**
 * Validity periods of the ID documents, so that an applicant's document is current at the
 * season (the portal refuses an expired one) and its dates look like a real card's.
 * - Resident ID (居民身份证法 art. 5): 5 years under 16, 10 years at 16-25, 20 years at
 *   26-45, long-term (长期) from 46.
 * - HK/Macau permit: 10 years for adults; Taiwan permit: 5 years (its name says so);
 *   residence permit: 5 years.
 * Dates are worked as day numbers (./dates) and formatted once: this runs per applicant.
 */
import type { IdType } from '../../../rules';
import type { Rng } from '../../random';
import { dateOf, dayNumber, dayOf } from './dates';

/**
 * How a long-term (长期) card's end date is entered: the portal's field takes a date only,
 * so the far-future date stands for "no end". A decision of the simulator.
 */
export const LONG_TERM = '9999-12-31';

const yearsOfResidentId = (age: number) => (age < 16 ? 5 : age <= 25 ? 10 : age <= 45 ? 20 : Infinity);
const PERMIT_YEARS: Record<Exclude<IdType, 'resident-id'>, number> = {
  'hk-macau-permit': 10,
  'taiwan-permit': 5,
  'residence-permit': 5,
};

interface Civil { year: number; month: number; day: number }
const civil = (date: string): Civil => ({ year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) });
const civilOf = (dayNo: number): Civil => civil(dateOf(dayNo));
/** The same day n years later (29 February becomes 28 February), as a day number. */
const yearsLater = (c: Civil, n: number) => dayNumber(c.year + n, c.month, c.month === 2 && c.day === 29 ? 28 : c.day);
const ageOn = (birth: Civil, c: Civil) => c.year - birth.year - (c.month < birth.month || (c.month === birth.month && c.day < birth.day) ? 1 : 0);

/** A current validity period: issued before `asOf`, not yet expired on it. */
export function idValidity(rng: Rng, idType: IdType, birthDate: string, asOf: string): { from: string; to: string } {
  const asOfDay = dayOf(asOf);
  if (idType !== 'resident-id') {
    const years = PERMIT_YEARS[idType];
    const from = asOfDay - 1 - rng.int(years * 365 - 30);
    return { from: dateOf(from), to: dateOf(yearsLater(civilOf(from), years) - 1) };
  }
  // The first card at 16 (or a little later), then a renewal shortly before each expiry,
  // each for the period the holder's age at renewal gives, until the card in hand.
  const birth = civil(birthDate);
  let from = yearsLater(birth, 16) + rng.int(730);
  for (;;) {
    const issued = civilOf(from);
    const years = yearsOfResidentId(ageOn(birth, issued));
    if (years === Infinity) return { from: dateOf(from), to: LONG_TERM };
    const to = yearsLater(issued, years) - 1;
    if (to > asOfDay) return { from: dateOf(from), to: dateOf(to) };
    from = to - rng.int(90);
  }
}
