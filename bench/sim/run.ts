/**
 * `npm run bench`: the simulator's speed on `peak-opening`, in one run: applicants/s,
 * events/s, peak RSS, and the share of wall time spent inside XState's own start/send
 * (the machines) against the rest (harness: engine, portal domain, performer, metrics).
 * Env: BENCH_APPLICANTS (default 20,000), BENCH_SCENARIO (default peak-opening).
 */
import { cpus, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { scenarioByName } from '../../scenarios';
import { runScenario } from '../../sim/runner';

const name = process.env.BENCH_SCENARIO ?? 'peak-opening';
const applicants = Number(process.env.BENCH_APPLICANTS ?? 20_000);

const started = performance.now();
const { report, events, xstateMs } = await runScenario(scenarioByName(name), { applicants, timed: true });
const wallMs = performance.now() - started;
const result = {
  machine: `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  scenario: name,
  applicants: report.funnel.arrived,
  wallSeconds: Number((wallMs / 1000).toFixed(2)),
  applicantsPerSecond: Math.round(report.funnel.arrived / (wallMs / 1000)),
  eventsPerSecond: Math.round(events / (wallMs / 1000)),
  events,
  eventsPerApplicant: Number((events / Math.max(1, report.funnel.arrived)).toFixed(1)),
  peakRssMB: Math.round((process.resourceUsage().maxRSS * 1024) / 2 ** 20),
  xstateShare: Number((xstateMs / wallMs).toFixed(3)),
  harnessShare: Number((1 - xstateMs / wallMs).toFixed(3)),
};
console.log(JSON.stringify(result, null, 2));
mkdirSync('out/bench', { recursive: true });
writeFileSync('out/bench/sim.json', `${JSON.stringify(result, null, 2)}\n`);
