import { readFile } from 'node:fs/promises';
import { fieldProblems } from '../../../rules';
import { faultConfigSchema, unknownOperations, type FaultConfig } from './config';

/** A fault file that cannot be used, with every problem named by its dotted field. */
export class FaultsError extends Error {
  constructor(readonly source: string, readonly problems: { field: string; message: string }[]) {
    super(`invalid faults in ${source}:\n${problems.map((p) => `  ${p.field}: ${p.message}`).join('\n')}`);
    this.name = 'FaultsError';
  }
}

/** Validates a fault configuration as setFaults does. */
export async function parseFaultConfig(raw: unknown, source = 'fault configuration'): Promise<FaultConfig> {
  const parsed = faultConfigSchema.safeParse(raw);
  if (!parsed.success) throw new FaultsError(source, fieldProblems(parsed.error));
  const { OPERATIONS } = await import('../operations');
  const unknown = unknownOperations(parsed.data, OPERATIONS.map((op) => op.operationId));
  if (unknown.length > 0) throw new FaultsError(source, unknown);
  return parsed.data;
}

/** Reads `jszg-sim serve --faults FILE` (JSON). */
export async function loadFaultsFile(path: string): Promise<FaultConfig> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new FaultsError(path, [{ field: '(file)', message: (error as Error).message }]);
  }
  return parseFaultConfig(raw, path);
}
