/**
 * The portal's domain: no HTTP in it. Transports call `Portal.invoke(operationId, input, caller)`;
 * the in-process simulator also seeds its own records through `Portal.seed`.
 */
export { Portal } from './portal';
export { RowShapeError } from './row-shapes';
export type { PortalDeps } from './context';
export { PortalProblem, type ProblemBody, type FieldError } from './problem';
export { BinaryResult, type Caller, type Operation, type Access } from './operation';
export { systemClock, SettableClock, ScaledClock, clockFromSpec, type Clock } from './clock';
export { cryptoRandom, type PortalRandom } from './random';
export { residentIdCheckDigit, checkIdNumber, normalizeIdNumber } from './identity/id-numbers';
export { hashPassword, plainTextHasher, scryptHasher, type PasswordHasher } from './identity/passwords';
export { jpegSize } from './photos/jpeg';
export type * from './records';
export { andThen, eachInTurn, Later, type MaybeLater, type MaybePromise } from './maybe-async';
export { Lazy, resolved } from './lazy';
export { withFields } from './with-fields';
export * from './faults';
export { FORMAT_CODES, CHECK_CODES, PROBLEM_STATUS, statusOf, type ProblemCode, type FieldCode } from './problem-codes';
export { OPERATIONS } from './operations';
export { normalSchoolName, storeSchools } from './schools/operations';
export { kindRefusals } from './kind-refusals';
