import { describe, expect, it } from 'vitest';
import { mergeOverrides, resolveRules, rulesHash } from '../../rules';
import { SCENARIOS, scenarioByName } from '../../scenarios';
import { ROUTES } from '../../stub-server/http';
import { exportK6Script } from '..';

/** What each script says of itself and where its requests go, read from its text. */
describe.each(SCENARIOS.map((s) => [s.name, s] as const))('%s: the script', (_name, scenario) => {
  const script = exportK6Script(scenario, { timeScale: 30 });

  it('says in its header which scenario, seed, rules and time scale it came from', () => {
    const rules = resolveRules(mergeOverrides(scenario.rules));
    expect(script.split('\n')[1]).toBe(`// Scenario ${scenario.name}, seed ${scenario.seed}, rules ${rulesHash(rules)}, time scale 30, ${scenario.applicants.toLocaleString('en')} applicants.`);
  });

  it('imports k6\'s modules only', () => {
    const modules = [...script.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(modules.length).toBeGreaterThan(0);
    for (const m of modules) expect(m).toMatch(/^k6(\/[\w-]+)?$/);
  });

  it('takes method and path of every operation from the stub\'s route table, and calls only those', () => {
    const table = [...script.matchAll(/^ {2}(\w+): \{ method: '(\w+)', path: '([^']+)', expect: (\[[\d,]+\])/gm)];
    expect(table.length).toBeGreaterThan(10);
    const listed = new Set<string>();
    for (const [, op, method, path, expect_] of table) {
      const route = ROUTES.find((r) => r.operationId === op);
      expect(route, op).toBeDefined();
      expect(method).toBe(route!.method.toUpperCase());
      expect(path).toBe(route!.path);
      expect(JSON.parse(expect_!)).toContain(route!.status ?? 200);
      listed.add(op!);
    }
    const called = [...script.matchAll(/\b(?:call|withCaptcha)\('(\w+)'/g)].map((m) => m[1]!);
    expect(new Set(called)).toEqual(listed);
  });

  it('sends every request through one call, tagged with its operationId and checked', () => {
    expect([...script.matchAll(/\bhttp\.(get|post|put|patch|del|head|options|request|batch|asyncRequest)\(/g)].map((m) => m[1])).toEqual(['request']);
    expect(script).toMatch(/http\.request\(route\.method, url, body, \{ headers, tags: \{ name: op, operationId: op \} \}\);/);
    expect(script).toMatch(/REFUSALS\.add\(1, \{ operationId: op, code \}\);\n\s+return null;\n\s+\}\n\s+const expected = check\(res, \{ \[op \+ ' answers '/);
  });

  it('sets the scenario\'s faults in setup(), if it has any', () => {
    expect(script.includes(`call('setFaults', ${JSON.stringify(scenario.faults)})`)).toBe(scenario.faults !== undefined);
  });
});

describe('the script of a scenario with another rule set', () => {
  it('follows the rules: password, and the hash in its header', () => {
    const rules = { account: { password: { specialCharacters: '#', minLength: 12 } } };
    const script = exportK6Script(scenarioByName('default'), { rules });
    expect(script).toContain('const PASSWORD_SPECIAL = "#";');
    expect(script).toContain('const PASSWORD_MIN = 12;');
    expect(script).toContain(`rules ${rulesHash(resolveRules(rules))}`);
  });
});
