import type { Scenario } from './types';
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

export function scenarioByName(name: string): Scenario {
  const found = SCENARIOS.find((s) => s.name === name);
  if (!found) throw new Error(`unknown scenario "${name}": one of ${SCENARIOS.map((s) => s.name).join(', ')}`);
  return found;
}
