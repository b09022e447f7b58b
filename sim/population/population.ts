/**
 * A population of synthetic applicants, generated one index at a time: applicant i is a
 * pure function of (seed, config, i), so a 3-million population is never held in memory
 * and the simulator can ask for applicant i when it arrives.
 *
 * Each applicant draws from its own stream, fork(i), and its persona from a fork of that:
 * the draws that depend on the rules (the mailbox, whose QQ domains are a rule, then the
 * password) come last, so another rule set meets the same applicants behaving the same way.
 */
import { pickWeighted, type Rng } from '../random';
import { Certificates } from './certificate';
import { resolveConfig, type PopulationConfig, type ResolvedConfig } from './config';
import { ETHNICITIES } from './data/people';
import { EMAIL_DOMAINS } from './data/contact';
import { PhoneNumbers, Mailboxes, password } from './identity/contact';
import { IdNumbers } from './identity/id-numbers';
import { hongKongIdentityCard, macauIdentityCard, taiwanIdentityCard } from './identity/local-ids';
import { chineseName } from './identity/names';
import { idValidity } from './identity/validity';
import { PopulationLayout, type Stratum } from './layout/strata';
import { PersonaDrawer } from './persona/draw';
import type { SyntheticApplicant } from './types';

export interface Population extends Iterable<SyntheticApplicant> {
  readonly size: number;
  readonly config: ResolvedConfig;
  /** Applicant `index` (0 ≤ index < size): the same every time it is asked for. */
  applicantAt(index: number): SyntheticApplicant;
  /** How many applicants teach in each province. */
  provinceSizes(): Map<string, number>;
  /** The index of the k-th applicant (0-based) of a province: arrivals per province use it. */
  memberOf(province: string, k: number): number;
}

export function createPopulation(input: PopulationConfig): Population {
  const config = resolveConfig(input);
  const root = input.rng;
  // The identifier permutations take their shape from the stream, once.
  const shape = root.fork('layout');
  const layout = new PopulationLayout({
    size: input.size,
    provinces: config.provinces.map(({ province, weight }) => ({ code: province.code, weight, cities: province.cities })),
    idTypes: config.idTypes,
    residencePermitAreas: config.residencePermitAreas,
    hkMacauPrefixes: config.hkMacauPrefixes,
    femaleShare: config.femaleShare,
    firstBirthYear: config.firstBirthYear,
    birthYearWeights: config.birthYearWeights,
    jitter: shape.next(),
    offset: shape.next(),
  });
  const ids = new IdNumbers(shape.next(), shape.next());
  const phones = new PhoneNumbers(shape.next(), shape.next());
  const certificates = new Certificates(config.rules, config.certificates, config.asOf, config.olderEligibleShare, shape.next(), shape.next());
  const mailboxes = new Mailboxes(config.rules, input.emailDomains ?? EMAIL_DOMAINS);
  const personas = new PersonaDrawer(config.persona);
  const provinces = new Map(config.provinces.map(({ province }) => [province.code, province]));
  const cityWeights = new Map(config.provinces.map(({ province }) => [province.code, province.cities.map((c) => c.weight)]));

  function applicantAt(index: number): SyntheticApplicant {
    const stratum = layout.stratumOf(index);
    const rng = root.fork(index);
    const province = provinces.get(stratum.province)!;
    const staleRecord = rng.next() < input.staleRate; // always one draw: the rate never shifts the rest
    // Resident IDs record the birthplace; permit holders live in a city of their own.
    const cityIndex = stratum.cityIndex ?? rng.weighted(cityWeights.get(province.code)!);
    const city = province.cities[cityIndex]!;
    const { idNumber, birthDate } = ids.of(stratum, city.area, index);
    const birthYear = stratum.birthYear;
    const name = chineseName(rng, stratum.gender);
    const ethnicity = pickWeighted(rng, ETHNICITIES);
    const stage = config.stages[rng.weighted(config.stageWeights[stratum.gender])]!;
    const validity = idValidity(rng, stratum.idType, birthDate, config.asOf);
    const documents = localDocuments(rng, stratum, index, ids);
    const { certificate, handAdded } = certificates.of(rng, { index, name, idNumber, gender: stratum.gender, birthYear, province: province.code }, stage);
    const email = mailboxes.of(rng, birthYear);
    const secret = password(rng, config.rules, birthYear);
    return {
      index,
      idType: stratum.idType,
      idNumber,
      name,
      gender: stratum.gender,
      birthDate,
      ethnicity,
      idValidFrom: validity.from,
      idValidTo: validity.to,
      ...documents,
      password: secret,
      email,
      phone: phones.of(index),
      province: province.code,
      city: city.name,
      stage: stage.stage,
      certificate,
      persona: personas.draw(rng.fork('persona'), { staleRecord, handAddedCertificate: handAdded }),
      staleRecord,
    };
  }

  return {
    size: input.size,
    config,
    applicantAt,
    provinceSizes: () => layout.provinceSizes(),
    memberOf: (province, k) => layout.memberOf(province, k),
    *[Symbol.iterator]() {
      for (let i = 0; i < input.size; i += 1) yield applicantAt(i);
    },
  };
}

/** The local identity card and, for residence permits, the matching travel permit (SPEC §3). */
function localDocuments(rng: Rng, stratum: Stratum, index: number, ids: IdNumbers): { localIdNumber?: string; permitNumber?: string } {
  switch (stratum.idType) {
    case 'resident-id':
      return {};
    case 'hk-macau-permit':
      return { localIdNumber: stratum.variant === 'M' ? macauIdentityCard(rng) : hongKongIdentityCard(rng) };
    case 'taiwan-permit':
      return { localIdNumber: taiwanIdentityCard(rng, stratum.gender) };
    case 'residence-permit': {
      // 810000 Hong Kong, 820000 Macau, 830000 Taiwan: the permit that goes with the card.
      const permit = ids.permitFor(stratum.variant!, index);
      const local = stratum.variant === '820000' ? macauIdentityCard(rng)
        : stratum.variant === '830000' ? taiwanIdentityCard(rng, stratum.gender) : hongKongIdentityCard(rng);
      return { localIdNumber: local, permitNumber: permit };
    }
  }
}
