import type { Admission, ApplicationServers } from '../capacity';
import type { CallOptions, PortalAnswer, PortalClient, StepCalls } from '../clients';
import type { Rng } from '../random';
import { andThen, Later, PortalProblem, type MaybeLater, type MaybePromise } from '../../stub-server/portal';

/** The front end's own answers, as a gateway in front of the portal gives them (problem+json all the same). */
const SERVER_BUSY = new PortalProblem(503, 'SERVER_BUSY', 'the servers are busy: every waiting place is taken, try again').toBody();
const GATEWAY_TIMEOUT = new PortalProblem(504, 'GATEWAY_TIMEOUT', 'the portal did not answer in time; the request may still have been done').toBody();

/**
 * What a step's client needs of the run: its clock, a way to go on at a later moment of it, and
 * to move on to that moment at once when nothing else is due before it (Simulation.advanceTo).
 */
export interface StepClock { now(): number; at(time: number, then: () => void, order: number): void; advanceTo(time: number): boolean }

/** An applicant's own streams for their calls: the servers' service times, and what the portal draws (CallOptions.draws). */
export interface CallStreams { readonly servers: Rng; readonly portal: Rng }

/**
 * One step's calls in process, each through the modelled application servers in turn: the first
 * goes in when the step starts, each later one when the one before was answered, at that moment
 * of the run (the portal sees it then, and the servers admit everyone's requests in time order).
 * A full backlog answers 503 without reaching the portal; an answer later than the gateway's
 * limit is a 504 though the portal did the work (a submission may then be in, unknown to the
 * applicant). Each answer carries its virtual latency and when it was sent.
 */
export class StepClient implements StepCalls {
  constructor(
    private readonly inner: PortalClient,
    private readonly servers: ApplicationServers,
    private readonly clock: StepClock,
    private sendAt: number,
    /** The applicant's own streams (service times: ApplicationServers.admit; the portal's draws). */
    private readonly streams: CallStreams,
    /** Where the applicant's later calls go among other events of their instant (Simulation.schedule). */
    private readonly order: number,
  ) {}

  call(operationId: string, input?: unknown, options?: CallOptions): MaybeLater<PortalAnswer> {
    const sentAt = this.sendAt;
    // Nothing else due before it: the call goes in now, the clock moved on (most of a step's calls).
    if (sentAt > this.clock.now() && !this.clock.advanceTo(sentAt)) {
      const later = new Later<PortalAnswer>();
      this.clock.at(sentAt, () => later.resolve(this.call(operationId, input, options)), this.order);
      return later;
    }
    const admission = this.servers.admit(operationId, sentAt, this.streams.servers);
    if (admission.status === 'busy') return this.answered({ status: 503, body: SERVER_BUSY }, admission, sentAt);
    // The call's own options, not a spread of the caller's request (a slow copy of a varying shape).
    const calling: CallOptions = { token: options?.token, address: options?.address, draws: this.streams.portal, order: this.order };
    return andThen(this.inner.call(operationId, input, calling), (answer) =>
      this.answered(admission.status === 'timeout' ? { status: 504, body: GATEWAY_TIMEOUT } : answer, admission, sentAt));
  }

  /** A look at the outbox (the applicant's phone) takes no application server. */
  admin(operationId: string, input?: unknown): MaybePromise<PortalAnswer> { return this.inner.admin(operationId, input); }

  // An injected delay waits on a timer, not on a server: it adds to the answer, not to the queue.
  private answered(answer: PortalAnswer, admission: Admission, sentAt: number): PortalAnswer {
    answer.latencyMs = admission.latencyMs + (answer.injectedDelayMs ?? 0);
    answer.sentAt = sentAt;
    this.sendAt = sentAt + answer.latencyMs;
    return answer;
  }
}
