/**
 * `npm run soak`: the kill -9 soak (see soak.ts) at length.
 * Env: SOAK_KILLS (default 50), SOAK_SEED, SOAK_WORKERS (8), SOAK_MIN_MS / SOAK_MAX_MS (the kill
 * moment after a round's load starts; default 200..2000). Figures go to out/bench/soak.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { runSoak } from './soak';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const report = await runSoak({
  kills: env('SOAK_KILLS', 50),
  seed: process.env.SOAK_SEED ?? 'jszg-soak',
  workers: env('SOAK_WORKERS', 8),
  killAfterMs: { min: env('SOAK_MIN_MS', 200), max: env('SOAK_MAX_MS', 2000) },
  perRound: { smsPhones: 4, realNameAccounts: 3, submissions: 4 },
  log: (line) => console.error(line),
});
mkdirSync('out/bench', { recursive: true });
writeFileSync('out/bench/soak.json', `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));
