import { getHeapStatistics } from 'node:v8';
import { localHour, nextLocalMidnight } from '../../rules';
import type { Scenario } from '../scenario';
import { ServerBooks } from '../capacity';
import { Simulation } from '../engine';
import { RandomStreams, type Rng } from '../random';
import { BackOffice, backendsOf, deskPlaces, RunMetrics, runReport, sampleHourEnds, scenarioPeriod, scenarioRules, WorkTracker, type RunOptions, type RunResult } from '../runner';
import { Board } from './board';
import { WaitingCollector } from './collect-while-waiting';
import { OrderedReplay } from './ordered-replay';
import { PoolCheck } from './pool-check';
import { RoutingClient } from './routing-client';
import type { WindowReport } from './protocol';

/** What a run over many cores adds to its result: its shards, and where the coordinator's wall time went. */
export interface ShardedFigures {
  workers: number;
  windows: number;
  /** Each shard's heap limit (MB): its share of the run's; each shard's largest heap, and the coordinator's (MB, at window ends). */
  shardHeapLimitMb: number[];
  shardPeakHeapMb: number[];
  coordinatorPeakHeapMb: number;
  /** Wall time the coordinator waited for the shards (windows, rounds), and its own work (counting, the back office). */
  barrierSeconds: number;
  coordinatorSeconds: number;
  /** The coordinator's own work as a share of the run's wall time: the serial part Amdahl's law starts from. */
  coordinatorShare: number;
  /** Each shard's wall time waiting for the coordinator: at window ends and rounds, and to learn the schools added elsewhere. */
  shardWaitSeconds: { windows: number; schools: number }[];
}

/**
 * One run over `workers` shards (docs/parallel-runs.md): the shards run and count the
 * applicants, the coordinator here runs the back office and adds up their counts, in windows of
 * virtual time that end at each local midnight and each opening of the desks. The rows whose
 * order matters are put back in the order one process would have made them (OrderedReplay), reviews
 * are decided ahead and their decisions sent to the applicants' shards (RoutingClient), and a
 * desk's round meets the shards at its moment. The report is byte for byte the one process's;
 * where the shards cannot give it (the shared capacity filled: PoolCheck; a shard's servers full
 * with its applicants alone) the run stops (NotExactOnShards).
 */
export async function runSharded(scenario: Scenario, options: RunOptions, workers: number): Promise<RunResult & { sharded: ShardedFigures }> {
  const seed = options.seed ?? scenario.seed;
  const applicants = options.applicants ?? scenario.applicants;
  const rules = scenarioRules(scenario, options.rules);
  const offset = rules.time.utcOffsetMinutes;
  const streams = new RandomStreams(seed);
  const { start, end } = scenarioPeriod(scenario, offset);
  const began = performance.now();

  const sim = new Simulation(start);
  const work = new WorkTracker();
  const router = new RoutingClient(workers, () => sim.now());
  const books = new ServerBooks(scenario.capacity.servers.servers);
  let office: BackOffice | undefined;
  let replay: OrderedReplay | undefined;
  const metrics = new RunMetrics((ms) => localHour(ms, offset), () => ({
    active: replay?.active ?? 0,
    reviewBacklog: office?.reviews.backlog ?? 0,
    confirmationBacklog: office?.confirmation.backlog ?? 0,
    approvalBacklog: office?.approval.backlog ?? 0,
  }));
  replay = new OrderedReplay(metrics);
  const played = replay;
  office = new BackOffice({
    places: deskPlaces(scenario.provinces), sim, client: router, rules, config: scenario.backOffice, rng: streams.stream('backOffice'), metrics,
    track: (p) => work.track(p), resume: (then) => then(), decideAt: (at, act) => router.at(at, act),
  });
  const desks = office;
  // The servers' figures of an hour once the rows before its end are played (levels are read just after).
  sampleHourEnds(sim, start, end, metrics, { hour: (hourStart) => { played.until(hourStart + HOUR_MS - 1); return books.hour(hourStart); } });

  // Each applicant's stream for the desks' decisions, the one their journey would carry (JourneyDriver).
  const behaviour = streams.stream('behaviour');
  const ownStreams = new Map<number, Rng>();
  const ownStream = (index: number) => {
    let stream = ownStreams.get(index);
    if (!stream) ownStreams.set(index, (stream = behaviour.fork(index).fork('backOffice')));
    return stream;
  };

  let arrived = 0;
  const active: number[] = new Array(workers).fill(0);
  const shardWaitMs = Array.from({ length: workers }, () => ({ windows: 0, schools: 0 }));
  const events: number[] = new Array(workers).fill(0);
  /** A shard's report: its rows, its work for the desks, the answers to commands, and the hours it counted. */
  const take = (reports: readonly (WindowReport | undefined)[]) => {
    reports.forEach((report, shard) => { if (report) absorb(report, shard); });
    // The answers in the order the desks asked (one process's, where each came at once), not by
    // shard: what a desk does on an answer, like adding to the next desk's queue, keeps its order.
    for (const answer of reports.flatMap((report) => report?.answers ?? []).sort((a, b) => a.id - b.id)) router.answered(answer);
  };
  const absorb = (report: WindowReport, shard: number) => {
    arrived += report.arrived;
    active[shard] = report.active;
    events[shard] = report.events;
    shardWaitMs[shard]!.windows += report.waitedMs.windows;
    shardWaitMs[shard]!.schools += report.waitedMs.schools;
    played.add(shard, report.ordered);
    books.absorb(report.servers);
    metrics.series.absorb(report.hours);
    for (const index of report.ended) ownStreams.delete(index);
    for (const w of report.desk) {
      router.remember(w.kind === 'review' ? w.reviewId : w.applicationNumber, w.index);
      sim.scheduleAt(w.time, () => {
        if (w.kind === 'review') desks.reviews.submit(w.reviewId, ownStream(w.index));
        else desks.toConfirmation(w.applicationNumber, w.pointId, w.institutionId, ownStream(w.index));
      }, w.order);
    }
  };

  // The shared capacity, checked as the shards go: the first request one process would have made wait stops them.
  const pool = new PoolCheck(scenario.capacity.servers.servers, new Map(backendsOf(scenario.capacity).map(({ what, perHour }) => [what, perHour])), workers);
  const board = new Board({ scenario, seed, applicants, ...(options.rules ? { rules: options.rules } : {}), ...(options.liveActorLimit !== undefined ? { liveActorLimit: options.liveActorLimit } : {}) }, workers, pool);
  let windows = 0;
  let shardHeapLimitMb: number[] = [];
  let shardPeakHeapMb: number[] = [];
  let coordinatorPeakHeap = 0;
  let stoppedAt: number | undefined;
  try {
    shardHeapLimitMb = await board.ready();
    const windowFrom = (from: number) => {
      const until = Math.min(nextLocalMidnight(from, offset), desks.nextRound(from), end);
      return { until, last: until >= end };
    };
    let window = windowFrom(start);
    let running = board.window(window.until, window.last, (shard) => router.take(shard, 'ahead'));
    const collector = new WaitingCollector(COLLECT_OVER_BYTES, COLLECT_GROWN_BYTES);
    for (;;) {
      const { until, last } = window;
      collector.collect();
      take(await running);
      windows += 1;
      coordinatorPeakHeap = Math.max(coordinatorPeakHeap, getHeapStatistics().total_heap_size);
      // The shards close hours as one process does, an hour at the end of the next: the last stays with them.
      metrics.series.holdOpenFrom(until - HOUR_MS);
      // The back office up to the window's end, and at it: a desk's round comes before the applicants' events of its instant.
      while (sim.peek() <= until) {
        sim.step();
        while (router.dueNow || work.busy) {
          take(await board.commands((shard) => router.take(shard, 'now')));
          await work.drain();
        }
      }
      // Stopped (Ctrl-C): the run covers its period until this window's end.
      if (!last && options.signal?.aborted) stoppedAt = until;
      if (last || stoppedAt !== undefined) {
        played.until(until, last);
        break;
      }
      // The shards run the next window while the rows left of this one are played.
      window = windowFrom(until);
      running = board.window(window.until, window.last, (shard) => router.take(shard, 'ahead'));
      played.until(until);
      options.onProgress?.({ now: until, end, arrived, finished: arrived - sum(active), active: sum(active), asleep: 0, events: sim.eventCount });
    }
    // Decisions of the last window due by the end: one process would have made them.
    take(await board.commands((shard) => router.take(shard, 'ahead', stoppedAt ?? end)));
    const parts = await board.finish();
    for (const part of parts) {
      metrics.absorb(part.metrics);
      books.absorb(part.servers);
    }
    shardPeakHeapMb = parts.map((part) => part.peakHeapMb);
  } finally {
    await board.close();
  }
  metrics.outcomes.add('unfinished', sum(active));
  const report = runReport({
    scenario, seed, applicants, rules, change: options.rules, start, until: stoppedAt ?? end, interrupted: stoppedAt !== undefined, metrics,
    servers: { stats: books.stats, queue: (periodMs, peak) => books.figures(periodMs, peak) }, office: desks,
  });
  const wall = (performance.now() - began) / 1000;
  const barrierSeconds = board.waitedMs / 1000;
  const coordinatorSeconds = wall - barrierSeconds;
  return { report, events: sim.eventCount + sum(events), xstateMs: 0, sharded: { workers, windows, shardHeapLimitMb, shardPeakHeapMb, coordinatorPeakHeapMb: Math.round(coordinatorPeakHeap / 2 ** 20), barrierSeconds, coordinatorSeconds, coordinatorShare: Math.round((coordinatorSeconds / wall) * 1000) / 1000, shardWaitSeconds: shardWaitMs.map(({ windows, schools }) => ({ windows: windows / 1000, schools: schools / 1000 })) } };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const HOUR_MS = 3_600_000;
/**
 * The coordinator's heap in use past which it collects while the shards run a window, and how
 * much more than the last collection left (the 3M season's windows each make hundreds of MB, so
 * it still collects at about every one of them).
 */
const COLLECT_OVER_BYTES = 256 * 2 ** 20;
const COLLECT_GROWN_BYTES = 64 * 2 ** 20;
