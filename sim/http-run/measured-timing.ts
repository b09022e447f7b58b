import type { Call } from '../applicant';
import type { PortalClient } from '../clients';
import type { ObserveCall, PortalTiming, Settled } from '../runner';

/**
 * The timing of a real run: the server took what it took. Each call is observed with the
 * latency measured on the wire (TimedClient), at the server time it was sent; the answer has
 * already arrived when the step settles, so nothing is added.
 */
export class MeasuredTiming implements PortalTiming {
  readonly stats = { requests: 0, timeouts: 0 };

  step(client: PortalClient): PortalClient { return client; }

  begin(): null { return null; }

  settle(calls: readonly Call[], start: number, observe: ObserveCall): Settled {
    let slowestMs = 0;
    for (const call of calls) {
      const latencyMs = call.answer.latencyMs ?? 0;
      this.stats.requests += 1;
      if (call.answer.status === 0 && call.answer.body?.code === 'TIMEOUT') this.stats.timeouts += 1;
      observe(call, latencyMs, call.answer.sentAt ?? start);
      slowestMs = Math.max(slowestMs, latencyMs);
    }
    // A call that got no answer is classified UNAVAILABLE already (machines/outcomes).
    return { elapsed: 0, timedOut: false, slowestMs };
  }
}
