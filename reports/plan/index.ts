/** A capacity plan as a planner reads it (plan.md); the search itself is sim/plan's. */
export { renderPlan, type PlanPage } from './markdown';
