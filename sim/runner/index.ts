/** Runs a scenario in virtual time and reports on it. */
export { LIVE_ACTOR_LIMIT, runScenario, scenarioPeriod, scenarioRules, SIMULATION_RULES, type RunOptions, type RunProgress, type RunResult } from './run';
export type { Transport, TransportFactory, TransportReport, TransportSetup } from './transport';
export type { ObserveCall, PortalTiming, Settled } from './timing';
export { WorkTracker } from './work';
export type { Report, WaitSummary } from './report';
export { reportSchema } from './report-schema';
export { arrivalPieces } from './pieces';
export { seasonArrivals } from './season-arrivals';
export { deskPlaces, earlierAccountRegisteredAt, institutionsOf, seedApplicant, seedInstitutions } from './world';
export type { CallingApplicant, JourneyObserver } from './journey-observer';
export { JourneyDriver } from './journey-driver';
export { admitApplicants } from './admit-applicants';
export { backendsOf, ModelledTiming, modelledBackends, stepClockOf, type ModelledBackend } from './timing';
export { BackOffice } from './back-office';
export { RunMetrics, type RunMetricsWire } from './run-metrics';
export { runReport, sampleHourEnds } from './run-report';
