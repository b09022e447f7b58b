/** The scenarios: the named ones, and scenario files of one's own. */
export { SCENARIOS, scenarioByName } from './named';
export { loadScenario } from './load';
export { ScenarioError } from './scenario-error';
export { scenarioInputSchema } from './schema';
export { defineScenario, SCENARIO_DEFAULTS } from './defaults';
export type { ScenarioInput } from './types';
// The shape of a scenario is the simulator's contract (sim/scenario); named here for those who write scenarios.
export type { Scenario, ProvinceWindow, ArrivalShape, BackOfficeConfig, CapacityConfig } from '../sim/scenario';
