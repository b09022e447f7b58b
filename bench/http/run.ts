/**
 * `npm run bench:http`: how fast the simulator's HTTP path (HttpClient) is.
 * (a) The load generator's own ceiling: HttpClient against a bare node:http server, next to
 *     autocannon against the same server, same connections and duration.
 * (b) The stub's sustained journey throughput: complete account registrations driven through
 *     HttpClient at a fixed concurrency, next to an Express 5 echo sent the same requests.
 * (c) The largest arrival rate of those journeys the stub holds with p95 under 500 ms, in an
 *     open loop (Poisson arrivals): doubling, then bisection.
 * The generator runs in this process on core 0 and each server in a child on core 1 (taskset).
 * The stub hashes passwords as `run --transport http` starts it (the simulator's cheap hash);
 * BENCH_SCRYPT_COST sets another (16384 is the portal's shipped cost: hashing then dominates).
 * Env: BENCH_SECONDS (default 10), BENCH_CONCURRENCY (50), BENCH_SEED (20260914), BENCH_SCRYPT_COST.
 * Writes out/bench-http.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { defaultRules, resolveRules } from '../../rules';
import { SIMULATION_RULES } from '../../sim/runner';
import { RandomStreams } from '../../sim/random';
import { HttpClient } from '../../sim/clients';
import { spawnStub } from '../../stub-server/spawn';
import { machine } from '../shared/machine';
import { GENERATOR_CORE, pin, SERVER_CORE } from '../shared/cores';
import { killOnExit, spawnReady } from '../shared/spawn';
import { cannon, PROBE, type CannonResult } from './cannon';
import { closedLoop, type LoopResult } from './closed-loop';
import { newApplicants, register, replay, type RecordedCall } from './journey';
import { highestRate, openLoop } from './open-loop';
import { capacityTable, ceilingTable, journeyTable, type Capacity, type Ceiling, type Journeys } from './table';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 50);
const seed = Number(process.env.BENCH_SEED ?? 20260914);
const simulationCost = resolveRules(SIMULATION_RULES).account.scryptCost;
const scryptCost = Number(process.env.BENCH_SCRYPT_COST ?? simulationCost);
const ADMIN = 'T';
const WARM_UP_SECONDS = 2;
const CEILING_ROUNDS = 2;
const TARGETS = { ceiling: 0.8, stubVsEcho: 0.6, p95LimitMs: 500 };

/** The round with the most requests a second: other load on a shared machine only ever slows a round. */
const best = <T extends { requestsPerSecond: number }>(rounds: T[]): T => rounds.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));

async function ceiling(): Promise<Ceiling> {
  const server = await spawnReady('bench/http/bare-server.ts', [], SERVER_CORE);
  const client = new HttpClient(server.url, '', 30_000, { connections: concurrency });
  const probe = (label: string, time: number) => closedLoop(label, client, { workers: concurrency, seconds: time }, async (c) => {
    const answer = await c.call(PROBE.op, PROBE.input);
    return answer.status === 200 ? undefined : `status ${answer.status}`;
  });
  try {
    // The server and both generators warm up first, so no measurement pays for JIT compilation.
    await cannon(server.url, concurrency, WARM_UP_SECONDS);
    await probe('(a) warming up', WARM_UP_SECONDS);
    // Rounds alternate, so a burst of load from elsewhere does not fall on one generator only.
    const ours: LoopResult[] = [];
    const theirs: CannonResult[] = [];
    for (let round = 1; round <= CEILING_ROUNDS; round += 1) {
      ours.push(await probe(`(a) HttpClient, round ${round}`, seconds));
      theirs.push(await cannon(server.url, concurrency, seconds, `(a) autocannon, round ${round}`));
    }
    const [httpClient, autocannon] = [best(ours), best(theirs)];
    const perSecond = (r: { requestsPerSecond: number }) => Math.round(r.requestsPerSecond);
    return { httpClient, autocannon, ratio: httpClient.requestsPerSecond / autocannon.requestsPerSecond, rounds: { httpClient: ours.map(perSecond), autocannon: theirs.map(perSecond) } };
  } finally {
    await client.close();
    await server.stop();
  }
}

async function journeys(): Promise<Journeys> {
  const kept: RecordedCall[][] = [];
  const population = newApplicants(seed);
  const stubServer = await spawnStub(['--memory', '--clock', 'system', ...stubRules()], ADMIN);
  killOnExit(stubServer.child);
  pin(stubServer.child.pid!, SERVER_CORE);
  const stubClient = new HttpClient(stubServer.url, ADMIN, 30_000, { connections: concurrency });
  let stub: LoopResult;
  try {
    stub = await closedLoop('(b) journeys → stub', stubClient, { workers: concurrency, seconds }, (c, n) => register(c, population, n, kept));
  } finally {
    await stubClient.close();
    await stubServer.stop();
  }
  if (kept.length === 0) throw new Error(`no journey went through the stub: ${JSON.stringify(stub.failures)}`);
  const echoServer = await spawnReady('bench/server/target-server.ts', ['echo'], SERVER_CORE);
  const echoClient = new HttpClient(echoServer.url, ADMIN, 30_000, { connections: concurrency });
  try {
    const echo = await closedLoop('(b) same calls → echo', echoClient, { workers: concurrency, seconds }, (c, n) => replay(c, kept[n % kept.length]!));
    return { stub, echo, ratio: stub.requestsPerSecond / echo.requestsPerSecond, callsPerJourney: kept[0]!.length };
  } finally {
    await echoClient.close();
    await echoServer.stop();
  }
}

/** The largest rate of registration journeys the stub holds with p95 under the limit, in an open loop. */
async function capacity(): Promise<Capacity> {
  const population = newApplicants(seed + 1);
  const stubServer = await spawnStub(['--memory', '--clock', 'system', ...stubRules()], ADMIN);
  killOnExit(stubServer.child);
  pin(stubServer.child.pid!, SERVER_CORE);
  const client = new HttpClient(stubServer.url, ADMIN, 30_000);
  const rng = new RandomStreams(seed).stream('arrivals');
  let first = 0;
  try {
    const found = await highestRate(async (rate) => {
      const r = await openLoop(client, { rate, seconds, rng, first }, (c, n) => register(c, population, n, []));
      first += r.journeys;
      return r;
    }, { from: 4, p95LimitMs: TARGETS.p95LimitMs, bisections: 3 });
    return { ...found, p95LimitMs: TARGETS.p95LimitMs };
  } finally {
    await client.close();
    await stubServer.stop();
  }
}

/** `--rules FILE` for the stub: its password hash cost (the stub's own default is the portal's). */
function stubRules(): string[] {
  if (scryptCost === defaultRules.account.scryptCost) return [];
  writeFileSync('out/bench-http-rules.json', JSON.stringify({ account: { scryptCost } }));
  return ['--rules', 'out/bench-http-rules.json'];
}

mkdirSync('out', { recursive: true });
const settings = { seconds, concurrency, seed, scryptCost };
const shipped = scryptCost === simulationCost ? `as run --transport http starts it; the portal's: ${defaultRules.account.scryptCost}, BENCH_SCRYPT_COST=${defaultRules.account.scryptCost}` : `BENCH_SCRYPT_COST; simulator's: ${simulationCost}`;
const pinned = pin(process.pid, GENERATOR_CORE);
console.log(machine());
console.log(pinned ? `generator on core ${GENERATOR_CORE}, each server on core ${SERVER_CORE} (taskset)` : 'cores not pinned (one core, or no taskset): generator and servers share the CPU');
console.log(`${concurrency} in flight, ${seconds} s a measurement; stub account.scryptCost ${scryptCost} (${shipped})\n`);
const a = await ceiling();
console.log(ceilingTable(a, PROBE.op, TARGETS.ceiling));
const b = await journeys();
console.log(journeyTable(b, TARGETS.stubVsEcho));
const c = await capacity();
console.log(capacityTable(c));
writeFileSync('out/bench-http.json', `${JSON.stringify({ machine: machine(), settings, ceiling: a, journeys: b, capacity: c, targets: TARGETS }, null, 2)}\n`);
console.log('\nwrote out/bench-http.json');
