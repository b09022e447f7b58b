/**
 * What the coordinator and the shards of a run over many cores say to each other
 * (docs/parallel-runs.md). The run goes in windows of virtual time: each shard runs its
 * applicants' events up to the window's end, then reports what happened in it; the coordinator
 * counts it, runs the back office up to the same moment, and sends the next window. Everything
 * that needs an order carries its moment and its order key (time, applicant), so the
 * coordinator can put the shards' reports back in the order one process would have run them.
 */
import type { MessagePort } from 'node:worker_threads';
import type { RulesOverride } from '../../rules';
import type { Scenario } from '../scenario';
import type { ServerBooksWire } from '../capacity';
import type { HourTallyWire } from '../metrics';
import type { RunMetricsWire } from '../runner';
import type { PoolUseWire } from './shared-capacity';

/** What a shard is started with. */
export interface ShardInit {
  scenario: Scenario; seed: number; applicants: number; rules?: RulesOverride;
  /** This shard's number, and how many there are: it runs the applicants whose index is `shard` modulo `of`. */
  shard: number; of: number;
  /** Two Int32s: the coordinator sets the first to 1 (and notifies) when it has answered, and the shard waits on it; the second, never set, to sleep on briefly. */
  signal: SharedArrayBuffer;
  /** The shard's end of its channel to the coordinator. */
  port: MessagePort;
  /** One Float64 the coordinator keeps at the moment of the earliest school question waiting (Infinity if none): a shard running past it says so ('passed'). */
  asked: SharedArrayBuffer;
  liveActorLimit?: number;
}

/** A back-office operation on one applicant's records, at moment `at` (before now: done with the portal's clock set back to it). */
export interface Command { id: number; at: number; index: number; op: string; input: unknown }
export interface CommandAnswer { id: number; status: number; body: unknown }

/** A school an applicant added, at (time, order) in shard `shard`, as every shard must learn it. */
export interface SchoolAdd { time: number; order: number; shard: number; school: { name: string; type: string; province: string | null; addedBy?: string } }

/** Work for the back office: a manual review submitted, or an application form brought to its confirmation point. */
export type DeskWork =
  | { kind: 'review'; time: number; order: number; index: number; reviewId: string }
  | { kind: 'confirmation'; time: number; order: number; index: number; applicationNumber: string; pointId: string; institutionId: string };

/** What a shard counted and has not sent with a window: its metrics, and its books of the servers. */
export interface ShardCounts {
  metrics: RunMetricsWire; servers: ServerBooksWire;
  /** The shard's largest heap (V8's committed size, MB) at a window's end. */
  peakHeapMb: number;
}

/** Kinds of `Ordered` rows. */
export const ACTIVE = 0;
export const SESSION = 1;
/** Fields of one `Ordered` row: time, order, kind, and the change (+1 or -1). */
export const ROW = 4;

/** What happened in a window, as one shard saw it. */
export interface WindowReport {
  /** Applicants who arrived, and those whose journey ended (their indexes), since the last report. */
  arrived: number;
  ended: number[];
  /** At a window's end: the hours the shard counted that can get no more counts (its other figures come with 'counts'). */
  hours: HourTallyWire[];
  /** At a window's end: the servers' books of the hours over (the totals come with 'counts'). */
  servers: ServerBooksWire;
  /** Rows of ROW numbers whose order matters (the levels), in this shard's order. */
  ordered: Float64Array;
  desk: DeskWork[];
  /** Schools added since the last report. */
  adds: SchoolAdd[];
  answers: CommandAnswer[];
  /** Applicants in progress now, and the events this shard has run so far. */
  active: number;
  events: number;
  /** Wall time this shard waited for the coordinator since its last report (ms): at window ends and rounds, and at school meetings. */
  waitedMs: { windows: number; schools: number };
}

export type ToShard =
  /** Run the events before `until` (up to and including it when `last`), after learning `adds` and doing `commands`. */
  | { type: 'window'; until: number; last: boolean; commands: Command[]; adds: SchoolAdd[] }
  /** Do these now and answer (a desk's round), without going on. */
  | { type: 'commands'; commands: Command[] }
  /** The schools other shards added before the moment asked about. */
  | { type: 'schools'; adds: SchoolAdd[] }
  /** The run is over: send what you counted. */
  | { type: 'finish' };

export type FromShard =
  /** Seeded and its arrivals drawn; its heap's limit (MB), as it sees it. */
  | { type: 'ready'; heapLimitMb: number }
  | { type: 'window'; report: WindowReport }
  /** What this shard's applicants took of the shared capacity since its last word: every few virtual minutes, and at a window's end. */
  | { type: 'pool'; use: PoolUseWire }
  | { type: 'answers'; report: WindowReport }
  /** Everything this shard counted that it has not sent with a window (its last word). */
  | { type: 'counts'; counts: ShardCounts }
  | { type: 'schools'; time: number; order: number; adds: SchoolAdd[] }
  /** This shard has run every event before `time` (and told every school it added before it): a question waiting for it can be answered. */
  | { type: 'passed'; time: number; adds: SchoolAdd[] }
  /** Exactness would need what this shard cannot know alone (every server, or a backend's hour, taken by its applicants alone): run on one worker. */
  | { type: 'notExact'; because: string }
  | { type: 'failed'; error: string };
