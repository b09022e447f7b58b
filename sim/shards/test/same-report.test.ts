/**
 * A run over many cores gives one process's report.json, byte for byte, whatever the number of
 * shards (docs/parallel-runs.md): each run here is checked to have really run on its shards, so
 * the bytes are not the same merely because it fell back to one process.
 */
import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { scenarioByName } from '../../../scenarios';
import { runScenario } from '../../runner';
import { runOnCores } from '..';

const bytes = (report: unknown) => JSON.stringify(report, null, 2);

describe('a run over many cores', () => {
  it('default: the same report.json on 1, 2, 3 and 4 workers, run on its shards; another seed, other bytes', async () => {
    const scenario = scenarioByName('default');
    const options = { applicants: 300 };
    const one = bytes((await runScenario(scenario, options)).report);
    for (const workers of [1, 2, 3, 4]) {
      const { report, cores } = await runOnCores(scenario, { ...options, workers });
      expect(cores.workers, `${workers} workers`).toBe(workers);
      expect(bytes(report), `${workers} workers`).toBe(one);
      // The shards share this thread's heap budget, less the coordinator's part (a shard's young
      // generation adds its few MB): together they never get more than the budget.
      const budget = getHeapStatistics().heap_size_limit / 2 ** 20;
      const limits = cores.shardHeapLimitMb ?? [];
      expect(limits).toHaveLength(workers > 1 ? workers : 0);
      if (workers > 1) expect(limits.reduce((a, b) => a + b, 0), `${workers} workers`).toBeLessThan(budget);
      for (const limit of limits) expect(limit, `${workers} workers`).toBeGreaterThanOrEqual((budget - 1536) / workers - 1);
      // Each shard says its largest heap, and the coordinator its own.
      expect(cores.shardPeakHeapMb ?? [], `${workers} workers`).toHaveLength(workers > 1 ? workers : 0);
      for (const peak of cores.shardPeakHeapMb ?? []) expect(peak).toBeGreaterThan(0);
      // Where the wall time went: waiting for the shards, and the coordinator's own (serial) work.
      if (workers > 1) {
        const { barrierSeconds = 0, coordinatorSeconds = 0, coordinatorShare } = cores;
        expect(barrierSeconds).toBeGreaterThan(0);
        expect(coordinatorShare).toBeCloseTo(coordinatorSeconds / (coordinatorSeconds + barrierSeconds), 2);
      }
    }
    const other = await runOnCores(scenario, { ...options, seed: scenario.seed + 1, workers: 2 });
    expect(other.cores.workers).toBe(2);
    expect(bytes(other.report)).not.toBe(one);
  }, 240_000);

  it('a small peak-opening: the same report.json on 2, 3 and 4 workers, more than a shard in 4 busy at once on its 4 servers, never more than 4 in all', async () => {
    const scenario = scenarioByName('peak-opening');
    const options = { applicants: 1000 };
    const alone = await runScenario(scenario, options);
    expect(alone.report.queues.servers.wqSeconds).toBe(0);
    for (const workers of [2, 3, 4]) {
      const { report, cores } = await runOnCores(scenario, { ...options, workers });
      expect(cores.workers, `${workers} workers`).toBe(workers);
      expect(bytes(report), `${workers} workers`).toBe(bytes(alone.report));
    }
  }, 240_000);

  it('servers that fill (one process makes requests wait): it runs as one process, and says why', async () => {
    const season = scenarioByName('peak-opening');
    const scenario = { ...season, capacity: { ...season.capacity, servers: { ...season.capacity.servers, servers: 1 } } };
    const options = { applicants: 1000 };
    const alone = await runScenario(scenario, options);
    expect(alone.report.queues.servers.wqSeconds).toBeGreaterThan(0);
    const { report, cores } = await runOnCores(scenario, { ...options, workers: 2 });
    expect(cores).toMatchObject({ asked: 2, workers: 1, fellBack: { because: expect.stringMatching(/application servers filled/) } });
    expect(bytes(report)).toBe(bytes(alone.report));
  }, 240_000);

  it('desks at their daily capacity: the same report.json on 2 workers, the answers met in the order the desks asked', async () => {
    // Confirmation points and registration bodies that leave work for the next day, every day:
    // which applications a body decides today depends on the order its queue was filled in.
    const season = scenarioByName('national-season');
    const scenario = { ...season, backOffice: { ...season.backOffice, confirmation: { ...season.backOffice.confirmation, perPointPerDay: 3 }, approval: { ...season.backOffice.approval, perInstitutionPerDay: 4 } } };
    const options = { applicants: 1500 };
    const { report: alone } = await runScenario(scenario, options);
    expect(alone.queues.approval.lq).toBeGreaterThan(1);
    const { report, cores } = await runOnCores(scenario, { ...options, workers: 2 });
    expect(cores.workers).toBe(2);
    expect(bytes(report)).toBe(bytes(alone));
  }, 240_000);
});
