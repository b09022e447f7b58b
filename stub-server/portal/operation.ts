import type { z } from 'zod';
import type { Rules } from '../../rules';
import type { Access } from './access';
import type { PortalContext } from './context';
import type { Account, Session } from './records';
import type { ProblemCode } from './problem-codes';

export type { Access };

/** Who calls: a session token for applicant operations, the client address for rate limits. */
export interface Caller { token?: string; address?: string }

/** What an applicant must have done before a business operation (SPEC §3, §4). */
export type Prerequisite = 'profile' | 'realName';

interface Base<I> {
  operationId: string;
  summary: string;
  /** Where the rule comes from in SPEC.md. */
  section: string;
  /** The input schema, built once for a rule set. */
  input: (rules: Rules) => z.ZodType<I>;
  /**
   * The success answer: a schema of its JSON (its JSON Schema is the answer's schema in
   * /openapi.json, and the HTTP tests hold every answer to it), or a binary's media type.
   */
  output: z.ZodType | { binary: string };
  /**
   * The business refusals the operation itself answers with. Those of every operation of its
   * kind (a session or the admin token missing, its prerequisites, a captcha, the body, rate
   * limits, faults, the store) are added by the document, not listed here.
   */
  refuses?: readonly ProblemCode[];
  /** The input carries a single-use `captchaToken`, used up whatever the outcome. */
  captcha?: boolean;
  /**
   * Seeds only (Portal.seed, in process): the input as `input`'s schema would give it for valid
   * raw input (its trimming, case, defaults; unknown keys left out) without checking anything.
   * For the simulator's generated records; a test keeps it equal to the schema's output.
   */
  trustedInput?: (raw: any, rules: Rules) => I;
}

export interface Call<I> { ctx: PortalContext; input: I; now: number; caller: Caller }
export interface ApplicantCall<I> extends Call<I> { account: Account; session: Session }

export interface PublicOperation<I, O> extends Base<I> { access: 'public' | 'admin'; run(call: Call<I>): O | Promise<O> }
export interface ApplicantOperation<I, O> extends Base<I> {
  access: 'applicant';
  requires: Prerequisite[];
  /**
   * The operation edits what a manual review was submitted with, or asks for a verdict on it:
   * refused while a review is pending (manual-review/pending-freeze.ts). A function says whether
   * this input edits anything (the same profile sent again does not).
   */
  identityEdit?: true | ((input: I, account: Account) => boolean);
  run(call: ApplicantCall<I>): O | Promise<O>;
}

export type Operation<I = any, O = any> = PublicOperation<I, O> | ApplicantOperation<I, O>;

/** An operation anyone may call (no session). */
export const publicOperation = <I, O>(op: Omit<PublicOperation<I, O>, 'access'>): Operation<I, O> => ({ ...op, access: 'public' });
/** A back-office or test-control operation; the transport checks the admin token. */
export const adminOperation = <I, O>(op: Omit<PublicOperation<I, O>, 'access'>): Operation<I, O> => ({ ...op, access: 'admin' });
/** An operation of a signed-in applicant. */
export const applicantOperation = <I, O>(op: Omit<ApplicantOperation<I, O>, 'access'>): Operation<I, O> => ({ ...op, access: 'applicant' });

/** A non-JSON answer (the application-form PDF). */
export class BinaryResult {
  constructor(readonly contentType: string, readonly body: Buffer, readonly filename?: string) {}
}
