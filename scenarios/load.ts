import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fieldProblems, resolveRules, RulesError, type RulesOverride } from '../rules';
import { FaultsError, parseFaultConfig } from '../stub-server/portal';
import { defineScenario } from './defaults';
import { scenarioByName } from './named';
import { ScenarioError } from './scenario-error';
import { scenarioInputSchema } from './schema';
import type { Scenario } from '../sim/scenario';
import type { ScenarioInput } from './types';

/** A scenario file that cannot be run, with every problem named by its dotted field. */

const FILE = /[/\\]|\.(json|[cm]?[jt]s)$/;

/**
 * What `jszg-sim run <scenario>` (and compare, plan, export-k6) runs: a named scenario, or a
 * scenario file of one's own (a path: JSON, or a TS/JS module whose default export is the
 * scenario, as `scenarios/*.ts` are written), its defaults filled in as for the named ones.
 */
export async function loadScenario(nameOrPath: string): Promise<Scenario> {
  if (!FILE.test(nameOrPath)) return scenarioByName(nameOrPath);
  const full = resolve(nameOrPath);
  let raw: unknown;
  try {
    raw = extname(full) === '.json' ? JSON.parse(await readFile(full, 'utf8')) : (await import(pathToFileURL(full).href)).default;
  } catch (error) {
    throw new ScenarioError(nameOrPath, [{ field: '(file)', message: (error as Error).message }]);
  }
  const parsed = scenarioInputSchema.safeParse(raw);
  if (!parsed.success) throw new ScenarioError(nameOrPath, fieldProblems(parsed.error));
  const input: ScenarioInput = parsed.data;
  await checked('faults', () => input.faults && parseFaultConfig(input.faults));
  await checked('rules', () => resolveRules(input.rules as RulesOverride | undefined));
  return defineScenario(input);

  /** Runs the part's own check; its problems are named under the part. */
  async function checked(part: string, check: () => unknown): Promise<void> {
    try {
      await check();
    } catch (error) {
      if (error instanceof FaultsError) throw new ScenarioError(nameOrPath, error.problems.map((p) => ({ field: `${part}.${p.field}`, message: p.message })));
      if (error instanceof RulesError) throw new ScenarioError(nameOrPath, error.problems.map((p) => ({ field: `${part}.${p.key}`, message: p.problem })));
      throw error;
    }
  }
}
