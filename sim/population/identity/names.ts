/**
 * Chinese names from faker's zh_CN lists (given names by sex, its 1,000 surnames), drawn
 * through the applicant's own stream.
 *
 * Why not a Faker instance seeded per applicant: `faker.seed(n)` initialises a Mersenne
 * Twister and costs about 57 µs (measured: 100k seeds in 5.7 s), almost three minutes for a
 * 3-million population; even a shared Faker reading the applicant's stream through a
 * Randomizer cost about 10 µs a name, in its locale lookups. Picking from the same lists
 * costs well under a microsecond and is as deterministic per index as the rest.
 */
import { zh_CN } from '@faker-js/faker';
import type { Rng } from '../../random';
import { COMMON_SURNAMES, OTHER_SURNAMES_SHARE } from '../data/people';
import type { Gender } from '../layout/strata';

function list(entry: unknown, key: string): readonly string[] {
  const value = (entry as Record<string, unknown> | undefined)?.[key];
  if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== 'string')) {
    throw new Error(`faker's zh_CN locale has no person list "${key}": check the @faker-js/faker version`);
  }
  return value as string[];
}

const GIVEN_NAMES: Readonly<Record<Gender, readonly string[]>> = {
  female: list(zh_CN.person?.first_name, 'female'),
  male: list(zh_CN.person?.first_name, 'male'),
};
const OTHER_SURNAMES = list(zh_CN.person?.last_name, 'generic');
const SURNAMES = Object.keys(COMMON_SURNAMES);
const SURNAME_WEIGHTS = [...Object.values(COMMON_SURNAMES), OTHER_SURNAMES_SHARE];

/** A full name: a common surname by its share, else one from faker's list; a given name by sex. */
export function chineseName(rng: Rng, gender: Gender): string {
  const j = rng.weighted(SURNAME_WEIGHTS);
  const surname = j < SURNAMES.length ? SURNAMES[j]! : rng.pick(OTHER_SURNAMES);
  return surname + rng.pick(GIVEN_NAMES[gender]);
}
