import type { PortalAnswer } from '../clients';
import { Counts } from '../metrics';

/** What a real run saw on the wire: answers by status and problem code, failures to connect, timeouts. */
export class WireStats {
  readonly byStatus = new Counts();
  readonly byCode = new Counts();
  requests = 0;
  connectionErrors = 0;
  timeouts = 0;
  /** Answers and failures since the watchdog last looked. */
  recent = { answered: 0, failed: 0 };
  lastError = '';

  record(answer: PortalAnswer): void {
    this.requests += 1;
    if (answer.status === 0) {
      const code = String(answer.body?.code ?? 'CONNECTION_FAILED');
      if (code === 'TIMEOUT') this.timeouts += 1;
      else this.connectionErrors += 1;
      this.recent.failed += 1;
      this.lastError = code;
      return;
    }
    this.recent.answered += 1;
    this.byStatus.add(String(answer.status));
    if (answer.status >= 400) this.byCode.add(String(answer.body?.code ?? answer.status));
  }

  /** The answers and failures since the last call. */
  takeRecent(): { answered: number; failed: number } {
    const recent = this.recent;
    this.recent = { answered: 0, failed: 0 };
    return recent;
  }

  toJSON() {
    return { requests: this.requests, connectionErrors: this.connectionErrors, timeouts: this.timeouts, byStatus: this.byStatus.toJSON(), byCode: this.byCode.toJSON() };
  }
}
