/**
 * The script's applicant data, generated inside k6 (it cannot import project modules): the
 * tables come from the simulator's population data and the effective rules, the functions
 * are written out as text. The simulator's identity layout (sim/population/identity) is the
 * model: an area code of the province, a birth date and sequence from a permutation of the
 * applicant's index, the GB 11643 check digit.
 */
import { zh_CN } from '@faker-js/faker';
import type { Rules } from '../rules';
import { COMMON_SURNAMES, ETHNICITIES, MOBILE_PREFIXES, provinceOf, STAGES } from '../sim/population';
import { earlierAccountRegisteredAt } from '../sim/runner';
import { makeJpeg, toBase64 } from '../sim/applicant';

/** Markers around the generator, so tests can take it out of a script and run it. */
export const DATA_BEGIN = '// ---- applicant data (generated in the script from the seed) ----';
export const DATA_END = '// ---- end of applicant data ----';

/** Teachers in post are 22 to 60 at the season. */
const AGES = { youngest: 22, oldest: 60 };

function givenNames(gender: 'male' | 'female'): string[] {
  const list = (zh_CN.person?.first_name as Record<string, unknown> | undefined)?.[gender];
  if (!Array.isArray(list) || list.length === 0) throw new Error(`faker's zh_CN locale has no ${gender} given names: check the @faker-js/faker version`);
  return list as string[];
}

export interface DataInputs {
  seed: number;
  rules: Rules;
  /** Province codes in the order of the k6 scenarios. */
  provinces: readonly string[];
  /** The season's first day (the first window's opening). */
  seasonFrom: string;
}

/** The province table the journeys look up by k6 scenario name. */
export function provinceTable(inputs: DataInputs, keyOf: (code: string) => string): Record<string, unknown> {
  const { certificates } = inputs.rules;
  return Object.fromEntries(inputs.provinces.map((code, index) => {
    const p = provinceOf(code);
    return [keyOf(code), {
      code, name: p.name, index,
      cities: p.cities.map((c) => ({ name: c.name, area: c.area })),
      syncedFrom: certificates.syncedFromYearByProvince[code] ?? certificates.syncedFromYear,
    }];
  }));
}

/** The generator: constants from the inputs, then the functions (text), between the markers. */
export function dataSection(inputs: DataInputs): string {
  const { seed, rules, seasonFrom } = inputs;
  const season = Number(seasonFrom.slice(0, 4));
  const birthFrom = Date.UTC(season - AGES.oldest, 0, 1);
  const birthDays = Math.round((Date.UTC(season - AGES.youngest + 1, 0, 1) - birthFrom) / 86_400_000);
  const constants = {
    SEED: seed,
    PROVINCE_COUNT: inputs.provinces.length,
    SEASON: season,
    BIRTH_FROM_MS: birthFrom,
    BIRTH_DAYS: birthDays,
    PASSWORD_SPECIAL: rules.account.password.specialCharacters[0]!,
    PASSWORD_MIN: rules.account.password.minLength,
    // A returning applicant's account is one that need not register again (that is a branch), as the simulator seeds it.
    EARLIER_ACCOUNT_REGISTERED_AT: earlierAccountRegisteredAt(rules, false, seasonFrom),
    PHONE_PREFIXES: MOBILE_PREFIXES,
    SURNAMES: Object.keys(COMMON_SURNAMES),
    GIVEN_NAMES: { male: givenNames('male'), female: givenNames('female') },
    ETHNICITIES: Object.entries(ETHNICITIES).map(([name, weight]) => ({ name, weight })),
    STAGES: STAGES.filter((s) => s.weight > 0).map((s) => ({ code: s.code, qualificationType: s.qualificationType, stage: s.stage, weight: s.weight, subjects: Object.keys(s.subjects) })),
  };
  const lines = Object.entries(constants).map(([name, value]) => `const ${name} = ${JSON.stringify(value)};`);
  return [DATA_BEGIN, ...lines, GENERATOR.trim(), DATA_END].join('\n');
}

/** The personal photo every applicant uploads: a real JPEG inside the rules' limits, made once at export. */
export function personalPhoto(rules: Rules): string {
  const { widthPx, heightPx, bytes } = rules.registration.personalPhoto;
  const mid = (r: { above: number; below: number }) => Math.floor((r.above + r.below) / 2);
  return toBase64(makeJpeg(mid(widthPx), mid(heightPx), Math.min(bytes.above + 8_000, mid(bytes))));
}

const GENERATOR = String.raw`
interface City { name: string; area: string }
interface ProvinceData { code: string; name: string; index: number; cities: City[]; syncedFrom: number }
interface Certificate {
  number: string; holderName: string; idNumber: string; qualificationType: string; subject: string;
  province: string; city: string; certifyingBody: string; issueDate: string;
}
interface Person {
  idNumber: string; name: string; phone: string; email: string; password: string; address: string;
  idValidFrom: string; idValidTo: string; ethnicity: string; city: string; stage: string; certificate: Certificate;
}

/** mulberry32: a small seeded PRNG (k6's Math.random cannot be seeded). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** GB 11643-1999 check digit (ISO 7064 MOD 11-2), as the stub checks it. */
function idCheckDigit(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * weights[i]!;
  return '10X98765432'[sum % 11]!;
}

/** i ↦ (i·7919 + offset) mod size: a bijection of [0, size) (7919 is a prime that divides no size here). */
function scatter(i: number, size: number): number {
  return (i * 7919 + (SEED % size) * 104729) % size;
}

function pick<T>(rng: () => number, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)]!;
}

function weighted<T extends { weight: number }>(rng: () => number, list: readonly T[]): T {
  let r = rng() * list.reduce((sum, item) => sum + item.weight, 0);
  for (const item of list) {
    r -= item.weight;
    if (r < 0) return item;
  }
  return list[list.length - 1]!;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Applicant n of a province: distinct ID number, phone and certificate for every n (the
 * iteration's number in its k6 scenario, unique across k6 instances), the rest drawn from
 * a stream seeded by the seed and n, so a run repeats.
 */
function person(n: number, p: ProvinceData): Person {
  const global = n * PROVINCE_COUNT + p.index;
  const rng = mulberry32(Math.imul(SEED + 1, 0x9e3779b1) ^ Math.imul(global + 1, 0x85ebca6b));
  const city = p.cities[n % p.cities.length]!;
  const slot = scatter(Math.floor(n / p.cities.length), BIRTH_DAYS * 1000);
  const birthDate = new Date(BIRTH_FROM_MS + (slot % BIRTH_DAYS) * 86400000).toISOString().slice(0, 10);
  const sequence = Math.floor(slot / BIRTH_DAYS);
  const first17 = city.area + birthDate.replace(/-/g, '') + pad(sequence, 3);
  const male = sequence % 2 === 1;
  const name = pick(rng, SURNAMES) + pick(rng, male ? GIVEN_NAMES.male : GIVEN_NAMES.female);
  const idNumber = first17 + idCheckDigit(first17);
  const stage = weighted(rng, STAGES);
  const birthYear = Number(birthDate.slice(0, 4));
  const issueYear = Math.max(p.syncedFrom, Math.min(birthYear + 22 + Math.floor(rng() * 4), SEASON - 1));
  const serial = scatter(n, 999000000);
  let password = 'Js' + pad(Math.floor(rng() * 10000), 4) + PASSWORD_SPECIAL;
  while (password.length < PASSWORD_MIN) password += String(Math.floor(rng() * 10));
  return {
    idNumber, name, password,
    phone: PHONE_PREFIXES[global % PHONE_PREFIXES.length] + pad(scatter(Math.floor(global / PHONE_PREFIXES.length), 100000000), 8),
    email: (10000 + global) + '@qq.com',
    address: '10.' + ((global >>> 16) & 255) + '.' + ((global >>> 8) & 255) + '.' + (global & 255),
    idValidFrom: (SEASON - 5) + '-03-01',
    idValidTo: (SEASON + 15) + '-03-01',
    ethnicity: weighted(rng, ETHNICITIES).name,
    city: city.name,
    stage: stage.stage,
    certificate: {
      number: issueYear + p.code + pad(1 + Math.floor(serial / 1000000), 3) + stage.code + (male ? 1 : 2) + pad(serial % 1000000, 6),
      holderName: name, idNumber, qualificationType: stage.qualificationType, subject: pick(rng, stage.subjects),
      province: p.code, city: city.name, certifyingBody: city.name + '教育局', issueDate: issueYear + '-07-01',
    },
  };
}
`;
