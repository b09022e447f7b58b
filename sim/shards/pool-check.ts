import FlatQueue from 'flatqueue';
import { NotExactOnShards, SERVERS_FILLED, throughputRanOut, type PoolUseWire } from './shared-capacity';

const HOUR_MS = 3_600_000;
/** A step's backend uses are written down when it settles, after its calls: hours this far back can still get some. */
const OPEN_HOURS = 24;

/**
 * The coordinator's check, as the shards run, that the shared capacity never filled. Each shard
 * uses the whole pool of servers and the whole of each backend's hour for its own applicants
 * (ShardServers, ShardThroughput) and sends what they took every few virtual minutes; the run is
 * one process's only if, with every shard's requests together, no request would have waited for
 * a server and no backend's hour would have been full. The first breach stops the shards at
 * once, and the run goes on one process.
 *
 * The servers: the shards' services are merged by start up to the moment every shard has sent
 * all before, and at each start `t` the services in progress are counted, every one that began
 * at `t` with them, whatever their order: a request arriving at `t` begins at once in one process
 * when fewer than all the servers are busy, so a count within the servers is sure.
 */
export class PoolCheck {
  /** Each shard's services sent and not yet counted, as start/end pairs in chunks, and where its first chunk is read. */
  private readonly queued: Float64Array[][];
  private readonly read: number[];
  /** Each shard has sent every service that starts before this moment. */
  private readonly upTo: number[];
  /** The ends of the services counted and in progress. */
  private readonly inService = new FlatQueue<number>();
  /** Uses of each backend by hour, all shards together: `${what} ${hour}`. */
  private readonly uses = new Map<string, number>();

  constructor(private readonly servers: number, private readonly perHour: ReadonlyMap<string, number>, shards: number) {
    this.queued = Array.from({ length: shards }, () => []);
    this.read = new Array<number>(shards).fill(0);
    this.upTo = new Array<number>(shards).fill(-Infinity);
  }

  /** What shard `shard` took since its last word; throws NotExactOnShards once one process would have queued or been refused. */
  add(shard: number, use: PoolUseWire): void {
    const { services, upTo } = use;
    for (let i = 0; i < services.length; i += 2) {
      if (services[i]! < this.upTo[shard]! || (i > 0 && services[i]! < services[i - 2]!)) throw new Error(`shard ${shard} sent its services out of order`);
    }
    if (services.length > 0) this.queued[shard]!.push(services);
    this.upTo[shard] = upTo;
    this.countUses(use.uses);
    this.countServices(Math.min(...this.upTo));
  }

  /** Counts, in order of start, every service that starts before `until`. */
  private countServices(until: number): void {
    for (;;) {
      const t = this.nextStart();
      if (t === undefined || t >= until) return;
      while (this.inService.length > 0 && this.inService.peekValue()! <= t) this.inService.pop();
      for (let shard = 0; shard < this.queued.length; shard += 1) {
        while (this.headOf(shard) === t) {
          const chunk = this.queued[shard]![0]!;
          const end = chunk[this.read[shard]! + 1]!;
          this.inService.push(end, end);
          this.advance(shard);
        }
      }
      if (this.inService.length > this.servers) throw new NotExactOnShards(SERVERS_FILLED);
    }
  }

  private nextStart(): number | undefined {
    let next: number | undefined;
    for (let shard = 0; shard < this.queued.length; shard += 1) {
      const head = this.headOf(shard);
      if (head !== undefined && (next === undefined || head < next)) next = head;
    }
    return next;
  }

  private headOf(shard: number): number | undefined {
    const chunk = this.queued[shard]![0];
    return chunk === undefined ? undefined : chunk[this.read[shard]!];
  }

  private advance(shard: number): void {
    this.read[shard]! += 2;
    if (this.read[shard]! >= this.queued[shard]![0]!.length) {
      this.queued[shard]!.shift();
      this.read[shard] = 0;
    }
  }

  private countUses(uses: PoolUseWire['uses']): void {
    for (const [what, hour, n] of uses) {
      const key = `${what} ${hour}`;
      const total = (this.uses.get(key) ?? 0) + n;
      // Below the hour's throughput: every check in one process, before any use or after all, found room.
      if (total >= this.perHour.get(what)!) throw new NotExactOnShards(throughputRanOut(what));
      this.uses.set(key, total);
    }
    const oldest = Math.floor(Math.min(...this.upTo) / HOUR_MS) - OPEN_HOURS;
    for (const key of this.uses.keys()) if (Number(key.slice(key.lastIndexOf(' ') + 1)) < oldest) this.uses.delete(key);
  }
}
