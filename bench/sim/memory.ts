/**
 * `npm run bench:memory`: where a run's memory goes, for the 3M national-season budget. Runs a
 * scenario in this process with `--expose-gc` and reads the heap after a full collection twice:
 * at the highest number of applicants in progress, and at the end. Per-applicant figures follow:
 * what stays for everyone who came (the end's heap over the applicants), and what each applicant
 * in progress costs on top (their portal records, their actor or its persisted snapshot, the
 * driver's record). It runs twice: with every waiting applicant asleep, then with every one
 * awake (a live actor). The projection scales both to the scenario's full size, with the same
 * share in progress at the peak (arrivals keep their shape when a season is scaled), awake up
 * to the run's limit of live actors and asleep past it.
 * Env: BENCH_SCENARIO (national-season), BENCH_APPLICANTS (20,000). Writes out/bench/memory.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { scenarioByName } from '../../scenarios';
import { LIVE_ACTOR_LIMIT, runScenario } from '../../sim/runner';
import { machine } from '../shared/machine';
import { progress } from '../shared/progress';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (npm run bench:memory does)');
const name = process.env.BENCH_SCENARIO ?? 'national-season';
const applicants = Number(process.env.BENCH_APPLICANTS ?? 20_000);
const heap = () => { gc(); return process.memoryUsage().heapUsed; };
const MB = 2 ** 20;

/** One run: the heap at the most applicants in progress and at the end, over the heap before it. */
async function measure(liveActorLimit: number, label: string) {
  const baseline = heap();
  let peak = { active: 0, asleep: 0, arrived: 0, heap: 0 };
  let end = 0;
  const bar = progress(`${name} (${label})`, applicants, 'applicants');
  await runScenario(scenarioByName(name), {
    applicants,
    liveActorLimit,
    onProgress: (p) => {
      bar.update(p.arrived);
      // A collection at each new high of applicants in progress, and one at the end, while the portal is alive.
      if (p.active > peak.active) peak = { active: p.active, asleep: p.asleep, arrived: p.arrived, heap: heap() - baseline };
      if (p.now === p.end) end = heap() - baseline;
    },
  });
  bar.stop();
  const retainedKB = end / applicants / 1024;
  const inProgressKB = (peak.heap - retainedKB * 1024 * peak.arrived) / Math.max(1, peak.active) / 1024;
  return { peak, end, retainedKB, inProgressKB };
}

// Waiting applicants all asleep, then all awake: a run has both, awake up to LIVE_ACTOR_LIMIT live actors.
const asleep = await measure(0, 'waiting asleep');
const awake = await measure(Number.POSITIVE_INFINITY, 'waiting awake');
const full = scenarioByName(name).applicants;
const inProgressAtPeak = (asleep.peak.active / applicants) * full;
const awakeAtPeak = Math.min(inProgressAtPeak, LIVE_ACTOR_LIMIT);
const projectedKB = full * asleep.retainedKB + awakeAtPeak * awake.inProgressKB + (inProgressAtPeak - awakeAtPeak) * asleep.inProgressKB;
const result = {
  machine: machine(), scenario: name, applicants,
  atPeak: { inProgress: asleep.peak.active, waitingDays: asleep.peak.asleep, arrived: asleep.peak.arrived, heapMB: Math.round(asleep.peak.heap / MB), heapMBAllAwake: Math.round(awake.peak.heap / MB) },
  atEnd: { heapMB: Math.round(asleep.end / MB) },
  retainedPerApplicantKB: Number(asleep.retainedKB.toFixed(1)),
  inProgressApplicantKB: { waitingAsleep: Number(asleep.inProgressKB.toFixed(1)), waitingAwake: Number(awake.inProgressKB.toFixed(1)) },
  projection: {
    applicants: full, inProgressAtPeak: Math.round(inProgressAtPeak), liveActorLimit: LIVE_ACTOR_LIMIT,
    heapGB: Number((projectedKB / 2 ** 20).toFixed(2)),
  },
};
console.log(JSON.stringify(result, null, 2));
mkdirSync('out/bench', { recursive: true });
writeFileSync('out/bench/memory.json', `${JSON.stringify(result, null, 2)}\n`);
