import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { normalSchoolName } from '../../stub-server/portal';
import { NotExactOnShards } from './shared-capacity';
import type { PoolCheck } from './pool-check';
import type { Command, FromShard, SchoolAdd, ShardCounts, ShardInit, ToShard, WindowReport } from './protocol';

/** Where a shard waits: its moment and order key (a window's end waits after every event before it). */
interface Position { time: number; order: number }
const before = (a: Position, b: Position) => a.time < b.time || (a.time === b.time && a.order < b.order);

/**
 * The coordinator's part of the run's heap (MB; a quarter of a small budget): its back office,
 * the levels' rows, the sums. Its peak is in run.json (`cores.coordinatorPeakHeapMb`), so this
 * can follow what runs show. With half the whole budget each, the 3M season's two shards took
 * the process to 9.2 GB of RSS, over its 8 GB (docs/scaling-history.md).
 */
const COORDINATOR_HEAP_MB = 1536;

/**
 * How much a heap of a sharded run may grow past its live size before it collects (%). V8 lets a
 * heap with a limit of gigabytes grow to four times its live size: the coordinator, in the main
 * thread with the whole budget for a limit, took 2.8 GB for 0.25 to 0.55 GB in use in the 3M
 * season (docs/scaling-history.md). At 100, national-season 300,000 on 2 workers peaked at 2,638 MB of
 * RSS instead of 4,049 (the coordinator's heap 432 MB instead of 882) in 129.8 s against 126.8;
 * at 50, 2,606 MB in 143.0 s.
 */
const HEAP_GROWING_PERCENT = 100;

/** Each of `of` shards' heap limit (MB) in a run whose heap budget is `budgetMb`: 1/N of what the coordinator leaves. */
const shardHeapLimitMb = (budgetMb: number, of: number) => Math.ceil((budgetMb - Math.min(COORDINATOR_HEAP_MB, budgetMb / 4)) / of);

/**
 * The shards' threads and the coordinator's side of their conversation: windows and rounds
 * sent and their reports collected, and the schools table kept in step. A shard that asks
 * which schools exist as of (time, order) is answered once every other shard waits beyond that
 * moment (at a window's end, or with a question of its own about a later one): then every school
 * added before it is known. The lowest question can always be answered once the others reach
 * their window's end, so the shards never wait on each other in a circle.
 */
export class Board {
  private readonly workers: Worker[];
  /** The coordinator's end of each shard's channel. */
  private readonly ports: MessagePort[] = [];
  private readonly signals: Int32Array[];
  private readonly asked: Float64Array;
  private readonly positions: (Position | null)[];
  private questions: (Position & { shard: number })[] = [];
  /** Every school added so far, and which of them each shard knows. */
  private readonly adds: SchoolAdd[] = [];
  private readonly names = new Map<string, string>();
  private readonly delivered: Set<SchoolAdd>[];
  private expected: { type: FromShard['type']; from: Set<number>; reports: unknown[]; resolve: (reports: unknown[]) => void } | undefined;
  private finished = false;
  private failure: Error | undefined;
  private reject: ((error: Error) => void) | undefined;
  /** Wall time the coordinator spent waiting for shards (ms). */
  waitedMs = 0;

  constructor(init: Omit<ShardInit, 'shard' | 'of' | 'signal' | 'port' | 'asked'>, private readonly of: number, private readonly pool: PoolCheck) {
    const buffers = Array.from({ length: of }, () => new SharedArrayBuffer(8));
    const asked = new SharedArrayBuffer(8);
    this.asked = new Float64Array(asked);
    this.asked[0] = Infinity;
    this.signals = buffers.map((buffer) => new Int32Array(buffer));
    this.positions = Array.from({ length: of }, () => null);
    this.delivered = Array.from({ length: of }, () => new Set());
    // The run's heap budget (this thread's limit, the CLI's --max-old-space-size) is shared, not
    // given to every thread: the coordinator keeps a part, and each shard, holding 1/N of the
    // applicants, gets 1/N of the rest. Left to itself a heap grows towards its limit before it
    // collects: every worker with the whole budget took the 3M season on 2 workers to 12.5 GB of
    // RSS, and halves of it to 9.2 GB. That flag overrides a worker's own limit, so it is cleared
    // first: it sizes a heap only as the heap is made, and this thread's keeps its size.
    const shardHeapMb = shardHeapLimitMb(getHeapStatistics().heap_size_limit / 2 ** 20, of);
    setFlagsFromString('--max-old-space-size=0');
    // V8's flags are the process's: every heap, this thread's too, grows so while the shards run.
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    this.workers = buffers.map((_, shard) => {
      const { port1, port2 } = new MessageChannel();
      const workerData: ShardInit = { ...init, shard, of, signal: buffers[shard]!, port: port2, asked };
      const worker = new Worker(new URL('./shard-entry.mjs', import.meta.url), { workerData, transferList: [port2], resourceLimits: { maxOldGenerationSizeMb: shardHeapMb } });
      port1.on('message', (message: FromShard) => this.heard(shard, message));
      this.ports.push(port1);
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => { if (code !== 0) this.fail(new Error(`shard ${shard} stopped (exit code ${code})`)); });
      return worker;
    });
  }

  /** Every shard has its applicants' arrivals drawn and its portal seeded: each one's heap limit (MB). */
  ready(): Promise<number[]> { return this.collect('ready', new Set(this.workers.keys()), () => {}) as Promise<number[]>; }

  /** Each shard runs the window to `until`, after the commands `commands(shard)` gives; their reports, by shard. */
  window(until: number, last: boolean, commands: (shard: number) => Command[]): Promise<WindowReport[]> {
    return this.collect('window', new Set(this.workers.keys()), (shard) => {
      this.positions[shard] = null;
      this.send(shard, { type: 'window', until, last, commands: commands(shard), adds: this.undelivered(shard, { time: Infinity, order: Infinity }) });
    }) as Promise<WindowReport[]>;
  }

  /** The shards given commands do them now and answer (a desk's round). */
  commands(commands: (shard: number) => Command[]): Promise<(WindowReport | undefined)[]> {
    const given = this.workers.map((_, shard) => commands(shard));
    const to = new Set([...given.keys()].filter((shard) => given[shard]!.length > 0));
    return this.collect('answers', to, (shard) => this.send(shard, { type: 'commands', commands: given[shard]! })) as Promise<(WindowReport | undefined)[]>;
  }

  /** The run is over: what each shard counted (then its thread ends). */
  finish(): Promise<ShardCounts[]> {
    this.finished = true;
    return this.collect('counts', new Set(this.workers.keys()), (shard) => this.send(shard, { type: 'finish' })) as Promise<ShardCounts[]>;
  }

  /** Ends the shards' threads: once they finished, as they stop; else (a failure) at once. */
  close(): Promise<unknown> {
    // A run that falls back to one process, or the next run here, grows its heap as V8 likes. (Two
    // boards at once, compare's runs in threads, clear it at the first close: memory only, never a report.)
    setFlagsFromString('--heap-growing-percent=0');
    return Promise.all(this.workers.map((worker, shard) => {
      if (this.failure || !this.finished) { this.ports[shard]!.close(); return worker.terminate(); }
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      return exited.then(() => this.ports[shard]!.close());
    }));
  }

  private collect(type: FromShard['type'], from: Set<number>, start: (shard: number) => void): Promise<unknown[]> {
    if (this.failure) return Promise.reject(this.failure);
    const began = performance.now();
    return new Promise<unknown[]>((resolve, reject) => {
      this.reject = reject;
      this.expected = { type, from, reports: [], resolve: (reports) => { this.waitedMs += performance.now() - began; resolve(reports); } };
      for (const shard of from) start(shard);
      if (from.size === 0) this.done();
    });
  }

  private send(shard: number, message: ToShard): void {
    this.ports[shard]!.postMessage(message);
    Atomics.store(this.signals[shard]!, 0, 1);
    Atomics.notify(this.signals[shard]!, 0);
  }

  private heard(shard: number, message: FromShard): void {
    switch (message.type) {
      case 'notExact': return this.fail(new NotExactOnShards(message.because));
      case 'pool':
        try { return this.pool.add(shard, message.use); } catch (error) { return this.fail(error as Error); }
      case 'failed': return this.fail(new Error(`shard ${shard}: ${message.error}`));
      case 'schools':
        this.learn(message.adds);
        this.positions[shard] = { time: message.time, order: message.order };
        this.questions.push({ shard, time: message.time, order: message.order });
        return this.answer();
      case 'passed':
        this.learn(message.adds);
        this.positions[shard] = { time: message.time, order: -Infinity };
        return this.answer();
      default: {
        if (message.type === 'window' || message.type === 'answers') this.learn(message.report.adds);
        const expected = this.expected;
        if (!expected || expected.type !== message.type || !expected.from.has(shard)) return this.fail(new Error(`shard ${shard} said ${message.type} out of turn`));
        expected.from.delete(shard);
        expected.reports[shard] = message.type === 'ready' ? message.heapLimitMb : message.type === 'counts' ? message.counts : message.report;
        this.positions[shard] = { time: Infinity, order: -Infinity };
        this.answer();
        if (expected.from.size === 0) this.done();
      }
    }
  }

  private done(): void {
    const expected = this.expected!;
    this.expected = undefined;
    expected.resolve(expected.reports);
  }

  /**
   * Answers the lowest question once every other shard is beyond it (waiting, or running and
   * said it passed it), and keeps `asked` at the lowest question still waiting.
   */
  private answer(): void {
    this.questions.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    const q = this.questions[0];
    if (q && this.positions.every((p, shard) => shard === q.shard || (p !== null && before(q, p)))) {
      this.questions.shift();
      this.positions[q.shard] = null;
      this.send(q.shard, { type: 'schools', adds: this.undelivered(q.shard, q) });
    }
    this.asked[0] = this.questions[0]?.time ?? Infinity;
  }

  /** Schools other shards added before `upTo` that `shard` does not know yet (now it does). */
  private undelivered(shard: number, upTo: Position): SchoolAdd[] {
    const known = this.delivered[shard]!;
    const news = this.adds.filter((add) => add.shard !== shard && !known.has(add) && before(add, upTo));
    for (const add of news) known.add(add);
    return news;
  }

  /**
   * New schools, checked against the rule that makes a search exact in a shard: no school's name
   * contains another's (else a search for one would find both, in the order they were added).
   */
  private learn(adds: readonly SchoolAdd[]): void {
    for (const add of adds) {
      const name = normalSchoolName(add.school.name);
      for (const [other, shown] of this.names) {
        if (other.includes(name) || name.includes(other)) return this.fail(new NotExactOnShards(`two schools' names contain one another ("${add.school.name}" and "${shown}")`));
      }
      this.names.set(name, add.school.name);
      this.adds.push(add);
    }
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.reject?.(error);
  }
}
