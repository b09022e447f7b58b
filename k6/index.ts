/**
 * `jszg-sim export-k6`: a scenario as one self-contained k6 script, for load runs of the stub
 * (or anything implementing API.md) from k6, k6-operator or Grafana Cloud k6. The load profile
 * is the simulator's own arrival curve; the journeys are the machines' main paths.
 */
import { mergeOverrides, resolveRules, rulesHash, utcOffsetText, type RulesOverride } from '../rules';
import type { Scenario } from '../scenarios';
import { DEFAULT_PERSONA_MIX } from '../sim/population';
import { institutionsOf } from '../sim/runner';
import { mean } from '../sim/random';
import { dataSection, personalPhoto, provinceTable } from './data';
import { JOURNEYS, journeysSection, operationsCalled, pagesOf, type JourneyName, type Mix } from './journeys';
import { CALL, routeTable } from './routes';
import { renderScript } from './script';
import { k6Timing, provinceSchedules, vuBudget } from './stages';
import { FAILED_REQUESTS, translateThresholds } from './thresholds';

export interface K6ExportOptions {
  /** Seeds the script's data (default: the scenario's). */
  seed?: number;
  /** Journeys over all windows (default: the scenario's applicants). */
  applicants?: number;
  /** A rule change (a --rules file) over the scenario's rules: the calendar, password and photo rules. */
  rules?: RulesOverride;
  /** One real second is this many simulated seconds (default 1). */
  timeScale?: number;
}

/** Employers' certificate queries: scenarios do not model them, so a small fixed share of iterations. */
const CERTIFICATE_QUERIES = 0.05;
/** Real seconds a page's requests take on a loaded stub, on top of the think time (for the VU estimate). */
const PAGE_REQUEST_SECONDS = 0.5;

export function exportK6Script(scenario: Scenario, options: K6ExportOptions = {}): string {
  const seed = options.seed ?? scenario.seed;
  const applicants = options.applicants ?? scenario.applicants;
  const timeScale = options.timeScale ?? 1;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed ${seed} must be a whole number`);
  if (!Number.isSafeInteger(applicants) || applicants < 1) throw new RangeError(`applicants ${applicants} must be a whole number, at least 1`);
  const rules = resolveRules(mergeOverrides(scenario.rules, options.rules), `scenario ${scenario.name}`);

  const persona = { ...DEFAULT_PERSONA_MIX, ...scenario.population.persona };
  const share = (x: number) => Math.round(x * 10_000) / 10_000;
  const mix: Mix = {
    newApplicant: share((1 - persona.hasAccount) * (1 - CERTIFICATE_QUERIES)),
    returningApplicant: share(persona.hasAccount * (1 - CERTIFICATE_QUERIES)),
    certificateQuery: CERTIFICATE_QUERIES,
  };
  const median = typeof persona.thinkTimeMedianSeconds === 'number' ? persona.thinkTimeMedianSeconds : mean(persona.thinkTimeMedianSeconds);
  const think = { medianSeconds: median / timeScale, sigma: persona.thinkTimeSigma };
  // A lognormal's mean is its median × e^(σ²/2).
  const pageSeconds = think.medianSeconds * Math.exp((think.sigma * think.sigma) / 2) + PAGE_REQUEST_SECONDS;
  const journeySeconds = (Object.keys(JOURNEYS) as JourneyName[]).reduce((sum, j) => sum + mix[j] * Math.max(1, pagesOf(j)) * pageSeconds, 0);

  const schedules = provinceSchedules(scenario, applicants, rules);
  const provinces = schedules.map((s) => ({
    key: s.key, code: s.code, window: s.window, expected: s.expected,
    ...k6Timing(s, timeScale),
    ...vuBudget(s.peak, timeScale, journeySeconds),
  }));
  const first = [...scenario.provinces].sort((a, b) => a.window.from.localeCompare(b.window.from))[0]!;

  const { verifiedAccounts } = scenario.population;
  const journeys = journeysSection({ mix, think, verifiedAccounts });
  // setup() seeds the registration bodies and sets the scenario's faults.
  const operations = [...new Set([...operationsCalled(journeys), 'seedInstitutions', ...(scenario.faults ? ['setFaults'] : [])])];
  const translated = translateThresholds(scenario.thresholds ?? [], new Set(operations));
  const keyOf = (code: string) => schedules.find((s) => s.code === code)!.key;
  const dataInputs = { seed, rules, provinces: schedules.map((s) => s.code), seasonFrom: first.window.from };

  return renderScript({
    scenario: scenario.name,
    description: scenario.description,
    seed,
    rulesHash: rulesHash(rules),
    timeScale,
    applicants,
    mix,
    clockStart: `${first.window.from}T00:00:00${utcOffsetText(rules.time.utcOffsetMinutes)}`,
    provinces,
    thresholds: { ...(scenario.faults ? {} : FAILED_REQUESTS), ...translated.thresholds },
    untranslatable: translated.untranslatable,
    faults: scenario.faults,
    sections: {
      routes: routeTable(operations),
      call: CALL,
      data: dataSection(dataInputs),
      provinces: [
        `const PROVINCES: Record<string, ProvinceData> = ${JSON.stringify(provinceTable(dataInputs, keyOf))};`,
        `const FIRST_PROVINCE = ${JSON.stringify(schedules[0]!.key)};`,
      ].join('\n'),
      institutions: `const INSTITUTIONS = ${JSON.stringify(institutionsOf(scenario.provinces))};`,
      journeys,
      photo: `/** The personal photo (a JPEG inside the rules' limits), made at export. */\nconst PERSONAL_PHOTO = '${personalPhoto(rules)}';`,
    },
  });
}
