/**
 * The synthetic population: in-post teachers with valid, distinct identities, a certificate
 * each, contact details, and a persona; generated one index at a time from a seeded stream.
 */
export { createPopulation, type Population } from './population';
export { DEFAULT_AS_OF, type PopulationConfig, type ResolvedConfig } from './config';
export type { SyntheticApplicant } from './types';
export { DEFAULT_CERTIFICATE_MIX, type CertificateMix, type SyntheticCertificate } from './certificate';
export { DEFAULT_PERSONA_MIX, HOUR_PROFILES, type PersonaMix, type HourProfile } from './persona/mix';
export { LONG_TERM } from './identity/validity';
/** Mail addresses as people choose them: two applicants may give the same one. */
export { Mailboxes } from './identity/contact';
export type { Gender } from './layout/strata';
export { PROVINCES, provinceOf, type Province, type City } from './data/provinces';
export { STAGES, type Stage, type QualificationCode } from './data/teachers';
export { ID_TYPE_SHARES } from './data/id-types';
/** The tables people are drawn from, for those that write the same people elsewhere (k6/data.ts). */
export { MOBILE_PREFIXES } from './data/contact';
export { COMMON_SURNAMES, ETHNICITIES } from './data/people';
