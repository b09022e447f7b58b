/**
 * `npm run bench:agreement`: the same scenario and seed in virtual time and over real HTTP in
 * compressed time (the stub started on a scaled clock), funnels side by side. HTTP runs are not
 * bit-exact (docs/http-runs.md says why), so each funnel stage's share of arrivals must agree
 * within TOLERANCE_PP percentage points. Env: AGREE_SCENARIO (default), AGREE_APPLICANTS
 * (1,000), AGREE_SEED (the scenario's), AGREE_SCALE (3600). Exits 1 when they disagree.
 */
import { cpus, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { scenarioByName } from '../../scenarios';
import { httpTransport } from '../../sim/http-run';
import { runScenario, type Report } from '../../sim/runner';

const TOLERANCE_PP = 5;
const STAGES = ['arrived', 'registered', 'verified', 'submitted', 'confirmed', 'approved'] as const;

const scenario = scenarioByName(process.env.AGREE_SCENARIO ?? 'default');
const applicants = Number(process.env.AGREE_APPLICANTS ?? 1_000);
const seed = Number(process.env.AGREE_SEED ?? scenario.seed);
const timeScale = Number(process.env.AGREE_SCALE ?? 3600);

const timed = async (label: string, run: () => Promise<{ report: Report }>) => {
  const started = performance.now();
  const { report } = await run();
  const seconds = Number(((performance.now() - started) / 1000).toFixed(1));
  console.error(`${label}: ${seconds} s`);
  return { report, seconds };
};

console.error(`machine: ${cpus().length} cores (${cpus()[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
const inProcess = await timed('in-process', () => runScenario(scenario, { seed, applicants }));
const overHttp = await timed(`http ×${timeScale}`, () => runScenario(scenario, { seed, applicants, transport: httpTransport({ timeScale, onWarning: (m) => console.error(`warning: ${m}`) }) }));

const share = (r: Report, stage: (typeof STAGES)[number]) => (100 * r.funnel[stage]) / Math.max(1, r.funnel.arrived);
const rows = STAGES.map((stage) => {
  const a = share(inProcess.report, stage);
  const b = share(overHttp.report, stage);
  return { stage, inProcess: inProcess.report.funnel[stage], http: overHttp.report.funnel[stage], differencePp: Number((b - a).toFixed(2)) };
});
const agrees = rows.every((r) => Math.abs(r.differencePp) <= TOLERANCE_PP) && inProcess.report.funnel.arrived === overHttp.report.funnel.arrived;

console.log(`${scenario.name}, seed ${seed}, ${applicants} applicants; HTTP at ×${timeScale}`);
console.log('stage          in-process     http   Δ share (pp)');
for (const r of rows) console.log(`${r.stage.padEnd(14)}${String(r.inProcess).padStart(10)}${String(r.http).padStart(9)}${r.differencePp.toFixed(2).padStart(14)}`);
console.log(`wall: in-process ${inProcess.seconds} s, http ${overHttp.seconds} s; wire: ${JSON.stringify(overHttp.report.transport?.wire)}`);
console.log(agrees ? `agree within ${TOLERANCE_PP} pp` : `DISAGREE: some stage differs by more than ${TOLERANCE_PP} pp`);

mkdirSync('out/bench', { recursive: true });
writeFileSync('out/bench/agreement.json', `${JSON.stringify({ scenario: scenario.name, seed, applicants, timeScale, tolerancePp: TOLERANCE_PP, agrees, rows, wallSeconds: { inProcess: inProcess.seconds, http: overHttp.seconds }, transport: overHttp.report.transport }, null, 2)}\n`);
if (!agrees) process.exitCode = 1;
