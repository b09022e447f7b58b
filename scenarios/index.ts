/** The scenarios: the named ones, and scenario files of one's own. */
export { SCENARIOS, scenarioByName } from './named';
export { loadScenario } from './load';
export { ScenarioError } from './scenario-error';
export { scenarioInputSchema } from './schema';
export { defineScenario, SCENARIO_DEFAULTS } from './defaults';
export type { Scenario, ScenarioInput, ProvinceWindow, ArrivalShape, BackOfficeConfig, CapacityConfig } from './types';
