/**
 * `npm run bench:server`: req/s and p99 of the write-heavy mix against the stub on lowdb and
 * in memory (100k accounts preloaded), and of a bare Express 5 JSON echo, the ceiling, all
 * in one run so the ratios compare like with like on a shared machine.
 * Env: BENCH_SECONDS (default 10), BENCH_CONNECTIONS (50), BENCH_ACCOUNTS (100000).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import autocannon, { type Result } from 'autocannon';
import { machine } from '../shared/machine';
import { spawnReady } from '../shared/spawn';
import { writeHeavyMix } from './mix';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const accounts = Number(process.env.BENCH_ACCOUNTS ?? 100_000);

async function measure(mode: string): Promise<{ mode: string; reqPerSec: number; p50: number; p99: number; non2xx: number; errors: number }> {
  process.stderr.write(`${mode}: starting${mode === 'echo' ? '' : ` (preloading ${accounts} accounts)`}…\n`);
  const target = await spawnReady('bench/server/target-server.ts', [mode, String(accounts), 'out/bench/lowdb/portal.json']);
  const requests = mode === 'echo'
    ? [{ method: 'POST' as const, path: '/echo', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: '13800000000', purpose: 'register' }) }]
    : writeHeavyMix(accounts);
  const result: Result = await autocannon({ url: target.url, connections, duration: seconds, requests });
  await target.stop();
  return { mode, reqPerSec: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

const echo = await measure('echo');
const memory = await measure('memory');
const lowdb = await measure('lowdb');
const rows = [echo, memory, lowdb];
const summary = {
  machine: machine(),
  settings: { seconds, connections, accounts },
  results: rows,
  ratios: { memoryVsEcho: memory.reqPerSec / echo.reqPerSec, lowdbVsMemory: lowdb.reqPerSec / memory.reqPerSec },
  targets: { memoryVsEcho: 0.6, lowdbVsMemory: 0.7 },
};
console.log(`\n${summary.machine}; ${connections} connections, ${seconds} s each\n`);
console.log('target                      req/s     p50 ms   p99 ms   non-2xx  errors');
for (const r of rows) {
  console.log(`${r.mode.padEnd(24)} ${r.reqPerSec.toFixed(0).padStart(8)} ${String(r.p50).padStart(9)} ${String(r.p99).padStart(8)} ${String(r.non2xx).padStart(9)} ${String(r.errors).padStart(7)}`);
}
console.log(`\nmemory / echo: ${(summary.ratios.memoryVsEcho * 100).toFixed(0)}% (target ≥ 60%)`);
console.log(`lowdb / memory: ${(summary.ratios.lowdbVsMemory * 100).toFixed(0)}% (target ≥ 70%)`);
mkdirSync('out/bench', { recursive: true });
writeFileSync('out/bench/server.json', `${JSON.stringify(summary, null, 2)}\n`);
