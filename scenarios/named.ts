import type { Scenario } from './types';
import deadlineRush from './deadline-rush';
import defaultScenario from './default';
import nationalSeason from './national-season';
import peakOpening from './peak-opening';
import portalOutage from './portal-outage';
import reviewBacklog from './review-backlog';
import smsGatewayOutage from './sms-gateway-outage';
import staleRegistry from './stale-registry';

/** The named scenarios `jszg-sim run <name>` knows. */
export const SCENARIOS: readonly Scenario[] = [defaultScenario, peakOpening, deadlineRush, smsGatewayOutage, portalOutage, staleRegistry, reviewBacklog, nationalSeason];

export function scenarioByName(name: string): Scenario {
  const found = SCENARIOS.find((s) => s.name === name);
  if (!found) throw new Error(`unknown scenario "${name}": one of ${SCENARIOS.map((s) => s.name).join(', ')}`);
  return found;
}
