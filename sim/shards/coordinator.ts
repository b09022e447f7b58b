import type { JourneyContext, Milestone } from '../../machines';
import { localHour, nextLocalMidnight } from '../../rules';
import type { Scenario } from '../../scenarios/types';
import { ServerBooks } from '../capacity';
import type { PortalAnswer } from '../clients';
import { Simulation } from '../engine';
import { RandomStreams, type Rng } from '../random';
import { BackOffice, deskPlaces, RunMetrics, runReport, sampleHourEnds, scenarioPeriod, scenarioRules, WorkTracker, type RunOptions, type RunResult } from '../runner';
import { Board } from './board';
import { OrderedReplay } from './ordered-replay';
import { RoutingClient } from './routing-client';
import { CALL, type WindowReport } from './protocol';
import type { Call } from '../applicant';

/** What a run over many cores adds to its result: its shards, and where the coordinator's wall time went. */
export interface ShardedFigures {
  workers: number;
  windows: number;
  /** Wall time the coordinator waited for the shards (windows, rounds), and its own work (counting, the back office). */
  barrierSeconds: number;
  coordinatorSeconds: number;
  /** Each shard's wall time waiting for the coordinator: at window ends and rounds, and to learn the schools added elsewhere. */
  shardWaitSeconds: { windows: number; schools: number }[];
}

/**
 * One run over `workers` shards (docs/parallel-runs.md): the shards run the applicants, the
 * coordinator here runs the back office and counts what the shards report, in windows of
 * virtual time that end at each local midnight and each opening of the desks. A window's
 * reports are put back in the order one process would have made them (OrderedReplay), reviews
 * are decided ahead and their decisions sent to the applicants' shards (RoutingClient), and a
 * desk's round meets the shards at its moment. The report is byte for byte the one process's;
 * a shard that cannot know alone what one process would have done stops the run (OutOfShare).
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
  replay = new OrderedReplay(metrics, books);
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
  const strings: string[][] = Array.from({ length: workers }, () => []);
  /** What must be in before the back office runs the window: its rows, its work for the desks, the answers to commands. */
  const takeOrdered = (shard: number, report: WindowReport | undefined) => {
    if (!report) return;
    active[shard] = report.active;
    events[shard] = report.events;
    shardWaitMs[shard]!.windows += report.waitedMs.windows;
    shardWaitMs[shard]!.schools += report.waitedMs.schools;
    played.add(shard, report.ordered);
    for (const w of report.desk) {
      router.remember(w.kind === 'review' ? w.reviewId : w.applicationNumber, w.index);
      sim.scheduleAt(w.time, () => {
        if (w.kind === 'review') desks.reviews.submit(w.reviewId, ownStream(w.index));
        else desks.toConfirmation(w.applicationNumber, w.pointId, w.institutionId, ownStream(w.index));
      }, w.order);
    }
    for (const answer of report.answers) router.answered(answer);
  };
  /** What counts whatever its order: counted while the shards run the next window. */
  const takeCounted = (shard: number, report: WindowReport | undefined) => {
    if (!report) return;
    const names = strings[shard]!;
    names.push(...report.strings);
    const { calls } = report;
    for (let i = 0; i < calls.length; i += CALL) {
      const code = calls[i + 2]!;
      const answer = { status: calls[i + 1]!, body: code < 0 ? undefined : { code: names[code]! } } as PortalAnswer;
      metrics.call({ op: names[calls[i]!]!, answer } as Call, calls[i + 3]!, calls[i + 4]!, calls[i + 5] === 1);
    }
    for (const c of report.counted) {
      switch (c[0]) {
        case 'milestone': metrics.milestone(c[1] as Milestone, c[2]); break;
        case 'refused': metrics.refusals.add(c[1]); break;
        case 'arrived': arrived += 1; metrics.arrived(c[1]); break;
        case 'finished': {
          const [, index, state, step, reason] = c;
          ownStreams.delete(index);
          metrics.finished(state, { abandoned: step === null ? undefined : { step, reason } } as unknown as JourneyContext);
        }
      }
    }
  };
  const take = (reports: readonly (WindowReport | undefined)[]) => {
    reports.forEach((report, shard) => takeOrdered(shard, report));
    reports.forEach((report, shard) => takeCounted(shard, report));
  };

  const board = new Board({ scenario, seed, applicants, ...(options.rules ? { rules: options.rules } : {}), ...(options.liveActorLimit !== undefined ? { liveActorLimit: options.liveActorLimit } : {}) }, workers);
  let windows = 0;
  let stoppedAt: number | undefined;
  try {
    await board.ready();
    const windowFrom = (from: number) => {
      const until = Math.min(nextLocalMidnight(from, offset), desks.nextRound(from), end);
      return { until, last: until >= end };
    };
    // A window's calls may be counted an hour after their moment at most (a step lasts minutes).
    metrics.series.holdOpenFrom(start - HOUR_MS);
    let window = windowFrom(start);
    let running = board.window(window.until, window.last, (shard) => router.take(shard, 'ahead'));
    for (;;) {
      const { until, last } = window;
      const reports = await running;
      windows += 1;
      reports.forEach((report, shard) => takeOrdered(shard, report));
      // The back office up to the window's end, and at it: a desk's round comes before the applicants' events of its instant.
      while (sim.peek() <= until) {
        sim.step();
        while (router.dueNow || work.busy) {
          take(await board.commands((shard) => router.take(shard, 'now')));
          await work.drain();
        }
      }
      played.until(until, last);
      // Stopped (Ctrl-C): the run covers its period until this window's end.
      if (!last && options.signal?.aborted) stoppedAt = until;
      if (last || stoppedAt !== undefined) {
        reports.forEach((report, shard) => takeCounted(shard, report));
        break;
      }
      // The shards run the next window while this one's calls are counted.
      window = windowFrom(until);
      running = board.window(window.until, window.last, (shard) => router.take(shard, 'ahead'));
      reports.forEach((report, shard) => takeCounted(shard, report));
      metrics.series.holdOpenFrom(until - HOUR_MS);
      options.onProgress?.({ now: until, end, arrived, finished: arrived - sum(active), active: sum(active), asleep: 0, events: sim.eventCount });
    }
    // Decisions of the last window due by the end: one process would have made them.
    take(await board.commands((shard) => router.take(shard, 'ahead', stoppedAt ?? end)));
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
  return { report, events: sim.eventCount + sum(events), xstateMs: 0, sharded: { workers, windows, barrierSeconds, coordinatorSeconds: wall - barrierSeconds, shardWaitSeconds: shardWaitMs.map(({ windows, schools }) => ({ windows: windows / 1000, schools: schools / 1000 })) } };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const HOUR_MS = 3_600_000;
