/** `jszg-sim export-k6 <scenario>`: writes the scenario's k6 script (cli/main.ts loads this when the command runs). */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { loadRulesOverride } from '../rules';
import { loadScenario } from '../scenarios';
import { exportK6Script } from './index';

export interface ExportK6CliOptions { out?: string; seed?: string; applicants?: string; rules?: string; timeScale?: string }

const wholeNumber = (flag: string, value: string | undefined, min: number): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`${flag} ${value} is not a whole number of at least ${min}`);
  return n;
};

const positive = (flag: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(Number.isFinite(n) && n > 0)) throw new Error(`${flag} ${value} is not a positive number`);
  return n;
};

export async function exportK6(name: string, options: ExportK6CliOptions): Promise<void> {
  const scenario = await loadScenario(name);
  const seed = wholeNumber('--seed', options.seed, 0);
  const applicants = wholeNumber('--applicants', options.applicants, 1);
  const timeScale = positive('--time-scale', options.timeScale);
  const rules = options.rules ? await loadRulesOverride(options.rules) : undefined;
  const script = exportK6Script(scenario, { seed, applicants, rules, timeScale });
  const out = options.out ?? join('out', 'k6', `${name}.ts`);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, script);
  const provinces = scenario.provinces.length;
  console.log(`wrote ${out}: ${provinces} k6 scenario${provinces === 1 ? '' : 's'} (ramping-arrival-rate), time scale ${timeScale ?? 1}`);
  console.log(`run it: k6 run --env BASE_URL=http://127.0.0.1:8080 --env ADMIN_TOKEN=<admin token> ${out}`);
}
