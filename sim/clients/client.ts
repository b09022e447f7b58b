import type { MaybeLater, MaybePromise } from '../../stub-server/portal';
import type { Rng } from '../random';

/**
 * How a simulated applicant (or a test) talks to a portal: by operationId, the same way
 * whether the portal runs in this process or behind HTTP. Answers keep the HTTP shape
 * (status, body) so both transports classify them identically.
 */
export interface PortalAnswer {
  status: number;
  /** JSON body, a problem body, or the bytes of a binary answer (the PDF form). */
  body: any;
  /** Seconds from a Retry-After header, when the answer carries one. */
  retryAfter?: number;
  /** Real milliseconds the call took, and the server's time when it was sent: set by a timing client on a real transport. */
  latencyMs?: number;
  sentAt?: number;
  /** Virtual milliseconds injected faults added to the call (a slow operation or backend): set by the in-process client. */
  injectedDelayMs?: number;
}

export interface CallOptions {
  /** The applicant's session token. */
  token?: string;
  /** The applicant's address (X-Forwarded-For over HTTP), for per-client limits. */
  address?: string;
  /** In process: the applicant's own stream for what the portal draws on this call (CallerRandom); a server over HTTP draws its own. */
  draws?: Rng;
  /** In process: where the call goes among other events of its instant (the calling applicant's, Simulation.schedule). */
  order?: number;
}

/**
 * Answers come at once in process (the domain is synchronous there) and later over HTTP: code
 * that serves both goes on with `andThen` (stub-server/portal/maybe-async.ts).
 */
export interface PortalClient {
  call(operationId: string, input?: unknown, options?: CallOptions): MaybePromise<PortalAnswer>;
  /** Back-office and test-control operations. */
  admin(operationId: string, input?: unknown): MaybePromise<PortalAnswer>;
}

/**
 * What one step of an applicant calls through: a client, or one whose answers may come at a later
 * moment of the simulation (a step's next call goes in when the one before was answered).
 */
export interface StepCalls {
  call(operationId: string, input?: unknown, options?: CallOptions): MaybeLater<PortalAnswer>;
  admin(operationId: string, input?: unknown): MaybePromise<PortalAnswer>;
}
