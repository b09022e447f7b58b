import type { Distribution } from '../../machines';
import { ApplicationServers, HourlyThroughput, type ServersConfig } from '../capacity';
import type { Rng } from '../random';

/**
 * A shard cannot know alone what the run's shared capacity would have done: the run goes on
 * one worker instead (the coordinator catches this).
 */
export class OutOfShare extends Error {
  constructor(readonly what: string) { super(`a shard needed more than its share of ${what}`); }
}

/** Shard `shard` of `of`'s share of `total` units: shares differ by one at most and add up to it. */
export const shareOf = (total: number, shard: number, of: number) =>
  total === Number.POSITIVE_INFINITY ? total : Math.floor(total / of) + (shard < total % of ? 1 : 0);

/**
 * The application servers as a shard sees them: a share of the pool. While every shard stays
 * within its share, some server of the whole pool is free whenever one of the shard's requests
 * comes (the others hold at most their shares), so the request begins at once, exactly as in
 * one process, and takes its own service time. A request finding the share full might have
 * waited in one process, or not: the shard cannot tell, and gives up the run (OutOfShare).
 * Its books are the shard's, handed to the coordinator's (ServerBooks.takeBefore).
 */
export class ShareOfServers extends ApplicationServers {
  constructor(config: ServersConfig, shard: number, of: number, draw: (d: Distribution, stream?: Rng) => number) {
    super({ ...config, servers: shareOf(config.servers, shard, of) }, draw);
  }

  override admit(op: string, now: number, stream?: Rng) {
    if (!this.freeAtOnce(now)) throw new OutOfShare('the application servers');
    return super.admit(op, now, stream);
  }
}

/** A backend's hourly throughput as a shard sees it: its share of each hour's uses, as with the servers. */
export class ShareOfThroughput extends HourlyThroughput {
  constructor(perHour: number, shard: number, of: number, private readonly what: string) {
    super(shareOf(perHour, shard, of));
  }

  override hasRoom(now: number): boolean {
    if (!super.hasRoom(now)) throw new OutOfShare(this.what);
    return true;
  }
}
