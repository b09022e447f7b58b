/** Durations in ms, the engine's unit, so schedules read as what they mean (`2 * HOUR`). */
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
