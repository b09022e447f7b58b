import type { JourneyContext, Milestone } from '../../machines';
import type { ApplicantRecord, ApplicantSession, Call } from '../applicant';
import type { Rng } from '../random';

/** The applicant a call is made for, as the run sees them: their session, and the stream the back office draws from for them. */
export interface CallingApplicant {
  readonly record: ApplicantRecord;
  readonly session: ApplicantSession;
  /** The back office's draws on this applicant's reviews and registration: a fork of their own stream, so the desks' order of work shifts no one's outcome. */
  readonly backOffice: Rng;
}

/** What the driver tells the run about an applicant. */
export interface JourneyObserver {
  milestone(name: Milestone, now: number): void;
  /** Every portal call of a step, with the latency the capacity model gave it; `retry` when the step is tried again after the portal failed it. */
  call(call: Call, latencyMs: number, at: number, applicant: CallingApplicant, retry: boolean): void;
  /**
   * Applicants at the portal now (between their first page and a wait or the end), each time
   * one comes (`entered`) or goes; `record`: who.
   */
  inSession(count: number, entered: boolean, record: ApplicantRecord): void;
  /** A step refused before the portal ran it (the SMS gateway was full). */
  refused(code: string, at: number): void;
  finished(state: string, context: JourneyContext, record: ApplicantRecord): void;
}
