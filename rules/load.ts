import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { z } from 'zod';
import { rulesSchema, type Rules, type RulesOverride } from './schema';

/** One problem of a rules override, named by its dotted key. */
export interface RuleProblem { key: string; problem: string }

export class RulesError extends Error {
  constructor(readonly source: string, readonly problems: RuleProblem[]) {
    super(`invalid rules in ${source}:\n${problems.map((p) => `  ${p.key}: ${p.problem}`).join('\n')}`);
    this.name = 'RulesError';
  }
}

/**
 * A zod error as problems named by dotted field, for the files a user writes (rules, faults,
 * scenarios). An unknown key is reported on its parent; this names the key itself.
 */
export function fieldProblems(error: z.ZodError, unknown = 'unknown field'): { field: string; message: string }[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') return { field: [...path, issue.keys.join(',')].join('.'), message: unknown };
    return { field: path.join('.') || '(root)', message: issue.message };
  });
}

const problemsOf = (error: z.ZodError): RuleProblem[] => fieldProblems(error, 'unknown rule').map((p) => ({ key: p.field, problem: p.message }));

/** The effective rule set: the defaults with a partial override merged over them. */
export function resolveRules(override: RulesOverride = {}, source = 'rules override'): Rules {
  const parsed = rulesSchema.safeParse(override);
  if (!parsed.success) throw new RulesError(source, problemsOf(parsed.error));
  return parsed.data;
}

/** The defaults, as the seeds give them. */
export const defaultRules: Rules = resolveRules();

/**
 * Loads a rules override from a JSON file, or a TS/JS module whose default export is the
 * override, and merges it over the defaults.
 */
export async function loadRulesFile(path: string): Promise<Rules> {
  return resolveRules(await loadRulesOverride(path), path);
}

/** The override a rules file holds, validated, without merging it over the defaults. */
export async function loadRulesOverride(path: string): Promise<RulesOverride> {
  const full = resolve(path);
  let override: unknown;
  try {
    override = extname(full) === '.json'
      ? JSON.parse(await readFile(full, 'utf8'))
      : (await import(pathToFileURL(full).href)).default;
  } catch (error) {
    throw new RulesError(path, [{ key: '(file)', problem: (error as Error).message }]);
  }
  resolveRules(override as RulesOverride, path);
  return override as RulesOverride;
}
