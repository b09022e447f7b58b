import { describe, expect, it } from 'vitest';
import { PoolCheck } from '../pool-check';
import { NotExactOnShards, ShardServers, type PoolUseWire } from '../shared-capacity';

const HOUR = 3_600_000;
const SMS = 'the SMS gateway';
/** A shard's word: its services as [start, end] pairs, sent up to `upTo`. */
const word = (upTo: number, services: [number, number][] = [], uses: PoolUseWire['uses'] = []): PoolUseWire =>
  ({ services: Float64Array.from(services.flat()), upTo, uses });
const check = (servers = 2, perHour = 10, shards = 2) => new PoolCheck(servers, new Map([[SMS, perHour]]), shards);

describe('PoolCheck: whether one process would have queued or been refused', () => {
  it('passes while the shards together never hold more than the servers at once', () => {
    const pool = check();
    pool.add(0, word(100, [[0, 10], [20, 30]]));
    expect(() => pool.add(1, word(100, [[5, 25]]))).not.toThrow();
  });

  it('refuses an instant where the shards together hold more than the servers, though each alone holds fewer', () => {
    const pool = check();
    pool.add(0, word(100, [[0, 10]]));
    expect(() => pool.add(1, word(100, [[2, 8], [4, 6]]))).toThrow(/application servers filled/);
  });

  it('counts only what every shard has sent all of: a shard behind keeps the others\' services waiting', () => {
    const pool = check(1);
    // The second shard has sent nothing yet: its services before 50 may still come.
    pool.add(0, word(50, [[0, 40]]));
    expect(() => pool.add(1, word(10))).not.toThrow();
    expect(() => pool.add(1, word(50, [[30, 35]]))).toThrow(NotExactOnShards);
  });

  it('a server freed at the instant a request comes is free for it, as in one process', () => {
    const pool = check(1);
    pool.add(0, word(100, [[0, 10]]));
    expect(() => pool.add(1, word(100, [[10, 20]]))).not.toThrow();
  });

  it('counts requests that came at the same instant as in service together, whatever their order', () => {
    const pool = check(1);
    pool.add(0, word(100, [[5, 6]]));
    expect(() => pool.add(1, word(100, [[5, 9]]))).toThrow(NotExactOnShards);
  });

  it('counts services still going across words and windows', () => {
    const pool = check(1);
    pool.add(0, word(100, [[90, 150]]));
    pool.add(1, word(100));
    pool.add(0, word(200));
    expect(() => pool.add(1, word(200, [[120, 130]]))).toThrow(NotExactOnShards);
  });

  it('takes a shard\'s services in order only', () => {
    expect(() => check().add(0, word(100, [[20, 30], [10, 15]]))).toThrow(/out of order/);
    const pool = check();
    pool.add(0, word(100, [[20, 30]]));
    expect(() => pool.add(0, word(200, [[50, 60]]))).toThrow(/out of order/);
  });

  it('refuses a backend hour whose uses reach its throughput, all shards together, across words', () => {
    const pool = check(2, 10);
    pool.add(0, word(6 * HOUR, [], [[SMS, 5, 4]]));
    pool.add(1, word(6 * HOUR, [], [[SMS, 5, 5]]));
    expect(() => pool.add(0, word(7 * HOUR, [], [[SMS, 5, 1]]))).toThrow(/SMS gateway's hourly throughput ran out/);
    const other = check(2, 10);
    other.add(0, word(7 * HOUR, [], [[SMS, 5, 9]]));
    expect(() => other.add(1, word(7 * HOUR, [], [[SMS, 6, 9]]))).not.toThrow();
  });
});

describe('ShardServers: the whole pool, for one shard\'s requests', () => {
  const config = { servers: 2, serviceMs: { default: 100 }, timeoutMs: 30_000 };
  const servers = () => new ShardServers(config, (d) => (d.kind === 'exponential' ? d.mean : 0));

  it('writes down each service until taken', () => {
    const s = servers();
    s.admit('login', 0);
    s.admit('login', 50);
    s.admit('login', 120);
    expect(s.untaken).toBe(3);
    expect(s.take()).toEqual(Float64Array.from([0, 100, 50, 150, 120, 220]));
    expect(s.take()).toEqual(new Float64Array(0));
  });

  it('gives up when its own requests hold every server: one process would have made the next one wait', () => {
    const s = servers();
    s.admit('login', 0);
    s.admit('login', 10);
    expect(() => s.admit('login', 20)).toThrow(NotExactOnShards);
  });
});
