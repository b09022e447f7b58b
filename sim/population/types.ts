import type { Persona } from '../../machines';
import type { IdType } from '../../rules';
import type { SyntheticCertificate } from './certificate';
import type { Gender } from './layout/strata';

/** One synthetic in-post teacher: what they type, what they hold, how they behave. */
export interface SyntheticApplicant {
  /** Position in the population: the same seed and index give the same applicant. */
  index: number;
  idType: IdType;
  /** Valid for its type (checkIdNumber passes) and distinct across the population. */
  idNumber: string;
  name: string;
  gender: Gender;
  birthDate: string;
  /** 民族, asked of everyone at first login (SPEC §3). */
  ethnicity: string;
  /** Current at the season; a long-term (长期) card ends on LONG_TERM. */
  idValidFrom: string;
  idValidTo: string;
  /** Permit holders: the local identity card (HK, Macau or Taiwan), asked at first login. */
  localIdNumber?: string;
  /** Residence-permit holders: the matching travel permit (H/M + 8 digits, or 8 digits). */
  permitNumber?: string;
  /** Accepted by the password rule of the rules the population was made with. */
  password: string;
  email: string;
  /** 11 digits, 1[3-9]…; distinct across the population. */
  phone: string;
  /** Province code (2 digits) and city where the applicant teaches. */
  province: string;
  city: string;
  /** Current teaching stage (现任教学段), matching the certificate's level. */
  stage: string;
  /** The certificate to register, as the registry holds it (distinct numbers). */
  certificate: SyntheticCertificate;
  persona: Persona;
  /** The public-security record is stale: self-verification fails until CTID is opened. */
  staleRecord: boolean;
}
