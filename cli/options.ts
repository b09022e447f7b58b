import { parseLang, type Lang } from '../reports';
import { loadScenario, type Scenario } from '../scenarios';
import { loadFaultsFile } from '../stub-server/portal';
import { UsageError } from './exit-codes';

/** A whole-number option: undefined when not given; a clear error naming the flag when not whole or below `min`. */
export function wholeNumber(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`${flag} ${value} is not a whole number of at least ${min}`);
  return n;
}

/** A positive-number option: undefined when not given; a clear error naming the flag otherwise. */
export function positiveNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(Number.isFinite(n) && n > 0)) throw new UsageError(`${flag} ${value} is not a positive number`);
  return n;
}

/**
 * The scenario a command runs: a name or a scenario file, and with `--faults FILE` that file's
 * faults in place of the scenario's (whole, as setFaults replaces them on a running stub).
 */
export async function chosenScenario(name: string, faultsFile: string | undefined): Promise<Scenario> {
  const scenario = await loadScenario(name);
  return faultsFile ? { ...scenario, faults: await loadFaultsFile(faultsFile) } : scenario;
}

/** `--lang`: en or zh. */
export function language(value: string | undefined): Lang {
  try {
    return parseLang(value);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
