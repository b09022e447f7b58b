import { z } from 'zod';

/**
 * The pieces of the portal's answers, as schemas: what /openapi.json says each answer holds.
 * Moments leave the portal in Beijing time with its offset (rules/calendar/moments.ts).
 */
export const moment = () => z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/)
  .meta({ format: 'date-time', description: 'ISO 8601, Beijing time (+08:00)' });
/** A moment that has not happened yet. */
export const maybeMoment = () => moment().nullable();
/** A calendar day, YYYY-MM-DD. */
export const day = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ format: 'date' });
/** An answer that only says an action was done: `{ [key]: true }`. */
export const done = <K extends string>(key: K) => z.object({ [key]: z.literal(true) } as Record<K, z.ZodLiteral<true>>);
/** How many rows a seeding call took. */
export const seeded = () => z.object({ seeded: z.number().int().min(0) });
