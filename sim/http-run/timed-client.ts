import type { CallOptions, PortalAnswer, PortalClient } from '../clients';
import type { MaybePromise } from '../../stub-server/portal';
import type { WireStats } from './wire-stats';
import { wallMs } from './wall-clock';

/**
 * A client that measures each call on the wire: its real latency and the server's time when
 * it was sent, carried on the answer for MeasuredTiming; and counts it in the run's WireStats.
 */
export class TimedClient implements PortalClient {
  constructor(private readonly inner: PortalClient, private readonly stats: WireStats, private readonly serverNow: () => number) {}

  call(operationId: string, input?: unknown, options?: CallOptions): Promise<PortalAnswer> {
    return this.timed(() => this.inner.call(operationId, input, options));
  }

  admin(operationId: string, input?: unknown): Promise<PortalAnswer> {
    return this.timed(() => this.inner.admin(operationId, input));
  }

  private async timed(call: () => MaybePromise<PortalAnswer>): Promise<PortalAnswer> {
    const sentAt = this.serverNow();
    const sent = wallMs();
    const answer = await call();
    this.stats.record(answer);
    return { ...answer, latencyMs: wallMs() - sent, sentAt };
  }
}
