import type { PhotoFault } from '../../machines';
import type { SyntheticApplicant } from '../population';

/** A synthetic applicant: who they are and how they behave (sim/population draws them). */
export type ApplicantRecord = SyntheticApplicant;

/** What the applicant holds while using the portal: the session and what earlier steps gave. */
export interface ApplicantSession {
  token?: string;
  /** The password as it is now (a reset changes it). */
  password: string;
  photoId?: string;
  schoolId?: string;
  schoolName?: string;
  choice?: { institutionId: string; confirmationPointId: string; stage: string; subject: string };
  applicationNumber?: string;
  /** Where the applicant's requests come from (per-client limits). */
  address: string;
}

/** A session before the first step: every field there from the start, so all sessions share one hidden class. */
export const newSession = (password: string, address: string): ApplicantSession => ({
  token: undefined, password, photoId: undefined, schoolId: undefined, schoolName: undefined, choice: undefined, applicationNumber: undefined, address,
});

/** How this attempt goes wrong, if it does: drawn from the persona, or forced by a test. */
export interface Variant {
  typo?: boolean;
  wrongPassword?: boolean;
  captchaMiss?: boolean;
  /** The photo of this attempt is refused, for this fault. */
  photoFault?: PhotoFault;
  badCode?: boolean;
}
