import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../test/cli';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'jszg-k6-cli-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe('jszg-sim export-k6', () => {
  it('writes the script with the seed, applicants, rules and time scale asked for', async () => {
    const rules = join(dir, 'rules.json');
    await writeFile(rules, JSON.stringify({ account: { password: { minLength: 10 } } }));
    const out = join(dir, 'k6', 'default.ts');
    const run = await cli(['export-k6', 'default', '--out', out, '--seed', '9', '--applicants', '800', '--rules', rules, '--time-scale', '120']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`wrote ${out}`);
    const script = await readFile(out, 'utf8');
    expect(script).toMatch(/^\/\/ Scenario default, seed 9, rules [0-9a-f]{16}, time scale 120, 800 applicants\.$/m);
    expect(script).toContain('const PASSWORD_MIN = 10;');
    expect(script).toContain("timeUnit: '30s'");
  }, 30_000);

  it('refuses an unknown scenario and a bad time scale, exit code 2', async () => {
    const unknown = await cli(['export-k6', 'no-such-scenario', '--out', join(dir, 'x.ts')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown scenario "no-such-scenario"');
    const scale = await cli(['export-k6', 'default', '--time-scale', 'fast', '--out', join(dir, 'y.ts')]);
    expect(scale.code).toBe(2);
    expect(scale.stderr).toContain('--time-scale fast is not a positive number');
  }, 30_000);
});
