/** The two ways to reach a portal: in this process (virtual time) or over HTTP. */
export type { PortalClient, PortalAnswer, CallOptions, StepCalls } from './client';
export { InProcessClient, takesTrustedSeeds } from './in-process';
export { HttpClient, httpRequest } from './http';
export { CallerRandom } from './caller-random';
