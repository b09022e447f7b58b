/** import-k6 on small k6 outputs written here: what it reads, and what it refuses. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importK6, K6ImportError } from '../import';

const dir = mkdtempSync(join(tmpdir(), 'jszg-k6-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, lines: unknown[]) => {
  const path = join(dir, name);
  writeFileSync(path, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n'));
  return path;
};
const point = (name: string, value: number, time = '2026-09-14T02:00:00.000Z') =>
  ({ metric: 'http_req_duration', type: 'Point', data: { time, value, tags: { name, status: '200' } } });

describe('import-k6', () => {
  it('reads request durations per operation, at microsecond resolution, hour by hour', async () => {
    const values = Array.from({ length: 100 }, (_, i) => 0.5 + i * 0.01); // 0.50 … 1.49 ms
    const run = await importK6(file('ok.json', [
      { type: 'Metric', metric: 'http_req_duration', data: { name: 'http_req_duration', type: 'trend' } },
      ...values.map((v, i) => point('login', v, `2026-09-14T0${i < 50 ? 2 : 3}:00:00.000Z`)),
      { metric: 'http_reqs', type: 'Point', data: { time: '2026-09-14T02:00:00.000Z', value: 1, tags: { name: 'login' } } },
    ]));
    expect(run.samples).toBe(100);
    expect(run.latency.login!.count).toBe(100);
    // The 50th of 100 values is 0.99 ms; 3 significant digits keep it.
    expect(run.latency.login!.p50).toBeCloseTo(0.99, 2);
    expect(run.latency.login!.max).toBeCloseTo(1.49, 2);
    expect(run.hours.map((h) => h.requests)).toEqual([50, 50]);
  });

  it('refuses a file that is not k6 JSON output, or holds no request durations, naming the file', async () => {
    await expect(importK6(file('text.json', ['hello']))).rejects.toThrow(K6ImportError);
    await expect(importK6(file('text.json', ['hello']))).rejects.toThrow(/line 1: not JSON/);
    await expect(importK6(file('empty.json', [{ metric: 'vus', type: 'Point', data: { time: 't', value: 1 } }]))).rejects.toThrow(/no http_req_duration samples/);
    await expect(importK6(join(dir, 'missing.json'))).rejects.toThrow(/ENOENT/);
  });
});
