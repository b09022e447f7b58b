import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { scenarioByName } from '../../../scenarios';
import { runScenario } from '../../runner';
import { APPLICANTS_PER_SHARD, defaultShards, runOnCores } from '..';

describe('how many shards a run asks for when not told', () => {
  it('the cores, at most one per APPLICANTS_PER_SHARD applicants, never none', () => {
    expect(defaultShards(5_000, 2)).toBe(1);
    expect(defaultShards(APPLICANTS_PER_SHARD * 2 - 1, 2)).toBe(1);
    expect(defaultShards(APPLICANTS_PER_SHARD * 2, 2)).toBe(2);
    expect(defaultShards(3_000_000, 2)).toBe(2);
    expect(defaultShards(3_000_000, 64)).toBe(60);
    expect(defaultShards(1, 64)).toBe(1);
  });

  it('is the number the CLI\'s help and README give (they load no simulator to read it)', () => {
    const figure = APPLICANTS_PER_SHARD.toLocaleString('en');
    expect(readFileSync(new URL('../../../cli/main.ts', import.meta.url), 'utf8')).toContain(`at most one per ${figure} applicants`);
    expect(readFileSync(new URL('../../../README.md', import.meta.url), 'utf8')).toMatch(new RegExp(`at most one per ${figure}\\s+applicants`));
  });

  it('a small run not told how many runs as one process and says what the machine had; told, it uses the shards', async () => {
    const scenario = scenarioByName('default');
    const options = { applicants: 200 };
    const { report } = await runScenario(scenario, options);
    const untold = await runOnCores(scenario, options);
    expect(untold.cores).toEqual({ asked: 1, machineCores: availableParallelism(), workers: 1 });
    expect(JSON.stringify(untold.report)).toBe(JSON.stringify(report));
    const told = await runOnCores(scenario, { ...options, workers: 2 });
    expect(told.cores).toMatchObject({ asked: 2, workers: 2 });
    expect(told.cores.machineCores).toBeUndefined();
    expect(JSON.stringify(told.report)).toBe(JSON.stringify(report));
  }, 120_000);
});
