import { injectedProblem, withFaultScope } from '../../stub-server/portal';
import { ROUTES } from '../../stub-server/http';
import { BinaryResult, Lazy, PortalProblem, type MaybePromise, type Portal } from '../../stub-server/portal';
import type { CallOptions, PortalAnswer, PortalClient } from './client';
import type { CallerRandom } from './caller-random';
import type { Rng } from '../random';

const SUCCESS_STATUS = new Map(ROUTES.map((r) => [r.operationId, r.status ?? 200]));

/** A refusal as HTTP would carry it. */
const answerOf = (problem: PortalProblem): PortalAnswer => ({ status: problem.status, body: problem.toBody(), retryAfter: problem.extra.retryAfterSeconds });

/**
 * The body of a success as HTTP would carry it: JSON, or the bytes of a binary answer (a
 * promise of them when the portal builds them asynchronously: the form PDF).
 */
const bodyOf = (result: unknown): unknown =>
  result instanceof BinaryResult ? result.body : result instanceof Promise ? result.then(bodyOf) : result;

/**
 * A success whose body the portal built lazily: built on first read. A class, not an object
 * literal with `get body()`: V8 (Node 20) turns each such literal into a dictionary-mode object
 * as it is made, and every answer of a run is read many times.
 */
class LazyAnswer implements PortalAnswer {
  private built = false;
  private value: unknown;
  // Declared, so that what step-client and fault injection add later keeps one shape.
  latencyMs?: number;
  injectedDelayMs?: number;

  constructor(readonly status: number, private readonly lazy: Lazy<unknown>) {}

  get body(): unknown {
    if (!this.built) { this.value = bodyOf(this.lazy.value); this.built = true; }
    return this.value;
  }

  set body(value: unknown) { this.value = value; this.built = true; }
}

/** A success: its body now, or built on first read when the portal answered lazily. */
const success = (status: number, result: unknown): PortalAnswer =>
  result instanceof Lazy ? new LazyAnswer(status, result) : { status, body: bodyOf(result) };

/** A refusal becomes its answer; anything else is a bug, and goes on being thrown. */
const refusal = (error: unknown): PortalAnswer => {
  if (!(error instanceof PortalProblem)) throw error;
  return answerOf(error);
};

/** The answer to a call the portal took: now, or when its promise settles. */
function answered(operationId: string, result: MaybePromise<unknown>): MaybePromise<PortalAnswer> {
  const status = SUCCESS_STATUS.get(operationId) ?? 200;
  return result instanceof Promise ? result.then((value) => success(status, value), refusal) : success(status, result);
}

/** An answer that carries an injected delay (the answer is this call's own: no copy needed). */
function delayed(answer: PortalAnswer, injectedDelayMs: number): PortalAnswer {
  if (injectedDelayMs > 0) answer.injectedDelayMs = injectedDelayMs;
  return answer;
}

/** A client that can write the simulator's own generated seeds without validating them (Portal.seed). */
export interface TrustedSeeding {
  /** `draws`: the applicant's own stream for what the portal draws in seeding them (see CallOptions.draws). */
  seed(operationId: string, input: unknown, draws?: Rng): MaybePromise<PortalAnswer>;
}

export const takesTrustedSeeds = (client: PortalClient): client is PortalClient & TrustedSeeding =>
  typeof (client as Partial<TrustedSeeding>).seed === 'function';

/**
 * Calls the portal's domain directly, at whatever time the portal's clock says (the
 * simulator's virtual clock). Refusals become the problem bodies HTTP would carry. Answers
 * come at once for the operations that answer at once (all, with the simulator's password
 * hasher): no promise per call. A lazy answer's body (the form PDF, a back-office decision's
 * detail) is built when first read. Injected faults act as at HTTP's front door (an
 * operation's outage, error or latency) and in the domain (a backend's); a delay is not waited
 * out but carried on the answer (`injectedDelayMs`) for the run's timing to add to the call's
 * latency. Given the portal's CallerRandom, a call that brings the applicant's stream
 * (`options.draws`) has the portal draw from it.
 */
export class InProcessClient implements PortalClient, TrustedSeeding {
  constructor(private readonly portal: Portal, private readonly random?: CallerRandom) {}

  call(operationId: string, input: unknown = {}, options: CallOptions = {}): MaybePromise<PortalAnswer> {
    if (!this.random || !options.draws) return this.perform(operationId, input, options);
    return this.random.during(options.draws, () => this.perform(operationId, input, options));
  }

  admin(operationId: string, input: unknown = {}): MaybePromise<PortalAnswer> {
    return this.call(operationId, input);
  }

  /**
   * The simulator's own seeds (certificates, registry records, earlier accounts), trusted to be
   * valid: written without validation (Portal.seed). Seeds meet no injected faults.
   */
  seed(operationId: string, input: unknown, draws?: Rng): MaybePromise<PortalAnswer> {
    let result: MaybePromise<unknown>;
    try {
      result = this.random && draws ? this.random.during(draws, () => this.portal.seed(operationId, input)) : this.portal.seed(operationId, input);
    } catch (error) {
      return refusal(error);
    }
    return answered(operationId, result);
  }

  private perform(operationId: string, input: unknown, options: CallOptions): MaybePromise<PortalAnswer> {
    return this.portal.ctx.faults.quiet ? this.invoke(operationId, input, options) : this.withFaults(operationId, input, options);
  }

  private invoke(operationId: string, input: unknown, options: CallOptions): MaybePromise<PortalAnswer> {
    let result: MaybePromise<unknown>;
    try {
      result = this.portal.invoke(operationId, input, options);
    } catch (error) {
      return refusal(error);
    }
    return answered(operationId, result);
  }

  private withFaults(operationId: string, input: unknown, options: CallOptions): MaybePromise<PortalAnswer> {
    const { ctx } = this.portal;
    const op = this.portal.operation(operationId);
    const decision = op ? ctx.faults.decide(operationId, op.access, ctx.now()) : { kind: 'pass' as const, delayMs: 0 };
    const frontDelayMs = decision.kind === 'outage' ? 0 : decision.delayMs;
    const injected = injectedProblem(operationId, decision);
    if (injected) return { ...answerOf(ctx.refused(injected)), injectedDelayMs: frontDelayMs };
    const scoped = withFaultScope(() => this.invoke(operationId, input, options));
    const settle = ({ delayMs, outcome }: { delayMs: number; outcome: PromiseSettledResult<PortalAnswer> }): MaybePromise<PortalAnswer> => {
      if (outcome.status === 'rejected') throw outcome.reason;
      return delayed(outcome.value, frontDelayMs + delayMs);
    };
    return scoped instanceof Promise ? scoped.then(settle) : settle(scoped);
  }
}
