import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../test/cli';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'jszg-run-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe('jszg-sim run --faults', () => {
  it('runs the scenario with the file\'s faults in place of its own: a registry cut for the first day and a half stops verifications', async () => {
    const faults = join(dir, 'registry-down.json');
    await writeFile(faults, JSON.stringify({ registry: { outage: { from: '2026-09-11T00:00:00+08:00', to: '2026-09-12T12:00:00+08:00' } } }));
    const run = await cli(['run', 'default', '--applicants', '300', '--faults', faults, '--out', join(dir, 'out')]);
    // The default scenario's thresholds may fail under such an outage (exit 1): the reports are written either way.
    expect(run.stdout, run.stderr).toContain('wrote report.json');
    const report = JSON.parse(await readFile(join(dir, 'out', 'report.json'), 'utf8'));
    expect(report.inputs.faults.registry.outage.from).toBe('2026-09-11T00:00:00+08:00');
    expect(report.refusals.REGISTRY_UNAVAILABLE).toBeGreaterThan(0);
  }, 60_000);

  it('refuses a bad file before running, naming the field, exit code 2', async () => {
    const faults = join(dir, 'bad.json');
    await writeFile(faults, JSON.stringify({ operations: { login: { error: { rate: 2 } } } }));
    const run = await cli(['run', 'default', '--faults', faults, '--out', join(dir, 'bad')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('operations.login.error.rate');
  }, 30_000);
});

describe('jszg-sim run <scenario file>', () => {
  it('runs a scenario of one\'s own, given by its path', async () => {
    const example = new URL('../../docs/examples/zhejiang-first-week.json', import.meta.url).pathname;
    const run = await cli(['run', example, '--applicants', '200', '--out', join(dir, 'mine')]);
    expect(run.stdout, run.stderr).toContain('wrote report.json');
    const report = JSON.parse(await readFile(join(dir, 'mine', 'report.json'), 'utf8'));
    expect(report.scenario).toBe('zhejiang-first-week');
    expect(report.inputs.provinces[0].code).toBe('33');
    // run.json says how busy the run kept the machine: CPU time of every thread, over the wall time.
    const record = JSON.parse(await readFile(join(dir, 'mine', 'run.json'), 'utf8'));
    expect(record.cpuSeconds).toBeGreaterThan(0);
    expect(record.coresBusy).toBeCloseTo(record.cpuSeconds / record.wallSeconds, 1);
  }, 60_000);

  it('refuses a scenario file with a wrong field before running, exit code 2', async () => {
    const file = join(dir, 'wrong.json');
    await writeFile(file, JSON.stringify({ name: 'w', description: 'w', provinces: [{ code: '33', share: 1, window: { from: '2026-09-14', to: '2026-09-20' } }], applicant: 10 }));
    const run = await cli(['run', file, '--out', join(dir, 'wrong')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('applicant: unknown field');
  }, 30_000);
});
