/**
 * Exit codes as CLI users expect: 2 for every mistake in how the command was called, said in
 * one line before anything runs; 1 for a target not met; 0 and the version for --version.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../test/cli';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'jszg-exit-')); });
afterAll(() => rm(dir, { recursive: true, force: true }));

const oneLine = (stderr: string) => stderr.trim().split('\n');
const bin = new URL('../../bin/jszg-sim.js', import.meta.url).pathname;

describe('jszg-sim exit codes', () => {
  it('prints package.json\'s version', async () => {
    const { version } = JSON.parse(await (await import('node:fs/promises')).readFile(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(await cli(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  }, 30_000);

  it('names the nearest scenario for a misspelt one, in one line, exit 2', async () => {
    const run = await cli(['run', 'defualt', '--out', join(dir, 'typo')]);
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toEqual([expect.stringContaining('did you mean "default"?')]);
  }, 30_000);

  it('refuses an unknown option, a missing argument and an unknown command with exit 2', async () => {
    for (const args of [['run', 'default', '--bogus'], ['run'], ['rn', 'default'], ['run', 'default', '--seed', 'x']]) {
      const run = await cli(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(oneLine(run.stderr), args.join(' ')).toHaveLength(1);
    }
  }, 60_000);

  it('refuses a bad rules, faults, scenario or thresholds file in one line naming each problem, exit 2', async () => {
    const file = (name: string, text: string) => writeFile(join(dir, name), text).then(() => join(dir, name));
    const rules = await file('rules.json', JSON.stringify({ bogus: 1, limits: { sms: 2 } }));
    const faults = await file('faults.json', JSON.stringify({ operations: { login: { error: { rate: 2 } } }, x: 1 }));
    const scenario = await file('scenario.json', JSON.stringify({ name: 'w' }));
    const thresholds = await file('bad-thresholds.txt', 'funnel.approvedRate >> 3\n');
    for (const [args, says] of [
      [['run', 'default', '--rules', rules], 'bogus: unknown rule'],
      [['serve', '--memory', '--faults', faults], 'operations.login.error.rate'],
      [['run', scenario], 'provinces'],
      [['run', 'default', '--thresholds', thresholds], 'write it as "metric op value"'],
    ] as const) {
      const run = await cli([...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(oneLine(run.stderr), args.join(' ')).toEqual([expect.stringContaining(says)]);
    }
  }, 60_000);

  it('checks a threshold\'s metric before any simulation: an unknown one is named with the nearest, exit 2', async () => {
    const file = join(dir, 'thresholds.txt');
    await writeFile(file, 'funnel.aprovedRate >= 0.9\n');
    const out = join(dir, 'never');
    const started = performance.now();
    const run = await cli(['run', 'default', '--thresholds', file, '--out', out]);
    // Before the simulator even loads: 0.8 s measured on a loaded 2-core machine; the bound leaves room for a busier one.
    expect(performance.now() - started).toBeLessThan(3000);
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toEqual([expect.stringContaining('did you mean funnel.approvedRate?')]);
    await expect(readdir(out)).rejects.toThrow(/ENOENT/);
  }, 30_000);

  it('exits 130 on Ctrl-C, after writing the report of the run so far', async () => {
    const out = join(dir, 'interrupted');
    // In a process group of its own, as a terminal starts it: Ctrl-C signals the whole group.
    const child = spawn(process.execPath, [bin, 'run', 'default', '--applicants', '200000', '--out', out], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    const code = new Promise<number | null>((resolve) => child.on('close', resolve));
    await new Promise((r) => setTimeout(r, 5000));
    process.kill(-child.pid!, 'SIGINT');
    expect(await code, stderr).toBe(130);
    expect(JSON.parse(await readFile(join(out, 'report.json'), 'utf8')).interrupted.at).toMatch(/^2026-/);
  }, 60_000);

  it('exits 130 on a Ctrl-C that comes while the command is still starting', async () => {
    const child = spawn(process.execPath, [bin, 'run', 'default', '--out', join(dir, 'starting')], { detached: true, stdio: 'ignore' });
    const code = new Promise<number | null>((resolve) => child.on('exit', resolve));
    // The bin runs the command again with a larger heap: once that child exists, Ctrl-C finds it
    // before its own handler is set (loading the CLI takes over a second).
    const children = `/proc/${child.pid}/task/${child.pid}/children`;
    while ((await readFile(children, 'utf8')).trim() === '') await new Promise((r) => setTimeout(r, 10));
    process.kill(-child.pid!, 'SIGINT');
    expect(await code).toBe(130);
  }, 30_000);

  it('exits 1 with a clear line when no capacity up to --max meets plan\'s target', async () => {
    const run = await cli(['plan', 'default', '--applicants', '300', '--resource', 'reviewers', '--target', 'funnel.approvedRate >= 1.5',
      '--min', '1', '--max', '2', '--replications', '1', '--workers', '1', '--out', join(dir, 'plan')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no reviewers capacity from 1 to 2 meets funnel.approvedRate >= 1.5');
  }, 120_000);
});
