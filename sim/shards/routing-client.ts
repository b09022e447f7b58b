import { Later, type MaybeLater } from '../../stub-server/portal';
import type { PortalAnswer } from '../clients';
import type { Command, CommandAnswer } from './protocol';

/**
 * The coordinator's client for the back office: each admin operation goes to the shard that
 * holds the applicant it names (found by the review or application number the shards reported).
 * A command made while the back office acts on a decision ahead of its moment (`ahead`) goes
 * with the next window and is answered later (a Later: nothing waits for it); any other, made
 * at a desk's round, is answered before the coordinator goes on (a Promise it waits for).
 */
export class RoutingClient {
  private readonly applicantOfKey = new Map<string, number>();
  private readonly waiting = new Map<number, (answer: PortalAnswer) => void>();
  /** Commands by shard: ahead of their moment (with the next window), and to be done now (a round). */
  private ahead: Command[][];
  private now: Command[][];
  private nextId = 1;
  private moment: number | undefined;

  constructor(private readonly of: number, private readonly clock: () => number) {
    this.ahead = Array.from({ length: of }, () => []);
    this.now = Array.from({ length: of }, () => []);
  }

  /** `key` (a review id, an application number) is applicant `index`'s. */
  remember(key: string, index: number): void {
    this.applicantOfKey.set(key, index);
  }

  /** Runs `act` as at moment `at`: its commands go ahead of time. */
  at(at: number, act: () => void): void {
    this.moment = at;
    try { act(); } finally { this.moment = undefined; }
  }

  admin(op: string, input?: unknown): MaybeLater<PortalAnswer> {
    const { reviewId, applicationNumber } = (input ?? {}) as { reviewId?: string; applicationNumber?: string };
    const key = reviewId ?? applicationNumber ?? '';
    const index = this.applicantOfKey.get(key);
    if (index === undefined) throw new Error(`${op}: no shard holds ${key || 'this applicant'}`);
    const id = this.nextId++;
    const command = { id, at: this.moment ?? this.clock(), index, op, input };
    if (this.moment !== undefined) {
      this.ahead[index % this.of]!.push(command);
      const later = new Later<PortalAnswer>();
      this.waiting.set(id, (answer) => later.resolve(answer));
      return later;
    }
    this.now[index % this.of]!.push(command);
    return new Promise((resolve) => this.waiting.set(id, resolve));
  }

  call(): never { throw new Error('the coordinator makes no applicant calls'); }

  /** The commands for `shard` ahead of their moment (`upTo`: those at or before it only), or to be done now. */
  take(shard: number, kind: 'ahead' | 'now', upTo = Number.POSITIVE_INFINITY): Command[] {
    const all = this[kind][shard]!;
    const taken = all.filter((c) => c.at <= upTo);
    this[kind][shard] = all.filter((c) => c.at > upTo);
    return taken;
  }

  /** Whether a round's commands wait to be done. */
  get dueNow(): boolean { return this.now.some((q) => q.length > 0); }

  answered({ id, status, body }: CommandAnswer): void {
    const resolve = this.waiting.get(id);
    this.waiting.delete(id);
    resolve?.({ status, body } as PortalAnswer);
  }
}
