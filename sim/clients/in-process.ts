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

  async call(operationId: string, input: unknown = {}, options: CallOptions = {}): Promise<PortalAnswer> {
    try {
      const result = await this.portal.invoke(operationId, input, { token: options.token, address: options.address });
      return { status: SUCCESS_STATUS.get(operationId) ?? 200, body: result instanceof BinaryResult ? result.body : result };
    } catch (error) {
      if (!(error instanceof PortalProblem)) throw error;
      return { status: error.status, body: error.toBody(), retryAfter: error.extra.retryAfterSeconds };
    }
  }

  admin(operationId: string, input: unknown = {}): Promise<PortalAnswer> {
    return this.call(operationId, input);
  }
}
