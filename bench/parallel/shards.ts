/**
 * `npm run bench:shards`: a run over many cores against the same run in one process, as a user
 * runs them: `jszg-sim run SCENARIO --applicants APPLICANTS --workers W`, each in a fresh process
 * with the CLI's heap flags, W alternating between 1 and each of WORKERS, ROUNDS times. Prints
 * each run's wall time, what its run.json says of its cores (shards really used, the
 * coordinator's waits and work, each shard's waits), the pairs' ratios, and checks that every
 * run wrote the same report.json. Env: SCENARIO (national-season), APPLICANTS (30,000),
 * WORKERS ("2"), ROUNDS (3).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machine } from '../shared/machine';
import { median } from '../shared/median';
import { refuser, scenarioOrRefuse } from '../shared/refuse';

const refuse = refuser('bench:shards');
const name = process.env.SCENARIO ?? 'national-season';
scenarioOrRefuse(name, refuse);
const applicants = Number(process.env.APPLICANTS ?? 30_000);
const workers = (process.env.WORKERS ?? '2').split(',').map(Number);
const rounds = Number(process.env.ROUNDS ?? 3);
if (!(applicants >= 1) || !(rounds >= 1) || !workers.every((w) => Number.isInteger(w) && w >= 2)) refuse('APPLICANTS and ROUNDS must be 1 or more, WORKERS a list of whole numbers from 2');

const out = mkdtempSync(join(tmpdir(), 'bench-shards-'));
const cli = join(import.meta.dirname, '../../cli/main.ts');

/** One run in its own process: wall seconds, run.json's cores, report.json's bytes. */
function run(w: number): { wall: number; cores: Record<string, unknown>; report: string } {
  const dir = join(out, `w${w}`);
  const began = performance.now();
  const child = spawnSync(process.execPath, ['--max-old-space-size=6144', '--max-semi-space-size=128', '--import', 'tsx', cli, 'run', name, '--applicants', String(applicants), '--workers', String(w), '--out', dir], { env: { ...process.env, CI: 'true' }, encoding: 'utf8' });
  const wall = (performance.now() - began) / 1000;
  if (child.status !== 0 && child.status !== 1) throw new Error(`run --workers ${w} exited ${child.status}: ${child.stderr}`);
  return { wall, cores: JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')).cores, report: readFileSync(join(dir, 'report.json'), 'utf8') };
}

console.log(`bench:shards on ${machine()}: ${name}, ${applicants.toLocaleString('en')} applicants, ${rounds} rounds, --workers 1 against ${workers.join(', ')}`);
const ratios = new Map<number, number[]>(workers.map((w) => [w, []]));
let reference: string | undefined;
try {
  for (let round = 1; round <= rounds; round += 1) {
    for (const w of workers) {
      const one = run(1);
      const many = run(w);
      for (const r of [one, many]) {
        reference ??= r.report;
        if (r.report !== reference) throw new Error(`round ${round}: --workers ${r === one ? 1 : w} wrote another report.json`);
      }
      ratios.get(w)!.push(one.wall / many.wall);
      console.log(`round ${round}: --workers 1 ${one.wall.toFixed(1)} s, --workers ${w} ${many.wall.toFixed(1)} s (×${(one.wall / many.wall).toFixed(2)}); cores ${JSON.stringify(many.cores)}`);
    }
  }
  for (const [w, rs] of ratios) console.log(`--workers ${w}: ${median(rs).toFixed(2)}× as fast as --workers 1 (median of ${rs.map((r) => r.toFixed(2)).join(', ')}); report.json the same in every run`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
