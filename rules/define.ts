import { z } from 'zod';

/**
 * A rule: a schema, its default, and where the number comes from.
 * The source names the seed manual and section (see ../shared/SPEC.md), or "§7 decision"
 * for what the seeds leave open and we decided.
 */
export function rule<T extends z.ZodType>(schema: T, defaultValue: z.output<T>, source: string) {
  return schema.default(defaultValue as never).meta({ source });
}

/** A group of rules: unknown keys are refused, so a typo in an override names itself. */
export function group<S extends z.ZodRawShape>(shape: S, source?: string) {
  const schema = z.strictObject(shape).prefault({} as never);
  return source ? schema.meta({ source }) : schema;
}

export const count = () => z.number().int().nonnegative();
export const positive = () => z.number().int().positive();
export const isoDate = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
export const monthDay = () => z.string().regex(/^\d{2}-\d{2}$/, 'expected a month-day MM-DD');
/** An exclusive range (lower < value < upper), as the seeds state the photo limits. */
export const openRange = () =>
  z.strictObject({ above: z.number().nonnegative(), below: z.number().positive() })
    .refine((r) => r.above < r.below, 'above must be less than below');
