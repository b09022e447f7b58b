import { z } from 'zod';
import { adminOperation } from '../operation';
import { invalid } from '../problem';
import { faultConfigSchema, unknownOperations } from './config';

/** What the faults did since the configuration was set (fault-box.ts Injected). */
const injectedSchema = z.object({ delayed: z.number().int(), delayMs: z.number(), errors: z.number().int(), outageRefusals: z.number().int() });

export const getFaults = adminOperation({
  operationId: 'getFaults',
  output: z.object({ config: faultConfigSchema, injected: z.record(z.string(), injectedSchema) }),
  summary: 'The fault configuration in force (`config`) and what it injected since it was set (`injected`, by operationId or backend)',
  section: 'test control',
  input: () => z.object({}),
  run: ({ ctx }) => ({ config: ctx.faults.get(), injected: ctx.faults.stats() }),
});

export const setFaults = adminOperation({
  operationId: 'setFaults',
  output: z.object({ config: faultConfigSchema }),
  refuses: ['UNKNOWN_OPERATION', 'NOT_FAULTABLE'],
  summary: 'Replace the whole fault configuration: per operationId (or "*") latency, error rate with a status, outage window; SMS gateway and registry latency, error rate, outage. `{}` removes every fault',
  section: 'test control',
  input: () => faultConfigSchema,
  run: ({ ctx, input }) => {
    const errors = unknownOperations(input, ctx.operationIds);
    if (errors.length > 0) throw invalid(errors);
    ctx.faults.set(input);
    return { config: ctx.faults.get() };
  },
});

export const faultOperations = [getFaults, setFaults];
