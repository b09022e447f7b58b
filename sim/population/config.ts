/**
 * What a scenario says about its population, and the tables derived from it. Everything
 * but the stream, the size and the stale rate has a default from the data tables.
 */
import type { IdType, Rules } from '../../rules';
import { defaultRules } from '../../rules';
import type { Rng } from '../random';
import { DEFAULT_CERTIFICATE_MIX, type CertificateMix } from './certificate';
import { ID_TYPE_SHARES, HK_MACAU_PREFIX_SHARES, RESIDENCE_PERMIT_AREA_SHARES } from './data/id-types';
import { PROVINCES, provinceOf, type Province } from './data/provinces';
import { AGE_BANDS, STAGES, femaleOver55, type QualificationCode, type Stage } from './data/teachers';
import type { Gender } from './layout/strata';
import { DEFAULT_PERSONA_MIX, type PersonaMix } from './persona/mix';

export interface PopulationConfig {
  /** The population stream (e.g. `streams.stream('population')`); applicant i draws from its fork(i). */
  rng: Rng;
  size: number;
  /** Share of applicants whose public-security record is stale (SPEC §4). */
  staleRate: number;
  /** The rules the applicants' passwords, mailboxes and certificates must fit (default: the defaults). */
  rules?: Rules;
  /** The day the season is seen from (YYYY-MM-DD): ages, ID validity, certificate years. */
  asOf?: string;
  /** Province codes (weighted by teacher numbers), or codes with weights of their own. */
  provinces?: readonly string[] | Readonly<Record<string, number>>;
  idTypes?: Partial<Record<IdType, number>>;
  /** Weights of qualification types by their code (1 kindergarten … 7 higher education). */
  stages?: Partial<Record<QualificationCode, number>>;
  certificates?: Partial<CertificateMix>;
  /** Mail providers with weights (default: data/contact EMAIL_DOMAINS). */
  emailDomains?: Readonly<Record<string, number>>;
  persona?: Partial<PersonaMix>;
}

/** The default season: the 2026 second half (the rules' calendar holds 2026). */
export const DEFAULT_AS_OF = '2026-07-01';
const AGES = { youngest: 22, oldest: 59 };

export interface ResolvedConfig {
  rules: Rules;
  asOf: string;
  asOfYear: number;
  provinces: { province: Province; weight: number }[];
  idTypes: Record<IdType, number>;
  residencePermitAreas: Record<string, number>;
  hkMacauPrefixes: Record<string, number>;
  stages: Stage[];
  /** P(stage | sex), as weights over `stages`. */
  stageWeights: Record<Gender, number[]>;
  femaleShare: number;
  firstBirthYear: number;
  birthYearWeights: Record<Gender, number[]>;
  /** Share of applicants born early enough for a pre-2008 certificate. */
  olderEligibleShare: number;
  certificates: CertificateMix;
  persona: PersonaMix;
}

export function resolveConfig(config: PopulationConfig): ResolvedConfig {
  if (!Number.isInteger(config.size) || config.size < 1) throw new RangeError(`population size ${config.size} must be a positive integer`);
  if (!(config.staleRate >= 0 && config.staleRate <= 1)) throw new RangeError(`staleRate ${config.staleRate} must be in [0, 1]`);
  const rules = config.rules ?? defaultRules;
  const asOf = config.asOf ?? DEFAULT_AS_OF;
  const asOfYear = Number(asOf.slice(0, 4));

  const stageWeight = (s: Stage) => config.stages?.[s.code] ?? s.weight;
  const stages = STAGES.filter((s) => stageWeight(s) > 0);
  if (stages.length === 0) throw new RangeError('at least one qualification type needs a positive weight');
  const women = stages.reduce((sum, s) => sum + stageWeight(s) * s.femaleShare, 0);
  const femaleShare = women / stages.reduce((sum, s) => sum + stageWeight(s), 0);

  const firstBirthYear = asOfYear - AGES.oldest;
  const ages = Array.from({ length: AGES.oldest - AGES.youngest + 1 }, (_, j) => AGES.oldest - j);
  const ageWeight = (age: number) => {
    const band = AGE_BANDS.find((b) => age >= b.from && age <= b.to)!;
    return band.share / (band.to - band.from + 1);
  };
  const birthYearWeights = {
    female: ages.map((age) => ageWeight(age) * (age >= 55 ? femaleOver55 : 1)),
    male: ages.map(ageWeight),
  };
  const eligible = (g: Gender) => {
    const w = birthYearWeights[g];
    const total = w.reduce((a, b) => a + b, 0);
    return w.reduce((sum, x, j) => (firstBirthYear + j + 20 <= 2007 ? sum + x : sum), 0) / total;
  };

  return {
    rules,
    asOf,
    asOfYear,
    provinces: provinceWeights(config.provinces),
    idTypes: { ...ID_TYPE_SHARES, ...config.idTypes },
    residencePermitAreas: Object.fromEntries(rules.identity.residencePermitAreaCodes.map((a) => [a, RESIDENCE_PERMIT_AREA_SHARES[a] ?? 1])),
    hkMacauPrefixes: Object.fromEntries(rules.identity.hkMacauPermit.prefixes.map((p) => [p, HK_MACAU_PREFIX_SHARES[p] ?? 1])),
    stages,
    stageWeights: {
      female: stages.map((s) => stageWeight(s) * s.femaleShare),
      male: stages.map((s) => stageWeight(s) * (1 - s.femaleShare)),
    },
    femaleShare,
    firstBirthYear,
    birthYearWeights,
    olderEligibleShare: femaleShare * eligible('female') + (1 - femaleShare) * eligible('male'),
    certificates: { ...DEFAULT_CERTIFICATE_MIX, ...config.certificates },
    persona: { ...DEFAULT_PERSONA_MIX, ...config.persona },
  };
}

function provinceWeights(spec: PopulationConfig['provinces']): { province: Province; weight: number }[] {
  if (spec === undefined) return PROVINCES.map((province) => ({ province, weight: province.teachers }));
  if (Array.isArray(spec)) return (spec as readonly string[]).map((code) => ({ province: provinceOf(code), weight: provinceOf(code).teachers }));
  return Object.entries(spec).map(([code, weight]) => ({ province: provinceOf(code), weight }));
}
