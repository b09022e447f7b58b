/** Capacity planning: the smallest capacity that meets a target, searched over runs of the simulator. */
export { planCapacity, type PlanResult, type CurvePoint } from './search';
export { RESOURCES, withCapacity } from './resources';
