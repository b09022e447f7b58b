/**
 * `jszg-sim import-k6`: k6's per-sample JSON output (`k6 run --out json=FILE`, one JSON object a
 * line) read into the simulator's own HDR histograms per operation, so a measured run has the
 * latency figures of a simulated one (microsecond resolution: k6 measures fractions of a ms).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ImportedRun } from '../reports';
import { LatencyRecorder } from '../sim/metrics';

import { K6ImportError } from './import-error';

export { K6ImportError };

interface Sample { metric?: string; type?: string; data?: { time?: string; value?: number; tags?: Record<string, string> } }

/** Reads a k6 JSON output; a file that is not one (or has no request durations) is refused. */
export async function importK6(file: string): Promise<ImportedRun> {
  const latency = new LatencyRecorder(1000);
  const byHour = new Map<string, LatencyRecorder>();
  let samples = 0;
  let from = '';
  let to = '';
  let lineNumber = 0;
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      lineNumber += 1;
      if (line.trim() === '') continue;
      let sample: Sample;
      try {
        sample = JSON.parse(line) as Sample;
      } catch {
        throw new K6ImportError(`${file}, line ${lineNumber}: not JSON; give the file of k6 run --out json=FILE`);
      }
      if (sample.type !== 'Point' || sample.metric !== 'http_req_duration') continue;
      const { time, value, tags } = sample.data ?? {};
      if (typeof value !== 'number' || typeof time !== 'string') throw new K6ImportError(`${file}, line ${lineNumber}: a sample without a time or value`);
      // Requests without an operation's name (k6 tags them with their URL) are grouped as such.
      latency.record(tags?.name ?? tags?.url ?? '(unnamed)', value);
      const hour = `${time.slice(0, 13)}:00Z`;
      let h = byHour.get(hour);
      if (!h) byHour.set(hour, (h = new LatencyRecorder(1000)));
      h.record('all', value);
      samples += 1;
      if (from === '' || time < from) from = time;
      if (time > to) to = time;
    }
  } catch (error) {
    if (error instanceof K6ImportError) throw error;
    throw new K6ImportError(`${file}: ${(error as Error).message}`);
  }
  if (samples === 0) throw new K6ImportError(`${file}: no http_req_duration samples; give the file of k6 run --out json=FILE`);
  const hours = [...byHour].sort(([a], [b]) => a.localeCompare(b)).map(([hour, h]) => {
    const { count, p95 } = h.summary()['all']!;
    return { hour, requests: count, p95 };
  });
  return { source: file, samples, from, to, latency: latency.summary(), hours };
}
