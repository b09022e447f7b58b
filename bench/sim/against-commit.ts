/**
 * `npm run bench:against -- <commit>`: this tree's simulator against an earlier commit's, on
 * the same scenario, runs alternating (earlier, this, earlier, this, …) so both meet the same
 * noise of a shared machine. The earlier commit is checked out in a temporary worktree with
 * its own `npm ci` (its own dependencies and patches, as it was). Each run is a fresh
 * `jszg-sim run` process; its wall time comes from its run.json. Prints µs per applicant of
 * each run and the ratio this/earlier of the medians, and writes out/bench/against.json.
 * Env: AGAINST_SCENARIO (peak-opening), AGAINST_APPLICANTS (20,000), AGAINST_ROUNDS (2), AGAINST_SEED (1),
 * AGAINST_VIA: `node` (default: `node --import tsx cli/main.ts`, the simulator alone) or `bin`
 * (each tree's own bin/jszg-sim.js, as `npx jszg-sim` runs it: with the node flags that tree's
 * launcher gives a simulating command). Each tree whose `run` takes `--workers` runs with
 * `--workers 1`: Speed I compares one worker with one, and a run over the machine's cores would
 * add the try of its shards (a second or two) where they fall back.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { machine } from '../shared/machine';
import { median } from '../shared/median';

const commit = process.argv[2];
if (!commit) {
  console.error('usage: npm run bench:against -- <commit>');
  process.exit(2);
}
const scenario = process.env.AGAINST_SCENARIO ?? 'peak-opening';
const applicants = Number(process.env.AGAINST_APPLICANTS ?? 20_000);
const rounds = Number(process.env.AGAINST_ROUNDS ?? 2);
const seed = process.env.AGAINST_SEED ?? '1';
const via = process.env.AGAINST_VIA ?? 'node';
if (via !== 'node' && via !== 'bin') {
  console.error(`AGAINST_VIA must be node or bin, not ${via}`);
  process.exit(2);
}
const launch = via === 'bin' ? ['bin/jszg-sim.js'] : ['--import', 'tsx', 'cli/main.ts'];
const here = resolve('.');
const git = (...args: string[]) => execFileSync('git', args, { cwd: here, encoding: 'utf8' }).trim();
const sha = git('rev-parse', commit);
const work = mkdtempSync(join(tmpdir(), 'jszg-against-'));
const earlier = join(work, 'tree');
console.error(`${machine()}; ${scenario}, ${applicants} applicants, seed ${seed}, ${rounds} rounds, via ${via}; earlier: ${sha.slice(0, 7)}, this: ${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain') ? ' (with uncommitted changes)' : ''}`);
git('worktree', 'add', '--detach', earlier, sha);
try {
  console.error(`npm ci in ${earlier} …`);
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: earlier, stdio: 'ignore' });
  const oneWorker = (tree: string) =>
    execFileSync('node', [...launch, 'run', '--help'], { cwd: tree, encoding: 'utf8' }).includes('--workers') ? ['--workers', '1'] : [];
  const flags = { [earlier]: oneWorker(earlier), [here]: oneWorker(here) };
  console.error(`earlier: run ${flags[earlier]!.join(' ') || '(no --workers)'}; this: run ${flags[here]!.join(' ')}`);
  const runOnce = (tree: string, label: string, round: number) => {
    const out = join(work, `${label}-${round}`);
    execFileSync('node', [...launch, 'run', scenario, '--applicants', String(applicants), '--seed', seed, ...flags[tree]!, '--out', out], {
      cwd: tree, stdio: 'ignore', env: { ...process.env, CI: 'true' },
    });
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { wallSeconds: number; applicants: number; peakRssMB: number };
    const report = readFileSync(join(out, 'report.json'));
    const us = Math.round((run.wallSeconds * 1e6) / applicants);
    console.error(`round ${round + 1} ${label.padEnd(7)} ${run.wallSeconds} s, ${us} µs an applicant, peak RSS ${run.peakRssMB} MB`);
    return { us, wallSeconds: run.wallSeconds, peakRssMB: run.peakRssMB, report };
  };
  const runs = { earlier: [] as ReturnType<typeof runOnce>[], this: [] as ReturnType<typeof runOnce>[] };
  for (let round = 0; round < rounds; round += 1) {
    runs.earlier.push(runOnce(earlier, 'earlier', round));
    runs.this.push(runOnce(here, 'this', round));
  }
  const earlierUs = median(runs.earlier.map((r) => r.us));
  const thisUs = median(runs.this.map((r) => r.us));
  const result = {
    machine: machine(), scenario, applicants, seed: Number(seed), rounds, via, earlierCommit: sha,
    earlierUsPerApplicant: runs.earlier.map((r) => r.us), thisUsPerApplicant: runs.this.map((r) => r.us),
    earlierPeakRssMB: runs.earlier.map((r) => r.peakRssMB), thisPeakRssMB: runs.this.map((r) => r.peakRssMB),
    /** This tree's median µs an applicant over the earlier commit's. */
    ratio: Number((thisUs / earlierUs).toFixed(3)),
    /** Whether both trees wrote the same report.json bytes (a change of model changes them, once). */
    sameReport: runs.this[0]!.report.equals(runs.earlier[0]!.report),
  };
  console.log(JSON.stringify(result, null, 2));
  mkdirSync('out/bench', { recursive: true });
  writeFileSync('out/bench/against.json', `${JSON.stringify(result, null, 2)}\n`);
} finally {
  git('worktree', 'remove', '--force', earlier);
  if (existsSync(work)) rmSync(work, { recursive: true, force: true });
}
