import { ROUTES } from '../../stub-server/http';
import { BinaryResult, PortalProblem, type Portal } from '../../stub-server/portal';
import type { CallOptions, PortalAnswer, PortalClient } from './client';

const SUCCESS_STATUS = new Map(ROUTES.map((r) => [r.operationId, r.status ?? 200]));

/**
 * Calls the portal's domain directly, at whatever time the portal's clock says (the
 * simulator's virtual clock). Refusals become the problem bodies HTTP would carry.
 */
export class InProcessClient implements PortalClient {
  constructor(private readonly portal: Portal) {}

  call(operationId: string, input: unknown = {}, options: CallOptions = {}): Promise<PortalAnswer> {
    return this.portal.invoke(operationId, input, options).then(
      (result) => ({ status: SUCCESS_STATUS.get(operationId) ?? 200, body: result instanceof BinaryResult ? result.body : result }),
      (error: unknown) => {
        if (!(error instanceof PortalProblem)) throw error;
        return { status: error.status, body: error.toBody(), retryAfter: error.extra.retryAfterSeconds };
      },
    );
  }

  admin(operationId: string, input: unknown = {}): Promise<PortalAnswer> {
    return this.call(operationId, input);
  }
}
