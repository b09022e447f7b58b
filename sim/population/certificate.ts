/**
 * The teacher certificate each applicant holds, as the registry keeps it.
 *
 * Numbers (SPEC §8): from 2008, 17 digits: year (4) + province (2) + certifying body (3)
 * + qualification type (1) + sex (1: 1 men, 2 women) + serial (6); before 2008, 15 digits:
 * year + province + body + type + serial (5), the layout of the stub's demo data. Body and
 * serial together are the applicant's index through a permutation, so numbers are
 * distinct (the registry keeps certificates under their number); the body's name follows
 * its code, so one code always names the same body.
 *
 * Sync (002/003 §1.1.2): certificates from the sync year (2008; Guangxi 2012, from
 * rules.certificates) are in the system. Older ones show only with a first-registration
 * record; without one the applicant adds the certificate by hand.
 */
import type { Rules } from '../../rules';
import type { Certificate } from '../../stub-server/portal';
import { pickWeighted, sample, type Rng } from '../random';
import { provinceOf } from './data/provinces';
import { CERTIFICATION, LAST_REGISTRATION_CONCLUSION, type Stage } from './data/teachers';
import type { Gender } from './layout/strata';
import { AffinePermutation } from './layout/permutation';

/** What the registry holds; `source` is set when it is seeded. */
export type SyntheticCertificate = Omit<Certificate, 'source' | 'photo' | 'extraPhotos' | 'addedAt'>;

export interface CertificateMix {
  /** Share of certificates issued before 2008 (older teachers only; 2001-2002 transition). */
  pre2008Share: number;
  /**
   * Share of certificates issued ten or more years before the season that carry a registration
   * record: their holders were due in the last five-year cycle. Whether such a record exists
   * is a fact about the teacher, not a rule, so it does not depend on the sync years.
   */
  longInPostRegisteredShare: number;
  /** Share of certificates issued two to nine years before the season registered before. */
  recentRegisteredShare: number;
}

export const DEFAULT_CERTIFICATE_MIX: CertificateMix = {
  pre2008Share: 0.3,
  longInPostRegisteredShare: 0.85,
  recentRegisteredShare: 0.6,
};

const MUNICIPALITY_COMMISSIONS = new Set(['11', '50']); // Beijing and Chongqing: 教育委员会

export interface Holder {
  index: number;
  name: string;
  idNumber: string;
  gender: Gender;
  birthYear: number;
  province: string;
}

export class Certificates {
  private readonly long: AffinePermutation;
  private readonly short: AffinePermutation;
  private readonly asOfYear: number;

  /**
   * `olderEligibleShare`: the share of applicants old enough to have been certified before
   * 2008, from the age table; it turns pre2008Share into a chance among them.
   */
  constructor(
    private readonly rules: Rules,
    private readonly mix: CertificateMix,
    private readonly asOf: string,
    private readonly olderEligibleShare: number,
    jitter: number,
    offset: number,
  ) {
    this.long = new AffinePermutation(999_000_000, jitter, offset);
    this.short = new AffinePermutation(99_900_000, offset, jitter);
    this.asOfYear = Number(asOf.slice(0, 4));
  }

  /** The holder's certificate, and whether it must be added by hand. */
  of(rng: Rng, holder: Holder, stage: Stage): { certificate: SyntheticCertificate; handAdded: boolean } {
    const issueYear = this.issueYear(rng, holder.birthYear);
    const issueDate = `${issueYear}-${String(3 + rng.int(10)).padStart(2, '0')}-${String(1 + rng.int(28)).padStart(2, '0')}`;
    const syncFrom = this.rules.certificates.syncedFromYearByProvince[holder.province] ?? this.rules.certificates.syncedFromYear;
    const subject = pickWeighted(rng, stage.subjects);
    const inPost = this.asOfYear - issueYear;
    const registered = rng.next() < (inPost >= 10 ? this.mix.longInPostRegisteredShare : inPost >= 2 ? this.mix.recentRegisteredShare : 0);
    // The rules decide only what syncs: another sync year changes no draw.
    const beforeSync = issueYear < syncFrom;
    const province = provinceOf(holder.province);
    const { number, body } = this.number(holder, stage, issueYear);
    const city = province.cities[body % province.cities.length]!.name;
    const certificate: SyntheticCertificate = {
      number,
      holderName: holder.name,
      idNumber: holder.idNumber,
      qualificationType: stage.qualificationType,
      subject,
      province: holder.province,
      city,
      certifyingBody: stage.code === 7
        ? `${province.name}教育厅`
        : `${city}${MUNICIPALITY_COMMISSIONS.has(holder.province) ? '教育委员会' : '教育局'}`,
      issueDate,
    };
    if (registered) certificate.lastRegistration = { date: this.registrationDate(rng, issueYear), conclusion: LAST_REGISTRATION_CONCLUSION };
    return { certificate, handAdded: beforeSync && !registered };
  }

  private issueYear(rng: Rng, birthYear: number): number {
    const latest = this.asOfYear - 1;
    const earliestPre = Math.max(CERTIFICATION.firstYear, birthYear + 20);
    if (earliestPre <= 2007 && rng.chance(Math.min(1, this.mix.pre2008Share / this.olderEligibleShare))) {
      const years = range(earliestPre, 2007);
      const weights = years.map((y) => (CERTIFICATION.transitionYears.includes(y as 2001) ? CERTIFICATION.transitionWeight : 1));
      return years[rng.weighted(weights)]!;
    }
    const usual = birthYear + Math.round(sample(CERTIFICATION.ageAtCertification, rng));
    // Older teachers certified since 2008 changed stage or subject: any year since.
    return usual >= 2008 ? Math.min(usual, latest) : 2008 + rng.int(latest - 2008 + 1);
  }

  private number(holder: Holder, stage: Stage, issueYear: number): { number: string; body: number } {
    if (issueYear < 2008) {
      const n = this.short.at(holder.index);
      const body = 1 + Math.floor(n / 100_000);
      return { number: `${issueYear}${holder.province}${pad(body, 3)}${stage.code}${pad(n % 100_000, 5)}`, body };
    }
    const n = this.long.at(holder.index);
    const body = 1 + Math.floor(n / 1_000_000);
    const sex = holder.gender === 'male' ? 1 : 2;
    return { number: `${issueYear}${holder.province}${pad(body, 3)}${stage.code}${sex}${pad(n % 1_000_000, 6)}`, body };
  }

  /** The previous registration: five years before this season (registration lasts five), in its second half. */
  private registrationDate(rng: Rng, issueYear: number): string {
    const year = Math.min(this.asOfYear - 1, Math.max(issueYear + 1, this.asOfYear - this.rules.registration.validYears));
    return `${year}-${String(9 + rng.int(4)).padStart(2, '0')}-${String(1 + rng.int(28)).padStart(2, '0')}`;
  }
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
