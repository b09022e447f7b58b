import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderScenarioSchema } from '../../scripts/scenario-schema';
import { loadScenario, SCENARIO_DEFAULTS, SCENARIOS, scenarioByName, ScenarioError, scenarioInputSchema } from '..';

const EXAMPLE = new URL('../../docs/examples/zhejiang-first-week.json', import.meta.url).pathname;
let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'jszg-scenario-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

let files = 0;
const problemsOf = async (scenario: unknown) => {
  const file = join(dir, `scenario-${(files += 1)}.json`);
  await writeFile(file, JSON.stringify(scenario));
  const error = await loadScenario(file).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ScenarioError);
  return (error as ScenarioError).problems.map((p) => p.field);
};
const minimal = { name: 'mine', description: 'my week', provinces: [{ code: '33', share: 1, window: { from: '2026-09-14', to: '2026-09-20' } }] };

describe('a scenario file of one\'s own', () => {
  it('loads as the named ones do: what it states over the defaults', async () => {
    const scenario = await loadScenario(EXAMPLE);
    expect(scenario.name).toBe('zhejiang-first-week');
    expect(scenario.provinces[0]!.code).toBe('33');
    expect(scenario.backOffice.reviewers.count).toBe(2);
    expect(scenario.backOffice.reviewers.hours).toEqual(SCENARIO_DEFAULTS.backOffice.reviewers.hours);
    expect(scenario.capacity).toEqual(SCENARIO_DEFAULTS.capacity);
    expect(scenario.faults).toHaveProperty('registry');
  });

  it('may be a TS module whose default export is the scenario', async () => {
    const file = join(dir, 'mine.ts');
    await writeFile(file, `export default ${JSON.stringify({ ...minimal, applicants: 700 })};\n`);
    expect((await loadScenario(file)).applicants).toBe(700);
  });

  it('is refused with every wrong or unknown field named', async () => {
    expect(await problemsOf({
      ...minimal,
      provinces: [{ code: '99', share: 0, window: { from: '2026-09-20', to: '2026-02-30' } }],
      population: { staleRate: 2 },
      backOffice: { reviewer: { count: 2 } },
      arrivals: { hourOfDay: [1, 2, 3] },
    })).toEqual(expect.arrayContaining([
      'provinces.0.code', 'provinces.0.share', 'provinces.0.window.to', 'population.staleRate', 'backOffice.reviewer', 'arrivals.hourOfDay',
    ]));
    expect(await problemsOf({ description: 'no name', provinces: [] })).toEqual(expect.arrayContaining(['name', 'provinces']));
  });

  it('has its faults and rule changes checked by their own schemas, named under them', async () => {
    expect(await problemsOf({ ...minimal, faults: { registry: { error: { rate: 2 } } } })).toEqual(['faults.registry.error.rate']);
    expect(await problemsOf({ ...minimal, rules: { codes: { smsPerPhonePerDay: -1 } } })).toEqual(['rules.codes.smsPerPhonePerDay']);
  });

  it('is told from a name by its path; names resolve as before', async () => {
    expect(await loadScenario('default')).toBe(scenarioByName('default'));
    await expect(loadScenario('no-such-scenario')).rejects.toThrow('unknown scenario "no-such-scenario"');
    expect(await problemsOf('not a scenario')).toEqual(['(root)']);
    await expect(loadScenario(join(dir, 'missing.json'))).rejects.toThrow(/invalid scenario in .*missing\.json: \(file\): ENOENT/);
  });

  it('accepts what the named scenarios state: a file can say anything they say', () => {
    for (const scenario of SCENARIOS) expect(scenarioInputSchema.safeParse(scenario).error, scenario.name).toBeUndefined();
  });

  it('has its JSON Schema in docs/scenario.schema.json, as npm run docs:scenario-schema writes it today', () => {
    const committed = readFileSync(new URL('../../docs/scenario.schema.json', import.meta.url), 'utf8');
    expect(committed === renderScenarioSchema(), 'docs/scenario.schema.json is stale: run npm run docs:scenario-schema').toBe(true);
  });
});
