import { closest } from 'fastest-levenshtein';
import type { Scenario } from '../sim/scenario';
import { ScenarioError } from './scenario-error';
import deadlineRush from './deadline-rush';
import defaultScenario from './default';
import nationalOpening from './national-opening';
import nationalSeason from './national-season';
import peakOpening from './peak-opening';
import portalOutage from './portal-outage';
import retryStorm from './retry-storm';
import reviewBacklog from './review-backlog';
import smsGatewayOutage from './sms-gateway-outage';
import staleRegistry from './stale-registry';

/** The named scenarios `jszg-sim run <name>` knows. */
export const SCENARIOS: readonly Scenario[] = [defaultScenario, peakOpening, nationalOpening, deadlineRush, smsGatewayOutage, portalOutage, staleRegistry, reviewBacklog, retryStorm, nationalSeason];

/** A named scenario; an unknown name is refused naming the nearest one. */
export function scenarioByName(name: string): Scenario {
  const found = SCENARIOS.find((s) => s.name === name);
  if (found) return found;
  const names = SCENARIOS.map((s) => s.name);
  throw new ScenarioError(name, [{ field: '(name)', message: `unknown scenario "${name}": did you mean "${closest(name, names)}"? (jszg-sim scenarios lists them: ${names.join(', ')})` }]);
}
