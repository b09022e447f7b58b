/** `jszg-sim export-k6 <scenario>`: writes the scenario's k6 script (cli/main.ts loads this when the command runs). */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { exportK6Script } from '../k6';
import { loadRulesOverride } from '../rules';
import { chosenScenario, positiveNumber, wholeNumber } from './options';

export interface ExportK6CliOptions { faults?: string; out?: string; seed?: string; applicants?: string; rules?: string; timeScale?: string }

export async function exportK6(name: string, options: ExportK6CliOptions): Promise<void> {
  const scenario = await chosenScenario(name, options.faults);
  const seed = wholeNumber('--seed', options.seed, 0);
  const applicants = wholeNumber('--applicants', options.applicants, 1);
  const timeScale = positiveNumber('--time-scale', options.timeScale);
  const rules = options.rules ? await loadRulesOverride(options.rules) : undefined;
  const script = exportK6Script(scenario, { seed, applicants, rules, timeScale });
  const out = options.out ?? join('out', 'k6', `${name}.ts`);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, script);
  const provinces = scenario.provinces.length;
  console.log(`wrote ${out}: ${provinces} k6 scenario${provinces === 1 ? '' : 's'} (ramping-arrival-rate), time scale ${timeScale ?? 1}`);
  console.log(`run it: k6 run --env BASE_URL=http://127.0.0.1:8080 --env ADMIN_TOKEN=<admin token> ${out}`);
}
