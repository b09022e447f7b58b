import { ApplicationServers, HourlyThroughput } from '../capacity';
import type { Rng } from '../random';

/**
 * The shards cannot give what one process would have: the run goes on one worker instead (the
 * coordinator catches this). `because` says what the shards could not know.
 */
export class NotExactOnShards extends Error {
  constructor(readonly because: string) { super(because); }
}

export const SERVERS_FILLED = 'the application servers filled: a request would have waited for one';
export const throughputRanOut = (what: string) => `${what}'s hourly throughput ran out`;

const HOUR_MS = 3_600_000;

/** What a shard's applicants took of the shared capacity since its last word, for the coordinator's check (PoolCheck). */
export interface PoolUseWire {
  /** Each request's service on the application servers: start and end, in pairs, in the order they came (by start). */
  services: Float64Array;
  /** Every service of the shard that starts before this moment is in this word or an earlier one. */
  upTo: number;
  /** Uses of each backend by clock hour: [what, hour, uses]. */
  uses: [string, number, number][];
}

/**
 * The application servers as a shard sees them: the whole pool, for this shard's requests alone.
 * A request begins at once here when fewer than all the servers serve this shard; whether it
 * would have begun at once in one process, with every shard's requests, the coordinator checks
 * as the run goes, from the services written down here (PoolCheck). One finding every server
 * busy with this shard's requests alone would have waited in one process too: the shards cannot
 * say how long, and give up the run.
 */
export class ShardServers extends ApplicationServers {
  private serviceLog: number[] = [];

  override admit(op: string, now: number, stream?: Rng) {
    if (this.busyAt(now) >= this.servers) throw new NotExactOnShards(SERVERS_FILLED);
    return super.admit(op, now, stream);
  }

  protected override served(start: number, end: number): void { this.serviceLog.push(start, end); }

  /** Services written down and not yet taken. */
  get untaken(): number { return this.serviceLog.length / 2; }

  /** The services since the last take. */
  take(): Float64Array {
    const taken = Float64Array.from(this.serviceLog);
    this.serviceLog = [];
    return taken;
  }
}

/**
 * A backend's hourly throughput as a shard sees it: the whole hour's, for this shard's uses
 * alone. The coordinator checks that all shards' uses of each hour stay below it (PoolCheck),
 * so that no check in one process would have found the hour full.
 */
export class ShardThroughput extends HourlyThroughput {
  private readonly uses = new Map<number, number>();

  constructor(perHour: number, readonly what: string) {
    super(perHour);
  }

  override hasRoom(now: number): boolean {
    if (!super.hasRoom(now)) throw new NotExactOnShards(throughputRanOut(this.what));
    return true;
  }

  override useOne(now: number): void {
    super.useOne(now);
    const hour = Math.floor(now / HOUR_MS);
    this.uses.set(hour, (this.uses.get(hour) ?? 0) + 1);
  }

  /** The uses by hour since the last take. */
  take(): PoolUseWire['uses'] {
    const taken = [...this.uses].map(([hour, uses]): [string, number, number] => [this.what, hour, uses]);
    this.uses.clear();
    return taken;
  }
}
