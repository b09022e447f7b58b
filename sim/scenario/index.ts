/**
 * What a run is told: a scenario's shape as types, the contract between the scenarios (data a
 * planner writes, in scenarios/) and the simulator that runs them.
 */
export type { Scenario, ProvinceWindow, ArrivalShape, BackOfficeConfig, CapacityConfig } from './types';
