/**
 * `npm run bench:memory`: where a run's memory goes, for the 3M national-season budget. Runs a
 * scenario with `--expose-gc` and reads the heap after a full collection twice: at the highest
 * number of applicants in progress, and at the end. Three runs, each in a fresh process so that
 * none inherits another's compiled code or caches: half the applicants and all of them with
 * every waiting applicant asleep, then all of them with every one awake (a live actor).
 * Per-applicant figures come from the difference between the two sizes, so what a run costs
 * whatever its size (compiled code, the portal's tables, caches) is counted once, not spread
 * over the applicants and multiplied by millions: what stays for everyone who came, and what
 * each applicant in progress costs on top (their portal records, their actor or its persisted
 * snapshot, the driver's record). The projection scales them to the scenario's full size, with
 * the same share arrived and in progress at the peak (arrivals keep their shape when a season is
 * scaled), awake up to the run's limit of live actors and asleep past it.
 * Env: BENCH_SCENARIO (national-season), BENCH_APPLICANTS (20,000). Writes out/bench/memory.json.
 */
import { execFileSync } from 'node:child_process';
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

interface Measured { peak: { active: number; asleep: number; arrived: number; heap: number }; end: number }

/** One run: the heap at the most applicants in progress and at the end, over the heap before it. */
async function measure(applicants: number, liveActorLimit: number, label: string): Promise<Measured> {
  const baseline = heap();
  let peak = { active: 0, asleep: 0, arrived: 0, heap: 0 };
  let end = 0;
  const bar = progress(`${name} ${applicants} (${label})`, applicants, 'applicants');
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
  return { peak, end };
}

/** `measure` in a fresh process of this script (MEASURE=applicants,liveActorLimit), its answer on stdout. */
function measureApart(applicants: number, liveActorLimit: number): Measured {
  const out = execFileSync(process.execPath, [...process.execArgv, process.argv[1]!], {
    env: { ...process.env, MEASURE: `${applicants},${liveActorLimit}` },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  return JSON.parse(out) as Measured;
}

if (process.env.MEASURE) {
  const [n, limit] = process.env.MEASURE.split(',').map(Number) as [number, number];
  process.stdout.write(JSON.stringify(await measure(n, limit, limit === 0 ? 'waiting asleep' : 'waiting awake')));
  process.exit(0);
}

// A run has both kinds of waiting applicant: awake up to LIVE_ACTOR_LIMIT live actors, asleep past it.
const halfApplicants = Math.round(applicants / 2);
const half = measureApart(halfApplicants, 0);
const asleep = measureApart(applicants, 0);
const awake = measureApart(applicants, Number.POSITIVE_INFINITY);
// Bounded caches still growing at these sizes count as growing for ever, so the figures lean high.
const retainedKB = (asleep.end - half.end) / (applicants - halfApplicants) / 1024;
const asleepKB = ((asleep.peak.heap - half.peak.heap) / 1024 - retainedKB * (asleep.peak.arrived - half.peak.arrived))
  / (asleep.peak.active - half.peak.active);
// Both runs of all the applicants reach their peak at the same moment; only the waiting ones differ.
const awakeKB = asleepKB + (awake.peak.heap - asleep.peak.heap) / 1024 / asleep.peak.active;
const fixedKB = asleep.peak.heap / 1024 - retainedKB * asleep.peak.arrived - asleepKB * asleep.peak.active;

const full = scenarioByName(name).applicants;
const scale = full / applicants;
const inProgressAtPeak = asleep.peak.active * scale;
const awakeAtPeak = Math.min(inProgressAtPeak, LIVE_ACTOR_LIMIT);
const atPeakKB = fixedKB + retainedKB * asleep.peak.arrived * scale + awakeAtPeak * awakeKB + (inProgressAtPeak - awakeAtPeak) * asleepKB;
const atEndKB = fixedKB + retainedKB * full;
const GB = (kb: number) => Number((kb / 2 ** 20).toFixed(2));
const KB = (kb: number) => Number(kb.toFixed(1));
const result = {
  machine: machine(), scenario: name, applicants, halfApplicants,
  atPeak: { inProgress: asleep.peak.active, waitingDays: asleep.peak.asleep, arrived: asleep.peak.arrived, heapMB: Math.round(asleep.peak.heap / MB), heapMBAllAwake: Math.round(awake.peak.heap / MB) },
  atEnd: { heapMB: Math.round(asleep.end / MB) },
  fixedMB: Math.round(fixedKB / 1024),
  retainedPerApplicantKB: KB(retainedKB),
  inProgressApplicantKB: { waitingAsleep: KB(asleepKB), waitingAwake: KB(awakeKB) },
  projection: {
    applicants: full, inProgressAtPeak: Math.round(inProgressAtPeak), liveActorLimit: LIVE_ACTOR_LIMIT,
    heapGB: GB(atPeakKB), heapGBAtEnd: GB(atEndKB),
  },
};
console.log(JSON.stringify(result, null, 2));
mkdirSync('out/bench', { recursive: true });
writeFileSync('out/bench/memory.json', `${JSON.stringify(result, null, 2)}\n`);
