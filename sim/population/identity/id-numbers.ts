/**
 * ID numbers that pass the portal's checks, and are distinct by construction.
 *
 * 18-digit numbers (resident IDs, residence permits): area (6) + birth date (8) +
 * sequence (3, the last odd for men) + GB 11643 check digit. The layout hands each
 * applicant a slot unique within its (area, sex, birth year) stratum; the slot is spread
 * over the year's days and the sequence numbers, so no two applicants share a number.
 * Residence permits share three area codes across every province, so their sequence
 * numbers are divided among the provinces (16 each): a province's permit holders can never
 * meet another's.
 *
 * HK/Macau (H|M + 8 digits) and Taiwan (8 digits) permits carry no birth date; their digits
 * are the applicant's index through a permutation of all 10^8 numbers.
 */
import { residentIdCheckDigit } from '../../../stub-server/portal';
import type { Stratum } from '../layout/strata';
import { AffinePermutation } from '../layout/permutation';
import { provinceRank } from '../data/provinces';
import { dateOf, dayNumber } from './dates';

/** Sequence numbers (digits 15-17) per sex: 100 values of digits 15-16 × 5 of digit 17. */
const SEQUENCES_PER_SEX = 500;
/** Sequence numbers reserved for each province among residence permits (31 × 16 ≤ 500). */
const PERMIT_SEQUENCES_PER_PROVINCE = 16;
/** A prime, coprime to every capacity below, that scatters consecutive slots over days. */
const SCATTER = 7919n;
/** Residence-permit area → the travel permit of the same place (Taiwan's has no letter). */
const PERMIT_PREFIX_BY_AREA: Readonly<Record<string, string>> = { '810000': 'H', '820000': 'M', '830000': '' };

const daysIn = (year: number) => ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365);

export interface IdParts { idNumber: string; birthDate: string }

export class IdNumbers {
  private readonly permitDigits: AffinePermutation;

  constructor(jitter: number, offset: number) {
    this.permitDigits = new AffinePermutation(100_000_000, jitter, offset);
  }

  /** The ID number and birth date of an applicant at its stratum. */
  of(stratum: Stratum, area: string | undefined, index: number): IdParts {
    const days = daysIn(stratum.birthYear);
    switch (stratum.idType) {
      case 'resident-id':
        return this.eighteen(area!, stratum, days, SEQUENCES_PER_SEX, 0);
      case 'residence-permit': {
        const base = provinceRank(stratum.province) * PERMIT_SEQUENCES_PER_PROVINCE;
        return this.eighteen(stratum.variant!, stratum, days, PERMIT_SEQUENCES_PER_PROVINCE, base);
      }
      case 'hk-macau-permit':
        return { idNumber: stratum.variant! + this.eightDigits(index), birthDate: birthDate(stratum.birthYear, scatter(stratum.slot, days) % days) };
      case 'taiwan-permit':
        return { idNumber: this.eightDigits(index), birthDate: birthDate(stratum.birthYear, scatter(stratum.slot, days) % days) };
    }
  }

  /** The travel permit a residence-permit holder also has: H (810000), M (820000) or Taiwan's 8 digits. */
  permitFor(area: string, index: number): string {
    return (PERMIT_PREFIX_BY_AREA[area] ?? '') + this.eightDigits(index);
  }

  private eighteen(area: string, stratum: Stratum, days: number, sequences: number, sequenceBase: number): IdParts {
    const capacity = days * sequences;
    if (stratum.slots > capacity) {
      throw new RangeError(`${stratum.slots} applicants born in ${stratum.birthYear} at ${area} (${stratum.gender}) exceed the ${capacity} distinct ID numbers there: lower the population or spread it over more provinces`);
    }
    const spread = scatter(stratum.slot, capacity);
    const day = spread % days;
    const sequence = sequenceBase + Math.floor(spread / days);
    const date = birthDate(stratum.birthYear, day);
    const seq = String(Math.floor(sequence / 5)).padStart(2, '0') + String(2 * (sequence % 5) + (stratum.gender === 'male' ? 1 : 0));
    const first17 = area + date.replaceAll('-', '') + seq;
    return { idNumber: first17 + residentIdCheckDigit(first17), birthDate: date };
  }

  private eightDigits(index: number): string {
    return String(this.permitDigits.at(index)).padStart(8, '0');
  }
}

/** A bijection of [0, capacity): slot × SCATTER mod capacity. */
function scatter(slot: number, capacity: number): number {
  return Number((BigInt(slot) * SCATTER) % BigInt(capacity));
}

function birthDate(year: number, dayOfYear: number): string {
  return dateOf(dayNumber(year, 1, 1) + dayOfYear);
}
