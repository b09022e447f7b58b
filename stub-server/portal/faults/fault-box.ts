import { AsyncLocalStorage } from 'node:async_hooks';
import seedrandom from 'seedrandom';
import type { Access } from '../access';
import { PortalProblem } from '../problem';
import type { ProblemCode } from '../problem-codes';
import type { PortalRandom } from '../random';
import type { MaybePromise } from '../maybe-async';
import { ANY_OPERATION, faultConfigSchema, type Backend, type FaultConfig, type OperationFault, type Outage } from './config';
import { sampleDelay, type Uniform } from './sample';

/** What the faults did since the configuration was set, by operationId or backend. */
export interface Injected { delayed: number; delayMs: number; errors: number; outageRefusals: number }

/** What a transport does with one call of an operation. */
export type Decision =
  | { kind: 'outage'; retryAfterSeconds: number; until: string }
  | { kind: 'error'; status: number; delayMs: number }
  | { kind: 'pass'; delayMs: number };

/**
 * The delay a call has picked up from the backends it used. The HTTP transport opens one per
 * request (`withFaultScope`) and waits it out after the operation ran (the in-process client
 * carries it on the answer); the domain adds to it through `FaultBox.useBackend`, without ever
 * waiting itself.
 */
const scope = new AsyncLocalStorage<{ delayMs: number }>();

export interface Scoped<T> { delayMs: number; outcome: PromiseSettledResult<T> }

/**
 * Runs `run` in a scope of its own and settles it: at once when it answers at once (the
 * in-process portal), else when its promise does.
 */
export function withFaultScope<T>(run: () => MaybePromise<T>): MaybePromise<Scoped<T>> {
  const bill = { delayMs: 0 };
  let result: MaybePromise<T>;
  try {
    result = scope.run(bill, run);
  } catch (reason) {
    return { delayMs: bill.delayMs, outcome: { status: 'rejected', reason } };
  }
  if (!(result instanceof Promise)) return { delayMs: bill.delayMs, outcome: { status: 'fulfilled', value: result } };
  return result.then(
    (value): Scoped<T> => ({ delayMs: bill.delayMs, outcome: { status: 'fulfilled', value } }),
    (reason: unknown): Scoped<T> => ({ delayMs: bill.delayMs, outcome: { status: 'rejected', reason } }),
  );
}

const BACKEND_PROBLEM: Record<Backend, { code: ProblemCode; what: string }> = {
  smsGateway: { code: 'SMS_GATEWAY_UNAVAILABLE', what: 'the SMS gateway' },
  registry: { code: 'REGISTRY_UNAVAILABLE', what: 'the public-security registry' },
};

/** The problem a backend's failure gives (503), by backend. */
export const backendProblemCode = (backend: Backend): string => BACKEND_PROBLEM[backend].code;

/** The problem codes of injected faults (the transport's and the backends'). */
export const INJECTED_CODES: ReadonlySet<string> = new Set([
  'INJECTED_FAULT', 'INJECTED_OUTAGE', ...Object.values(BACKEND_PROBLEM).map((p) => p.code),
]);

const EMPTY: FaultConfig = faultConfigSchema.parse({});

/**
 * The portal's injected faults: the configuration, the random draws for error rates and
 * latencies (seeded when the configuration names a seed, else the portal's source; never
 * Math.random), and what was injected. Decisions are taken on the portal's clock; waiting
 * is the transport's job.
 */
export class FaultBox {
  private config: FaultConfig = EMPTY;
  private uniform: Uniform;
  private readonly injected = new Map<string, Injected>();

  constructor(private readonly random: PortalRandom, initial: FaultConfig = EMPTY) {
    this.uniform = this.fromPortal;
    this.set(initial);
  }

  get(): FaultConfig { return this.config; }

  /** No fault configured: a transport can skip asking (the simulator's hot path). */
  get quiet(): boolean { return this.config === EMPTY; }

  /** Replaces the whole configuration; the seeded stream and the counts start afresh. */
  set(config: FaultConfig): void {
    this.config = config;
    this.uniform = config.seed === undefined ? this.fromPortal : seedrandom(String(config.seed));
    this.injected.clear();
  }

  stats(): Record<string, Injected> { return Object.fromEntries([...this.injected].sort(([a], [b]) => a.localeCompare(b))); }

  /** The faults of an operation: its own entry over the "*" entry (public and applicant operations only). */
  faultOf(operationId: string, access: Access): OperationFault | undefined {
    const { operations } = this.config;
    const own = Object.hasOwn(operations, operationId) ? operations[operationId] : undefined;
    const any = access === 'admin' || !Object.hasOwn(operations, ANY_OPERATION) ? undefined : operations[ANY_OPERATION];
    return any ? { ...any, ...own } : own;
  }

  /** Decides, at `now` on the portal's clock, what happens to one call of an operation. */
  decide(operationId: string, access: Access, now: number): Decision {
    const fault = this.faultOf(operationId, access);
    if (!fault) return { kind: 'pass', delayMs: 0 };
    const stats = this.statsOf(operationId);
    if (fault.outage && within(fault.outage, now)) {
      stats.outageRefusals += 1;
      return { kind: 'outage', retryAfterSeconds: secondsUntilEnd(fault.outage, now), until: new Date(Date.parse(fault.outage.to)).toISOString() };
    }
    const delayMs = fault.latency ? sampleDelay(fault.latency, this.uniform) : 0;
    if (delayMs > 0) { stats.delayed += 1; stats.delayMs += delayMs; }
    if (fault.error && this.uniform() < fault.error.rate) {
      stats.errors += 1;
      return { kind: 'error', status: fault.error.status, delayMs };
    }
    return { kind: 'pass', delayMs };
  }

  /**
   * The domain calls this just before it uses a backend, before it counts anything against a
   * quota: a cut or failing backend throws 503 and nothing is consumed. A slow one adds its
   * delay to the current call's scope, for the transport to wait out.
   */
  useBackend(backend: Backend, now: number): void {
    const fault = this.config[backend];
    if (!fault) return;
    const stats = this.statsOf(backend);
    const { code, what } = BACKEND_PROBLEM[backend];
    if (fault.outage && within(fault.outage, now)) {
      stats.outageRefusals += 1;
      throw new PortalProblem(503, code, `${what} is unavailable (injected outage); nothing was consumed, try again later`, {
        retryAfterSeconds: secondsUntilEnd(fault.outage, now),
      });
    }
    const delayMs = fault.latency ? sampleDelay(fault.latency, this.uniform) : 0;
    if (delayMs > 0) {
      stats.delayed += 1;
      stats.delayMs += delayMs;
      const bill = scope.getStore();
      if (bill) bill.delayMs += delayMs;
    }
    if (fault.error && this.uniform() < fault.error.rate) {
      stats.errors += 1;
      throw new PortalProblem(503, code, `${what} failed (injected fault); nothing was consumed, try again`);
    }
  }

  private readonly fromPortal: Uniform = () => this.random.int(2 ** 32) / 2 ** 32;

  private statsOf(key: string): Injected {
    let stats = this.injected.get(key);
    if (!stats) this.injected.set(key, (stats = { delayed: 0, delayMs: 0, errors: 0, outageRefusals: 0 }));
    return stats;
  }
}

/** The problem an injected outage or error answers a call of `operationId` with; null when the call goes on. */
export function injectedProblem(operationId: string, decision: Decision): PortalProblem | null {
  if (decision.kind === 'outage') {
    return new PortalProblem(503, 'INJECTED_OUTAGE', `${operationId} is down (injected outage until ${decision.until})`, {
      retryAfterSeconds: decision.retryAfterSeconds,
    });
  }
  if (decision.kind === 'error') return new PortalProblem(decision.status, 'INJECTED_FAULT', `${operationId} failed (injected fault); the operation did not run`);
  return null;
}

const within = (outage: Outage, now: number) => now >= Date.parse(outage.from) && now < Date.parse(outage.to);
const secondsUntilEnd = (outage: Outage, now: number) => Math.max(1, Math.ceil((Date.parse(outage.to) - now) / 1000));
