import { z } from 'zod';
import type { FieldError } from '../problem';

/**
 * The fault configuration (what WireMock's delays and faults and Toxiproxy's toxics give their
 * users), per operationId and per simulated backend. One JSON document, given at start
 * (`jszg-sim serve --faults FILE`) or replaced whole through the admin operation setFaults.
 *
 * ```json
 * {
 *   "seed": 7,
 *   "operations": {
 *     "login": { "latency": 150, "error": { "rate": 0.1, "status": 502 } },
 *     "submitRegistration": { "outage": { "from": "2026-09-14T10:00:00+08:00", "to": "2026-09-14T10:30:00+08:00" } },
 *     "*": { "latency": { "distribution": "lognormal", "median": 40, "sigma": 0.5 } }
 *   },
 *   "smsGateway": { "latency": { "distribution": "exponential", "mean": 300 } },
 *   "registry": { "outage": { "from": "2026-09-14T12:00:00+08:00", "to": "2026-09-14T13:00:00+08:00" } }
 * }
 * ```
 */

/** No injected delay is longer than this (a sampled one is cut to it): connections are not held for ever. */
export const MAX_DELAY_MS = 60_000;

const millis = () => z.number().finite().nonnegative().max(MAX_DELAY_MS);

/** A delay: a number is a fixed delay in ms; otherwise a distribution. */
export const latencySchema = z.preprocess(
  (value) => (typeof value === 'number' ? { distribution: 'fixed', ms: value } : value),
  z.discriminatedUnion('distribution', [
    z.strictObject({ distribution: z.literal('fixed'), ms: millis() }),
    z.strictObject({ distribution: z.literal('uniform'), min: millis(), max: millis() })
      .refine((d) => d.min <= d.max, { message: 'min must not exceed max', path: ['max'] }),
    z.strictObject({ distribution: z.literal('exponential'), mean: millis().positive() }),
    z.strictObject({ distribution: z.literal('lognormal'), median: millis().positive(), sigma: z.number().positive().max(4) }),
  ]),
);
export type Latency = z.output<typeof latencySchema>;

/** An outage on the server's clock: from (inclusive) to (exclusive), ISO 8601 with an offset. */
export const outageSchema = z.strictObject({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
}).refine((w) => Date.parse(w.from) < Date.parse(w.to), { message: 'from must be before to', path: ['to'] });
export type Outage = z.output<typeof outageSchema>;

const rate = () => z.number().min(0).max(1);

export const operationFaultSchema = z.strictObject({
  latency: latencySchema.optional(),
  /** Answer `status` (problem code INJECTED_FAULT) to this share of calls; the operation does not run. */
  error: z.strictObject({ rate: rate(), status: z.number().int().min(400).max(599).default(500) }).optional(),
  /** Every call inside the window answers 503 INJECTED_OUTAGE, Retry-After to the window's end. */
  outage: outageSchema.optional(),
});
export type OperationFault = z.output<typeof operationFaultSchema>;

export const backendFaultSchema = z.strictObject({
  /** Added to a call that reaches the backend. */
  latency: latencySchema.optional(),
  /** This share of the backend's uses fails (503, nothing consumed). */
  error: z.strictObject({ rate: rate() }).optional(),
  /** The backend is cut: every use inside the window fails (503, nothing consumed). */
  outage: outageSchema.optional(),
});
export type BackendFault = z.output<typeof backendFaultSchema>;

/** The operation key that applies to every public and applicant operation (not admin ones). */
export const ANY_OPERATION = '*';

/** JSON.parse keeps a `__proto__` key as data, but a record drops it silently: refuse it by name. */
function refuseProtoKey(value: unknown, ctx: z.RefinementCtx): void {
  if (value !== null && typeof value === 'object' && Object.hasOwn(value, '__proto__')) {
    ctx.addIssue({ code: 'custom', path: ['__proto__'], message: 'not an operationId: use an operationId of /openapi.json or "*"' });
  }
}

export const faultConfigSchema = z.strictObject({
  /** Seeds the draws of error rates and latencies, so a load run's faults repeat; default: the portal's random source. */
  seed: z.union([z.number().int(), z.string().max(100)]).optional(),
  /** By operationId, or "*" for every public and applicant operation (an operation's own entry wins field by field). */
  operations: z.unknown().superRefine(refuseProtoKey).pipe(z.record(z.string().max(100), operationFaultSchema)).default({}),
  /** The SMS gateway that delivers requestSmsCode's codes. */
  smsGateway: backendFaultSchema.optional(),
  /** The simulated public-security registry behind verifyRealName. */
  registry: backendFaultSchema.optional(),
});
export type FaultConfig = z.output<typeof faultConfigSchema>;
export type FaultConfigInput = z.input<typeof faultConfigSchema>;

export const BACKENDS = ['smsGateway', 'registry'] as const;
export type Backend = (typeof BACKENDS)[number];

/** Operations that faults may not target: a fault there could lock the operator out of removing it. */
export const UNFAULTABLE = ['getFaults', 'setFaults'];

/** Field errors for operation keys that are neither an operationId nor "*". */
export function unknownOperations(config: FaultConfig, operationIds: Iterable<string>): FieldError[] {
  const known = new Set(operationIds);
  return Object.keys(config.operations).flatMap((key): FieldError[] => {
    if (key === ANY_OPERATION) return [];
    if (UNFAULTABLE.includes(key)) return [{ field: `operations.${key}`, code: 'NOT_FAULTABLE', message: `${key} cannot be faulted (it would lock out the fault controls)` }];
    if (!known.has(key)) return [{ field: `operations.${key}`, code: 'UNKNOWN_OPERATION', message: `no operation ${key}: use an operationId of /openapi.json or "*"` }];
    return [];
  });
}
