import { z } from 'zod';
import { adminOperation } from '../operation';
import { conflict, invalidField } from '../problem';
import { SettableClock } from '../clock';

export const setClock = adminOperation({
  operationId: 'setClock',
  summary: 'Set (`now`, ISO 8601) or advance (`advanceMs`) the server clock; only with a settable clock; may go backwards',
  section: 'test control',
  input: () => z.object({ now: z.iso.datetime({ offset: true }).optional(), advanceMs: z.number().int().optional() }),
  run: ({ ctx, input }) => {
    if (!(ctx.clock instanceof SettableClock)) throw conflict('CLOCK_NOT_SETTABLE', 'the server was not started with --clock settable');
    if (input.now === undefined && input.advanceMs === undefined) throw invalidField('now', 'REQUIRED', 'give now or advanceMs');
    if (input.now !== undefined) ctx.clock.set(Date.parse(input.now));
    if (input.advanceMs !== undefined) ctx.clock.advance(input.advanceMs);
    return { now: new Date(ctx.clock.now()).toISOString() };
  },
});

export const getStats = adminOperation({
  operationId: 'getStats',
  summary: 'Counts of what the server holds and what it has refused (by problem code) since start',
  section: 'back office',
  input: () => z.object({}),
  run: ({ ctx }) => {
    const held: Record<string, number> = {};
    for (const [name, table] of Object.entries(ctx.state)) held[name] = table.size;
    const registrationsByConclusion: Record<string, number> = {};
    for (const r of ctx.state.registrations.values()) registrationsByConclusion[r.conclusion] = (registrationsByConclusion[r.conclusion] ?? 0) + 1;
    return {
      now: new Date(ctx.now()).toISOString(),
      held,
      registrationsByConclusion,
      refused: Object.fromEntries([...ctx.refusals].sort(([a], [b]) => a.localeCompare(b))),
      store: ctx.store.stats(),
    };
  },
});

export const backOfficeOperations = [setClock, getStats];
