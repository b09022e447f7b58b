/**
 * The population's layout: which province, ID type, birthplace, sex and birth year each
 * index gets, and a slot inside that stratum from which its ID number is built.
 *
 * The proportions are not drawn per applicant but laid out: applicant i takes position
 * π(i) in [0, size), and the positions are split into provinces, each province into ID
 * types, and so on down to (birthplace, sex, birth year). Two things follow: the shares are
 * exact (within one applicant per stratum), and the position inside the last stratum is
 * unique, so every ID number is distinct without remembering the ones handed out. Each
 * province is one range of positions, so "the k-th applicant of Fujian" is a lookup.
 */
import type { IdType } from '../../../rules';
import { AffinePermutation } from './permutation';
import { Split } from './split';

export type Gender = 'male' | 'female';

export interface LayoutConfig {
  size: number;
  /** Province codes with their weights. */
  provinces: readonly { code: string; weight: number; cities: readonly { weight: number }[] }[];
  idTypes: Readonly<Record<IdType, number>>;
  residencePermitAreas: Readonly<Record<string, number>>;
  hkMacauPrefixes: Readonly<Record<string, number>>;
  femaleShare: number;
  /** Birth-year weights by sex, for years firstBirthYear, firstBirthYear + 1, … */
  firstBirthYear: number;
  birthYearWeights: Readonly<Record<Gender, readonly number[]>>;
  /** Two numbers in [0, 1) from the seeded stream: the permutation's shape. */
  jitter: number;
  offset: number;
}

/** Where an index sits: its strata and its slot in the innermost one. */
export interface Stratum {
  province: string;
  idType: IdType;
  /** Birthplace city (resident IDs) in the province's city table, else undefined. */
  cityIndex?: number;
  /** Residence-permit area code or HK/Macau permit prefix. */
  variant?: string;
  gender: Gender;
  birthYear: number;
  /** Position inside the innermost stratum, 0 ≤ slot < slots. */
  slot: number;
  slots: number;
}

const ID_TYPES: readonly IdType[] = ['resident-id', 'residence-permit', 'hk-macau-permit', 'taiwan-permit'];
const GENDERS: readonly Gender[] = ['female', 'male'];

export class PopulationLayout {
  private readonly permutation: AffinePermutation;
  private readonly provinceSplit: Split;
  private readonly idTypeSplit: Split;
  private readonly citySplits: Split[];
  private readonly areaSplit: Split;
  private readonly areas: string[];
  private readonly prefixSplit: Split;
  private readonly prefixes: string[];
  private readonly genderSplit: Split;
  private readonly yearSplits: Record<Gender, Split>;
  private readonly provinceIndex: Map<string, number>;

  constructor(private readonly config: LayoutConfig) {
    this.permutation = new AffinePermutation(config.size, config.jitter, config.offset);
    this.provinceSplit = new Split(config.provinces.map((p) => p.weight));
    this.provinceIndex = new Map(config.provinces.map((p, i) => [p.code, i]));
    this.idTypeSplit = new Split(ID_TYPES.map((t) => config.idTypes[t]));
    this.citySplits = config.provinces.map((p) => new Split(p.cities.map((c) => c.weight)));
    this.areas = Object.keys(config.residencePermitAreas);
    this.areaSplit = new Split(Object.values(config.residencePermitAreas));
    this.prefixes = Object.keys(config.hkMacauPrefixes);
    this.prefixSplit = new Split(Object.values(config.hkMacauPrefixes));
    this.genderSplit = new Split([config.femaleShare, 1 - config.femaleShare]);
    this.yearSplits = { female: new Split(config.birthYearWeights.female), male: new Split(config.birthYearWeights.male) };
  }

  get size(): number { return this.config.size; }

  stratumOf(index: number): Stratum {
    if (!Number.isInteger(index) || index < 0 || index >= this.config.size) throw new RangeError(`index ${index} is outside the population [0, ${this.config.size})`);
    const v = this.permutation.at(index);
    const province = this.provinceSplit.locate(0, this.config.size, v);
    const type = this.idTypeSplit.locate(province.lo, province.hi, v);
    const idType = ID_TYPES[type.index]!;
    let range = type;
    let cityIndex: number | undefined;
    let variant: string | undefined;
    if (idType === 'resident-id') {
      range = this.citySplits[province.index]!.locate(range.lo, range.hi, v);
      cityIndex = range.index;
    } else if (idType === 'residence-permit') {
      range = this.areaSplit.locate(range.lo, range.hi, v);
      variant = this.areas[range.index];
    } else if (idType === 'hk-macau-permit') {
      range = this.prefixSplit.locate(range.lo, range.hi, v);
      variant = this.prefixes[range.index];
    }
    const genderPart = this.genderSplit.locate(range.lo, range.hi, v);
    const gender = GENDERS[genderPart.index]!;
    const year = this.yearSplits[gender].locate(genderPart.lo, genderPart.hi, v);
    return {
      province: this.config.provinces[province.index]!.code,
      idType, cityIndex, variant, gender,
      birthYear: this.config.firstBirthYear + year.index,
      slot: v - year.lo,
      slots: year.hi - year.lo,
    };
  }

  /** How many applicants each province holds, in the order of the configuration. */
  provinceSizes(): Map<string, number> {
    return new Map(this.config.provinces.map((p, j) => {
      const part = this.provinceSplit.part(0, this.config.size, j);
      return [p.code, part.hi - part.lo];
    }));
  }

  /** The index of the k-th applicant (0-based) of a province. */
  memberOf(province: string, k: number): number {
    const j = this.provinceIndex.get(province);
    if (j === undefined) throw new RangeError(`province ${province} is not in this population`);
    const part = this.provinceSplit.part(0, this.config.size, j);
    if (!Number.isInteger(k) || k < 0 || k >= part.hi - part.lo) throw new RangeError(`province ${province} has ${part.hi - part.lo} applicants; there is no number ${k}`);
    return this.permutation.inverse(part.lo + k);
  }
}
