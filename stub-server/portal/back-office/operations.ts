import { z } from 'zod';
import { adminOperation } from '../operation';
import { conflict, invalidField } from '../problem';
import { SettableClock } from '../clock';
import { moment } from '../answer-fields';

/** Where a settable clock may go: four-digit years, with a year's margin for dates computed ahead. */
const CLOCK_RANGE = { from: Date.parse('1970-01-01T00:00:00Z'), to: Date.parse('9998-12-31T23:59:59.999Z') };

export const setClock = adminOperation({
  operationId: 'setClock',
  output: z.object({ now: moment() }),
  refuses: ['CLOCK_NOT_SETTABLE', 'CLOCK_OUT_OF_RANGE'],
  summary: 'Set (`now`, ISO 8601) or advance (`advanceMs`) the server clock; only with a settable clock; may go backwards',
  section: 'test control',
  input: () => z.object({ now: z.iso.datetime({ offset: true }).optional(), advanceMs: z.number().int().optional() }),
  run: ({ ctx, input }) => {
    if (!(ctx.clock instanceof SettableClock)) throw conflict('CLOCK_NOT_SETTABLE', 'the server was not started with --clock settable');
    if (input.now === undefined && input.advanceMs === undefined) throw invalidField('now', 'REQUIRED', 'give now or advanceMs');
    // Checked before the clock moves: a moment outside the range would break every later call
    // (dates are YYYY-MM-DD strings; beyond year 9999 they no longer are, beyond ±8.64e15 ms there is no Date).
    const target = (input.now !== undefined ? Date.parse(input.now) : ctx.clock.now()) + (input.advanceMs ?? 0);
    if (!(target >= CLOCK_RANGE.from && target <= CLOCK_RANGE.to)) {
      throw invalidField(input.advanceMs !== undefined ? 'advanceMs' : 'now', 'CLOCK_OUT_OF_RANGE', `the clock stays between ${new Date(CLOCK_RANGE.from).toISOString()} and ${new Date(CLOCK_RANGE.to).toISOString()}`);
    }
    ctx.clock.set(target);
    return { now: ctx.iso(ctx.clock.now()) };
  },
});

export const getStats = adminOperation({
  operationId: 'getStats',
  output: z.object({
    now: moment(),
    held: z.record(z.string(), z.number().int()).meta({ description: 'rows held, by table' }),
    registrationsByConclusion: z.record(z.string(), z.number().int()),
    refused: z.record(z.string(), z.number().int()).meta({ description: 'refusals since start, by problem code' }),
    store: z.record(z.string(), z.number()),
  }),
  summary: 'Counts of what the server holds and what it has refused (by problem code) since start',
  section: 'back office',
  input: () => z.object({}),
  run: ({ ctx }) => {
    const held: Record<string, number> = {};
    for (const [name, table] of Object.entries(ctx.state)) held[name] = table.size;
    const registrationsByConclusion: Record<string, number> = {};
    for (const r of ctx.state.registrations.values()) registrationsByConclusion[r.conclusion] = (registrationsByConclusion[r.conclusion] ?? 0) + 1;
    return {
      now: ctx.iso(ctx.now()),
      held,
      registrationsByConclusion,
      refused: Object.fromEntries([...ctx.refusals].sort(([a], [b]) => a.localeCompare(b))),
      store: ctx.store.stats(),
    };
  },
});

export const backOfficeOperations = [setClock, getStats];
