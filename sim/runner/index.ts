/** Runs a scenario in virtual time and reports on it. */
export { runScenario, SIMULATION_RULES, type RunOptions, type RunProgress, type RunResult } from './run';
export type { Report } from './report';
