import { injectedProblem, withFaultScope } from '../../stub-server/faults';
import { ROUTES } from '../../stub-server/http';
import { BinaryResult, PortalProblem, type Portal } from '../../stub-server/portal';
import type { CallOptions, PortalAnswer, PortalClient } from './client';

const SUCCESS_STATUS = new Map(ROUTES.map((r) => [r.operationId, r.status ?? 200]));

/** A refusal as HTTP would carry it. */
const answerOf = (problem: PortalProblem): PortalAnswer => ({ status: problem.status, body: problem.toBody(), retryAfter: problem.extra.retryAfterSeconds });

/**
 * Calls the portal's domain directly, at whatever time the portal's clock says (the
 * simulator's virtual clock). Refusals become the problem bodies HTTP would carry. Injected
 * faults act as at HTTP's front door (an operation's outage, error or latency) and in the
 * domain (a backend's); a delay is not waited out but carried on the answer
 * (`injectedDelayMs`) for the run's timing to add to the call's latency.
 */
export class InProcessClient implements PortalClient {
  constructor(private readonly portal: Portal) {}

  call(operationId: string, input: unknown = {}, options: CallOptions = {}): Promise<PortalAnswer> {
    return this.portal.ctx.faults.quiet ? this.invoke(operationId, input, options) : this.withFaults(operationId, input, options);
  }

  admin(operationId: string, input: unknown = {}): Promise<PortalAnswer> {
    return this.call(operationId, input);
  }

  private invoke(operationId: string, input: unknown, options: CallOptions): Promise<PortalAnswer> {
    return this.portal.invoke(operationId, input, options).then(
      (result) => ({ status: SUCCESS_STATUS.get(operationId) ?? 200, body: result instanceof BinaryResult ? result.body : result }),
      (error: unknown) => {
        if (!(error instanceof PortalProblem)) throw error;
        return answerOf(error);
      },
    );
  }

  private async withFaults(operationId: string, input: unknown, options: CallOptions): Promise<PortalAnswer> {
    const { ctx } = this.portal;
    const op = this.portal.operation(operationId);
    const decision = op ? ctx.faults.decide(operationId, op.access, ctx.now()) : { kind: 'pass' as const, delayMs: 0 };
    const frontDelayMs = decision.kind === 'outage' ? 0 : decision.delayMs;
    const injected = injectedProblem(operationId, decision);
    if (injected) return { ...answerOf(ctx.refused(injected)), injectedDelayMs: frontDelayMs };
    const { delayMs, outcome } = await withFaultScope(() => this.invoke(operationId, input, options));
    if (outcome.status === 'rejected') throw outcome.reason;
    const injectedDelayMs = frontDelayMs + delayMs;
    return injectedDelayMs > 0 ? { ...outcome.value, injectedDelayMs } : outcome.value;
  }
}
