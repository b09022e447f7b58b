import type { Admission, ApplicationServers } from '../capacity';
import type { CallOptions, PortalAnswer, PortalClient } from '../clients';
import { andThen, PortalProblem, type MaybePromise } from '../../stub-server/portal';

/** The front end's own answers, as a gateway in front of the portal gives them (problem+json all the same). */
const SERVER_BUSY = new PortalProblem(503, 'SERVER_BUSY', 'the servers are busy: every waiting place is taken, try again').toBody();
const GATEWAY_TIMEOUT = new PortalProblem(504, 'GATEWAY_TIMEOUT', 'the portal did not answer in time; the request may still have been done').toBody();

/**
 * An applicant's calls in process, each through the modelled application servers in turn: a
 * step's calls start when the step does (`begin`) and each goes in when the one before was
 * answered. A full backlog answers 503 without reaching the portal; an answer later than the
 * gateway's limit is a 504 though the portal did the work (a submission may then be in,
 * unknown to the applicant). Each answer carries its virtual latency and when it was sent.
 */
export class ServedClient implements PortalClient {
  private at = 0;

  constructor(private readonly inner: PortalClient, private readonly servers: ApplicationServers) {}

  /** A step starts at `now`. */
  begin(now: number): void { this.at = now; }

  call(operationId: string, input?: unknown, options?: CallOptions): MaybePromise<PortalAnswer> {
    const sentAt = this.at;
    const admission = this.servers.admit(operationId, sentAt);
    if (admission.status === 'busy') return this.answered({ status: 503, body: SERVER_BUSY }, admission, sentAt);
    return andThen(this.inner.call(operationId, input, options), (answer) =>
      this.answered(admission.status === 'timeout' ? { status: 504, body: GATEWAY_TIMEOUT } : answer, admission, sentAt));
  }

  /** The back office and a look at the outbox take no application server of the applicants'. */
  admin(operationId: string, input?: unknown): MaybePromise<PortalAnswer> { return this.inner.admin(operationId, input); }

  // An injected delay waits on a timer, not on a server: it adds to the answer, not to the queue.
  private answered(answer: PortalAnswer, admission: Admission, sentAt: number): PortalAnswer {
    answer.latencyMs = admission.latencyMs + (answer.injectedDelayMs ?? 0);
    answer.sentAt = sentAt;
    this.at = sentAt + answer.latencyMs;
    return answer;
  }
}
