/**
 * `npm run bench:memory`: where a run's memory goes, for the 3M national-season budget. Runs a
 * scenario in this process with `--expose-gc` and reads the heap after a full collection twice:
 * at the highest number of applicants in progress (live actors plus the portal's state so far)
 * and at the end (the portal's state for everyone who came). Per-applicant figures follow.
 * Env: BENCH_SCENARIO (national-season), BENCH_APPLICANTS (20,000). Writes out/bench/memory.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { scenarioByName } from '../../scenarios';
import { runScenario } from '../../sim/runner';
import { machine } from '../shared/machine';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (npm run bench:memory does)');
const name = process.env.BENCH_SCENARIO ?? 'national-season';
const applicants = Number(process.env.BENCH_APPLICANTS ?? 20_000);
const heap = () => { gc(); return process.memoryUsage().heapUsed; };
const MB = 2 ** 20;

const baseline = heap();
let peak = { active: 0, arrived: 0, heap: 0 };
let end = 0;
await runScenario(scenarioByName(name), {
  applicants,
  onProgress: (p) => {
    // A collection at each new high of applicants in progress, and one at the end, while the portal is alive.
    if (p.active > peak.active) peak = { active: p.active, arrived: p.arrived, heap: heap() - baseline };
    if (p.now === p.end) end = heap() - baseline;
  },
});
const perArrivedKB = end / applicants / 1024;
const perLiveKB = (peak.heap - perArrivedKB * 1024 * peak.arrived) / Math.max(1, peak.active) / 1024;
const result = {
  machine: machine(), scenario: name, applicants,
  atPeak: { inProgress: peak.active, arrived: peak.arrived, heapMB: Math.round(peak.heap / MB) },
  atEnd: { heapMB: Math.round(end / MB) },
  portalStatePerApplicantKB: Number(perArrivedKB.toFixed(1)),
  liveApplicantKB: Number(perLiveKB.toFixed(1)),
};
console.log(JSON.stringify(result, null, 2));
mkdirSync('out/bench', { recursive: true });
writeFileSync('out/bench/memory.json', `${JSON.stringify(result, null, 2)}\n`);
