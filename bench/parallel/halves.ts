/**
 * `npm run bench:halves`: the most any sharded run could gain on this machine. One worker
 * thread runs peak-opening with APPLICANTS applicants; then SHARDS worker threads each run
 * APPLICANTS / SHARDS of them at once (seeds 1, 2, …), with no coordinator, no barrier and no
 * message between them: every cost of a faithful sharded run left out. Their wall times,
 * alternated ROUNDS times, bound the speed-up of `--workers SHARDS` from above
 * (docs/parallel-runs.md). Both run through RunPool, as compare and plan do, with the CLI's heap
 * flags (package.json). It also gives the CPU time each side took (`moreWork`: the parts' over the
 * whole's) and, as a yardstick, how SHARDS threads of a pure computation scale on this machine
 * (core-yardstick.ts). Env: APPLICANTS (20,000), SHARDS (2), ROUNDS (3), SCENARIO (peak-opening).
 */
import { RunPool, type RunJob } from '../../sim/parallel';
import { machine } from '../shared/machine';
import { median } from '../shared/median';
import { dealOut } from '../shared/deal';
import { refuser, scenarioOrRefuse } from '../shared/refuse';
import { coreYardstick } from './core-yardstick';

const applicants = Number(process.env.APPLICANTS ?? 20_000);
const shards = Number(process.env.SHARDS ?? 2);
const rounds = Number(process.env.ROUNDS ?? 3);
const refuse = refuser('bench:halves');
if (!(shards >= 2) || !(applicants >= shards) || !(rounds >= 1)) refuse('SHARDS must be 2 or more, APPLICANTS at least SHARDS, ROUNDS 1 or more');
const scenario = scenarioOrRefuse(process.env.SCENARIO ?? 'peak-opening', refuse);

interface Timing { wall: number; cpu: number }

/**
 * Wall seconds for the jobs on a pool of one thread per job, its threads started and warmed
 * first, and the process's CPU time meanwhile (every thread: V8's compiler and collector work on
 * helper threads beside each run; over the wall time, the cores kept busy).
 */
async function timed(jobs: RunJob[]): Promise<Timing> {
  const pool = new RunPool(jobs.length, jobs.length);
  try {
    // Each thread loads the simulator before the clock starts: a tiny run on every thread at once.
    await Promise.all(jobs.map((job) => pool.run({ ...job, applicants: 20 })));
    const began = performance.now();
    const cpu = process.cpuUsage();
    await Promise.all(jobs.map((job) => pool.run(job)));
    const wall = (performance.now() - began) / 1000;
    const { user, system } = process.cpuUsage(cpu);
    return { wall, cpu: (user + system) / 1e6 };
  } finally {
    await pool.close();
  }
}

const whole: RunJob[] = [{ scenario, seed: 1, applicants }];
const parts: RunJob[] = dealOut(applicants, shards).map((count, i) => ({ scenario, seed: i + 1, applicants: count }));

console.log(`${machine()}; ${scenario.name}, ${applicants} applicants: `
  + `one thread, then ${shards} independent parts at once; ${rounds} rounds`);
const figures: { one: Timing; parts: Timing }[] = [];
const cores = (t: Timing) => t.cpu / t.wall;
const line = (what: string, t: Timing) => `${what} ${t.wall.toFixed(2)} s, ${cores(t).toFixed(2)} cores busy`;
for (let round = 1; round <= rounds; round += 1) {
  const one = await timed(whole);
  console.log(line(`round ${round} one thread  `, one));
  const apart = await timed(parts);
  console.log(line(`round ${round} ${shards} parts     `, apart));
  figures.push({ one, parts: apart });
}
const speedUp = median(figures.map((f) => f.one.wall)) / median(figures.map((f) => f.parts.wall));
const moreWork = median(figures.map((f) => f.parts.cpu)) / median(figures.map((f) => f.one.cpu));
console.log(JSON.stringify({
  machine: machine(), scenario: scenario.name, applicants, shards, rounds,
  figures: figures.map(({ one, parts: apart }) => ({
    oneSeconds: Number(one.wall.toFixed(2)), oneCoresBusy: Number(cores(one).toFixed(2)), oneCpuSeconds: Number(one.cpu.toFixed(2)),
    partsSeconds: Number(apart.wall.toFixed(2)), partsCoresBusy: Number(cores(apart).toFixed(2)), partsCpuSeconds: Number(apart.cpu.toFixed(2)),
  })),
  // The ceiling: a sharded run that coordinated for free would still be no faster than this.
  speedUpAtMost: Number(speedUp.toFixed(3)),
  // Each part is an isolate of its own: it compiles the same code and collects its own heap again.
  moreWork: Number(moreWork.toFixed(3)),
  // What the same number of threads of a pure computation give here: the machine's own ceiling.
  computationSpeedUp: await coreYardstick(shards),
}, null, 2));
