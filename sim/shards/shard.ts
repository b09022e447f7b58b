import { getHeapStatistics } from 'node:v8';
import { receiveMessageOnPort } from 'node:worker_threads';
import { localHour, nextLocalMidnight } from '../../rules';
import { Portal, plainTextHasher, type MaybePromise } from '../../stub-server/portal';
import { createMemoryStore } from '../../stub-server/store';
import { CallerRandom } from '../clients';
import { Simulation, VirtualClock } from '../engine';
import { RandomStreams, sample } from '../random';
import { admitApplicants, JourneyDriver, LIVE_ACTOR_LIMIT, ModelledTiming, modelledBackends, RunMetrics, scenarioPeriod, scenarioRules, seedInstitutions, stepClockOf } from '../runner';
import { ShardLog } from './shard-log';
import { ShardClient } from './shard-client';
import { ShardServers, ShardThroughput } from './shared-capacity';
import type { Command, FromShard, ShardInit, ToShard } from './protocol';

/**
 * A shard of a run over many cores: the applicants whose index is its number modulo the
 * shards' count, each an actor of the journey machine as in one process, against this shard's
 * own portal (their records), the servers and backends as if its applicants were alone on them
 * (the coordinator checks that together they never filled them: PoolCheck), and the schools table
 * kept in step (ShardClient). It runs window by window as the coordinator says, and between
 * two windows does what the back office decided on its applicants. Once its portal is seeded,
 * synchronous throughout: it waits for the coordinator on `signal` and reads its message at
 * once (receiveMessageOnPort), even in the middle of an event.
 */
export async function runShard(init: ShardInit): Promise<void> {
  const { scenario, seed, applicants, shard, of, port } = init;
  const rules = scenarioRules(scenario, init.rules);
  const offset = rules.time.utcOffsetMinutes;
  const streams = new RandomStreams(seed);
  const { from, start } = scenarioPeriod(scenario, offset);
  const signal = new Int32Array(init.signal);
  const asked = new Float64Array(init.asked);

  // A report's numbers are moved to the coordinator, not copied.
  const post = (message: FromShard) => port.postMessage(message, 'report' in message ? [message.report.ordered.buffer as ArrayBuffer]
    : message.type === 'pool' ? [message.use.services.buffer as ArrayBuffer] : []);
  // Wall time waiting for the coordinator since the last report: at window ends and rounds, and at school meetings.
  const waitedMs = { windows: 0, schools: 0 };
  const waited = () => { const ms = { ...waitedMs }; waitedMs.windows = 0; waitedMs.schools = 0; return ms; };
  const receive = (why: keyof typeof waitedMs = 'windows'): ToShard => {
    const from = performance.now();
    Atomics.wait(signal, 0, 0);
    Atomics.store(signal, 0, 0);
    // The signal can come a little before the message is there to read: look again, briefly.
    let got = receiveMessageOnPort(port);
    while (!got) {
      if (performance.now() - from > 60_000) throw new Error('the coordinator said it answered, but sent nothing for a minute');
      Atomics.wait(signal, 1, 0, 0.02);
      got = receiveMessageOnPort(port);
    }
    waitedMs[why] += performance.now() - from;
    return got.message as ToShard;
  };

  const sim = new Simulation(start);
  const clock = new VirtualClock(sim);
  // The portal's clock, set to a command's moment when it is done between windows (see `perform`).
  let setTo: number | undefined;
  const portalClock = { now: () => setTo ?? sim.now() };
  const random = new CallerRandom(streams.stream('portal'));
  const portal = new Portal({ rules, clock: portalClock, store: createMemoryStore(), random, passwords: plainTextHasher, keepPhotoFiles: false, numbering: { first: shard + 1, step: of } });
  // The latest school question this shard said it ran past; a question of its own forgets it
  // (the coordinator then knows only where this shard asked).
  let passed = -Infinity;
  const client = new ShardClient(portal, random, shard, () => sim.now(), (time, order, adds) => {
    post({ type: 'schools', time, order, adds });
    passed = -Infinity;
    const answer = receive('schools');
    if (answer.type !== 'schools') throw new Error(`a shard waiting for schools was sent ${answer.type}`);
    return answer.adds;
  });
  const serverRng = streams.stream('portal').fork('servers');
  const { capacity } = scenario;
  const servers = new ShardServers(capacity.servers, (d, stream) => sample(d, stream ?? serverRng));
  // Counts as one process's; levels are the coordinator's (from the ordered rows), never sampled here.
  const metrics = new RunMetrics((ms) => localHour(ms, offset), () => ({ active: 0, reviewBacklog: 0, confirmationBacklog: 0, approvalBacklog: 0 }));
  const log = new ShardLog(metrics, servers.books, () => sim.now(), (idNumber) => { portal.forgetApplicant(idNumber); });
  const throughputs: ShardThroughput[] = [];
  const backends = modelledBackends(capacity, (perHour, what) => { const t = new ShardThroughput(perHour, what); throughputs.push(t); return t; });
  // What the applicants took of the shared capacity, sent as the run goes: the coordinator stops the shards at the first breach.
  let poolAt = -Infinity;
  const tellPool = (upTo: number) => {
    post({ type: 'pool', use: { services: servers.take(), upTo, uses: throughputs.flatMap((t) => t.take()) } });
    poolAt = upTo + POOL_EVERY_MS;
  };
  const timing = new ModelledTiming(servers, backends, stepClockOf(sim));

  const atOnce = (work: MaybePromise<unknown>) => { if (work instanceof Promise) throw new Error('a shard\'s portal answers at once'); };
  const resume = (then: () => void) => then();
  const journeys = new JourneyDriver({ sim, clock, client, timing, rules, track: atOnce, resume, observer: log, liveActorLimit: init.liveActorLimit ?? LIVE_ACTOR_LIMIT });

  /**
   * A back-office command on one of this shard's applicants, with the portal's clock at its
   * moment: a desk's round at the window's end; a review's decision in the window just run, done
   * late, which is exact only if the applicant has not called since (they come back a day after
   * submitting at the earliest: docs/parallel-runs.md).
   */
  const perform = ({ id, at, index, op, input }: Command) => {
    if (at < sim.now() && (log.lastCall.get(index) ?? -Infinity) > at) {
      throw new Error(`a decision at ${at} came after applicant ${index} called the portal at ${log.lastCall.get(index)}`);
    }
    setTo = at;
    try {
      const answer = client.admin(op, input);
      if (answer instanceof Promise) throw new Error('a shard\'s portal answers at once');
      log.answered({ id, status: answer.status, body: answer.body });
    } finally {
      setTo = undefined;
    }
  };
  const schedule = (commands: readonly Command[]) => {
    for (const command of commands) {
      if (command.at < sim.now()) perform(command);
      else sim.scheduleAt(command.at, () => perform(command));
    }
  };

  await seedInstitutions(client, scenario.provinces);
  if (scenario.faults) await client.admin('setFaults', scenario.faults);
  admitApplicants({
    scenario, applicants, rules, streams, from, sim, client, journeys, track: atOnce, resume,
    arrived: (now) => log.arrived(now), started: (index) => log.started(index),
    takes: (index) => index % of === shard,
  });
  post({ type: 'ready', heapLimitMb: Math.round(getHeapStatistics().heap_size_limit / 2 ** 20) });

  let sweepAt = sim.now();
  let peakHeap = 0;
  for (;;) {
    const message = receive();
    if (message.type === 'finish') {
      post({ type: 'counts', counts: { ...log.counts(), peakHeapMb: Math.round(peakHeap / 2 ** 20) } });
      return;
    }
    if (message.type === 'commands') {
      message.commands.forEach(perform);
      post({ type: 'answers', report: log.report(journeys.active, sim.eventCount, client.takeAdds(), waited()) });
      continue;
    }
    if (message.type !== 'window') throw new Error(`a shard between windows was sent ${message.type}`);
    client.learn(message.adds);
    schedule(message.commands);
    const { until, last } = message;
    // An event at the window's end keeps a step's later calls from moving the clock past it (Simulation.advanceTo).
    const fence = last ? undefined : sim.scheduleAt(until, () => {}, -1);
    passed = -Infinity;
    while (last ? sim.peek() <= until : sim.peek() < until) {
      // Another shard waits for a school question this one has now run past: say so.
      const question = asked[0]!;
      if (sim.peek() > question && question > passed) {
        passed = question;
        post({ type: 'passed', time: sim.peek(), adds: client.takeAdds() });
      }
      sim.step();
      if (sim.now() >= poolAt || servers.untaken >= POOL_BATCH) tellPool(sim.now());
      if (sim.now() >= sweepAt) {
        portal.sweepPastDays(sim.now());
        sweepAt = nextLocalMidnight(sim.now(), offset);
      }
    }
    if (fence !== undefined) sim.cancel(fence);
    peakHeap = Math.max(peakHeap, getHeapStatistics().total_heap_size);
    tellPool(last ? Infinity : until);
    post({ type: 'window', report: log.report(journeys.active, sim.eventCount, client.takeAdds(), waited(), until) });
  }
}

/** How often a shard tells the coordinator what its applicants took of the shared capacity: virtual ms, or services. */
const POOL_EVERY_MS = 600_000;
const POOL_BATCH = 50_000;
