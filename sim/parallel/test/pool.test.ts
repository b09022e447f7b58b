import { afterAll, describe, expect, it } from 'vitest';
import { scenarioByName } from '../../../scenarios';
import { runScenario } from '../../runner';
import { RunPool } from '..';

const scenario = scenarioByName('default');
const job = (seed: number, rules?: object) => ({ scenario, seed, applicants: 60, rules });

describe('runs over worker threads', () => {
  const pool = new RunPool(2, 4);
  afterAll(() => pool.close());

  it('gives each job the very report a run in this thread gives, whichever worker ran it', async () => {
    const seeds = [3, 4, 5];
    const reports = await Promise.all(seeds.map((seed) => pool.run(job(seed))));
    for (const [i, seed] of seeds.entries()) {
      const { report } = await runScenario(scenario, { seed, applicants: 60 });
      expect(JSON.stringify(reports[i])).toBe(JSON.stringify(report));
    }
    expect(reports[0]!.seed).not.toBe(reports[1]!.seed);
  }, 120_000);

  it('refuses a run that fails with its own error, and goes on with the next', async () => {
    await expect(pool.run(job(1, { codes: { smsPerPhonePerDay: -1 } }))).rejects.toThrow(/smsPerPhonePerDay/);
    expect((await pool.run(job(1))).applicants).toBe(60);
  }, 120_000);

  it('spends spare cores on shards: a thread per run first, then the cores left over shared out', () => {
    expect(RunPool.split(2, 8)).toEqual({ threads: 2, shardsPerRun: 1 });
    expect(RunPool.split(4, 2)).toEqual({ threads: 2, shardsPerRun: 2 });
    expect(RunPool.split(8, 3)).toEqual({ threads: 3, shardsPerRun: 2 });
    expect(RunPool.split(64, 1)).toEqual({ threads: 1, shardsPerRun: 64 });
    expect(RunPool.split(1, 5)).toEqual({ threads: 1, shardsPerRun: 1 });
  });

  it('gives a run no more shards than pay for themselves when it knows the runs\' size', () => {
    expect(RunPool.split(64, 1, 20_000)).toEqual({ threads: 1, shardsPerRun: 1 });
    expect(RunPool.split(32, 10, 5_000)).toEqual({ threads: 10, shardsPerRun: 1 });
    expect(RunPool.split(8, 3, 120_000)).toEqual({ threads: 3, shardsPerRun: 2 });
    expect(RunPool.split(64, 1, 3_000_000)).toEqual({ threads: 1, shardsPerRun: 60 });
  });

  it('runs a lone job on shards, to the report of one thread', async () => {
    const lone = new RunPool(2, 1);
    try {
      expect(lone.split).toEqual({ threads: 1, shardsPerRun: 2 });
      const { report } = await runScenario(scenario, { seed: 7, applicants: 400 });
      expect(JSON.stringify(await lone.run({ scenario, seed: 7, applicants: 400 }))).toBe(JSON.stringify(report));
    } finally {
      await lone.close();
    }
  }, 120_000);

  it('refuses the runs still waiting when it is closed', async () => {
    const small = new RunPool(1, 2);
    const runs = [small.run(job(1)), small.run(job(2))].map((p) => p.then(() => 'done', (e: Error) => e.message));
    await small.close();
    expect(await Promise.all(runs)).toEqual(['the run pool was closed', 'the run pool was closed']);
    await expect(small.run(job(3))).rejects.toThrow('closed');
  });
});
