/** The rule set: every number of the portal, typed, with its source; and the calendar. */
export { rulesSchema, idTypeSchema, type Rules, type RulesOverride, type IdType } from './schema';
export { fieldProblems, resolveRules, loadRulesFile, loadRulesOverride, defaultRules, RulesError, type RuleProblem } from './load';
export { rulesHash } from './hash';
export { mergeOverrides, deepMerge, type DeepPartial } from './merge';
export * from './calendar/local-time';
export { reviewCycleAt, type Cycle } from './calendar/cycles';
export { WorkingCalendar } from './calendar/working-days';
export { iso } from './calendar/moments';
