import { z } from 'zod';
import type { Rules } from '../../rules';
import { PortalContext, type PortalDeps } from './context';
import { OPERATIONS } from './operations';
import type { Caller, Operation } from './operation';
import { forbidden, invalid, PortalProblem, unauthorized, type FieldError } from './problem';
import { fieldErrors } from './validation';
import { forgetApplicant, sweepExpired, sweepPastDays } from './housekeeping';
import type { MaybePromise } from './maybe-async';
import { validInputTwin } from './fields';
import { refuseEditWhileReviewPending } from './manual-review/pending-freeze';

/** An operation as the portal runs it: its input schema compiled, its prerequisites looked up once. */
interface Entry {
  op: Operation;
  schema: z.ZodType;
  /** The schema's compiled twin for valid input, when the schema itself does not compile (fields.ts). */
  twin?: z.ZodType;
  profile: boolean;
  realName: boolean;
}

/**
 * The portal: every operation of API.md by its operationId, over one context. Both
 * transports call `invoke`; it resolves the session, checks prerequisites, validates the
 * input (every failing field at once), refuses identity edits while a manual review is pending
 * and runs the operation. An answer may be `Lazy`
 * (lazy.ts): built when read; the HTTP layer reads it before sending.
 */
export class Portal {
  readonly ctx: PortalContext;
  /** Operations compiled so far, by operationId. */
  private readonly operations = new Map<string, Entry>();

  constructor(deps: PortalDeps) {
    this.ctx = new PortalContext(deps, OPERATIONS.map((op) => op.operationId));
  }

  get rules(): Rules { return this.ctx.rules; }

  operation(operationId: string): Operation | undefined { return BY_ID.get(operationId); }

  /**
   * An operation with its input schema compiled (zod's generated fast path: zod's parser was a
   * third of the portal's time in a run), at its first call: compiling all of them took a tenth
   * of a second a portal, and a run calls about half. A compiled schema falls back to that parser
   * on invalid input, so field errors are the same. A schema zod cannot compile (a check that runs
   * when other fields failed) is parsed by its compiled twin for valid input first (fields.ts),
   * by itself only to name what failed.
   */
  private entry(operationId: string): Entry | undefined {
    let entry = this.operations.get(operationId);
    const op = entry ? undefined : BY_ID.get(operationId);
    if (op) {
      const schema = op.input(this.rules);
      const twin = validInputTwin(schema);
      this.operations.set(operationId, entry = {
        op,
        schema: z.compile(schema),
        ...(twin ? { twin: z.compile(twin) } : {}),
        profile: op.access === 'applicant' && op.requires.includes('profile'),
        realName: op.access === 'applicant' && op.requires.includes('realName'),
      });
    }
    return entry;
  }

  /**
   * Runs an operation. A synchronous one (most: all of them with a hasher that answers at once)
   * answers now: its result, or the PortalProblem it refused with, thrown. One that really waits
   * (a password hashed on the thread pool) answers through a promise. Every refusal is counted
   * (getStats). The simulator makes tens of millions of calls: no promise for those that need none.
   */
  invoke(operationId: string, raw: unknown, caller: Caller = {}): MaybePromise<unknown> {
    const entry = this.entry(operationId);
    if (!entry) throw new PortalProblem(404, 'UNKNOWN_OPERATION', `no operation ${operationId}`);
    try {
      return this.counted(this.run(entry, raw ?? {}, caller));
    } catch (error) {
      throw this.ctx.refused(error);
    }
  }

  /**
   * The simulator's own seeds, trusted: an admin operation that takes them (`trustedInput`) runs
   * on the input as its schema would have given it, without checking it. In process only (no
   * route reaches it): the simulator generates thousands of valid records a second, and
   * validating each was a fifth of the portal's time. Anyone else seeds through `invoke`.
   */
  seed(operationId: string, raw: unknown): MaybePromise<unknown> {
    const op = BY_ID.get(operationId);
    if (op?.access !== 'admin' || !op.trustedInput) throw new Error(`${operationId} takes no trusted seeds`);
    const { ctx } = this;
    try {
      return this.counted(op.run({ ctx, input: op.trustedInput(raw, ctx.rules), now: ctx.now(), caller: {} }));
    } catch (error) {
      throw ctx.refused(error);
    }
  }

  /** A result as it is, or a promise of one whose refusal is counted when it comes. */
  private counted(result: unknown): unknown {
    return result instanceof Promise ? result.catch((error: unknown) => { throw this.ctx.refused(error); }) : result;
  }

  private run(entry: Entry, raw: unknown, caller: Caller): unknown {
    const { ctx } = this;
    const { op } = entry;
    const now = ctx.now();
    const session = op.access === 'applicant' ? this.session(caller, now) : undefined;
    const account = session && ctx.state.accounts.get(session.idNumber);
    if (op.access === 'applicant') {
      if (!session || !account) throw unauthorized();
      if (entry.profile && !account.profile) {
        throw forbidden('PROFILE_INCOMPLETE', 'complete your identity information first (首次登录完善信息)');
      }
      if (entry.realName && account.realName.status !== 'verified') {
        throw forbidden('REAL_NAME_REQUIRED', 'real-name verification is required before this business (实名核验)');
      }
    }
    // A captcha token is used up by the call presenting it, whatever the outcome (API.md).
    const captchaOk = !op.captcha || ctx.captchas.consume((raw as { captchaToken?: unknown }).captchaToken, now);
    let parsed = (entry.twin ?? entry.schema).safeParse(raw);
    if (!parsed.success && entry.twin) parsed = entry.schema.safeParse(raw);
    if (!parsed.success || !captchaOk) {
      const errors: FieldError[] = parsed.success ? [] : fieldErrors(parsed.error, raw);
      if (!captchaOk && !errors.some((e) => e.field === 'captchaToken')) {
        errors.push({ field: 'captchaToken', code: 'CAPTCHA_INVALID', message: 'solve a new slider captcha: this token is unknown, used or expired' });
      }
      throw invalid(errors);
    }
    const input = parsed.data;
    if (op.access === 'applicant') {
      refuseEditWhileReviewPending(ctx, op, input, account!);
      return op.run({ ctx, input, now, caller, account: account!, session: session! });
    }
    return op.run({ ctx, input, now, caller });
  }

  /** Housekeeping for long simulations (housekeeping.ts): drops a finished applicant's records. */
  forgetApplicant(idNumber: string): boolean { return forgetApplicant(this.ctx, idNumber); }

  /** Housekeeping: drops quota counters of days gone by. */
  sweepPastDays(now: number): number { return sweepPastDays(this.ctx, now); }
  sweepExpired(now: number) { return sweepExpired(this.ctx, now); }

  private session(caller: Caller, now: number) {
    if (!caller.token) return undefined;
    const session = this.ctx.state.sessions.get(caller.token);
    if (!session) return undefined;
    if (session.expiresAt <= now) {
      this.ctx.state.sessions.delete(caller.token);
      throw unauthorized('SESSION_EXPIRED', 'the session has expired: sign in again');
    }
    return session;
  }
}

const BY_ID = new Map(OPERATIONS.map((op) => [op.operationId, op]));
