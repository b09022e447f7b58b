import { readFile } from 'node:fs/promises';
import { checkMetrics, parseThreshold, parseThresholds, type Threshold } from '../reports/thresholds';
// The routes' own module, not stub-server/http's index (Express and the OpenAPI builder): see below.
import { ROUTES } from '../stub-server/http/routes';
import { UsageError } from './exit-codes';

// Light imports only: main.ts checks thresholds with this before the simulator loads, so a
// misspelt metric is refused in well under a second.

/** The operations a latency threshold may name (`latency.<operationId>.p95`). */
const OPERATION_IDS = ROUTES.map((r) => r.operationId);

/** Thresholds as given, once each metric is known to be one of report.json's numbers (refused otherwise, naming the nearest). */
export function checked(thresholds: Threshold[]): Threshold[] {
  checkMetrics(thresholds, { latency: OPERATION_IDS });
  return thresholds;
}

/** One threshold line (plan's `--target`), checked. */
export const checkedLine = (line: string): Threshold => checked([parseThreshold(line)])[0]!;

/** A `--thresholds` file's thresholds, checked; a file that cannot be read is a usage error. */
export async function thresholdsFile(file: string): Promise<Threshold[]> {
  const text = await readFile(file, 'utf8').catch((error: Error) => {
    throw new UsageError(`--thresholds ${file}: ${error.message}`);
  });
  return checked(parseThresholds(text));
}
