import { iso, localDate, mergeOverrides, resolveRules, rulesHash, type Rules, type RulesOverride } from '../../rules';
import type { Scenario } from '../scenario';
import type { QueueFigures } from '../queueing';
import type { Simulation } from '../engine';
import type { BackOffice } from './back-office';
import { buildReport, type Report } from './report';
import type { RunMetrics } from './run-metrics';
import type { PortalTiming } from './timing';
import type { TransportReport } from './transport';

const HOUR_MS = 3_600_000;
/** Over HTTP the servers were real: their queue was not seen. */
const noQueue: QueueFigures = { arrivals: 0, served: 0, utilisation: 0, peakHourUtilisation: 0, l: 0, lq: 0, wSeconds: 0, wqSeconds: 0, pWait: 0 };

/** The portal's rules for a scenario, without the simulator's layer: what `serve` would run. */
const portalRules = (scenario: Scenario, change?: RulesOverride) =>
  resolveRules(mergeOverrides(scenario.rules, change), `scenario ${scenario.name}`);

/** The hourly series' levels (applicants in progress, backlogs) and the servers' figures, as each hour of the run ends. */
export function sampleHourEnds(sim: Simulation, start: number, end: number, metrics: RunMetrics, servers: Pick<PortalTiming, 'hour'>): void {
  const sample = (at: number) => sim.scheduleAt(at, () => {
    metrics.series.endOfHour(at, servers.hour?.(at + 1 - HOUR_MS));
    if (at + HOUR_MS <= end) sample(at + HOUR_MS);
  });
  sample(Math.floor(start / HOUR_MS) * HOUR_MS + HOUR_MS - 1);
}

/** report.json of a run over `start`…`until` (`interrupted`: stopped there before its end), from what it counted. */
export function runReport(args: {
  scenario: Scenario; seed: number; applicants: number; rules: Rules; change?: RulesOverride;
  start: number; until: number; interrupted: boolean;
  metrics: RunMetrics; servers: Pick<PortalTiming, 'stats' | 'queue'>; office: BackOffice; transport?: TransportReport;
}): Report {
  const { scenario, rules, start, until, metrics, servers, office } = args;
  const offset = rules.time.utcOffsetMinutes;
  const from = scenario.provinces.map((p) => p.window.from).sort()[0]!;
  const periodMs = until - start;
  const timeseries = metrics.series.finish();
  const peakHour = timeseries.reduce((most, h) => Math.max(most, h.utilisation), 0);
  return buildReport({
    scenario, seed: args.seed, rulesHash: rulesHash(rules), portalRulesHash: rulesHash(portalRules(scenario, args.change)), applicants: args.applicants,
    period: { from, to: localDate(Math.max(start, until - 1), offset) },
    inputs: {
      applicants: scenario.applicants,
      provinces: scenario.provinces, arrivals: scenario.arrivals, population: scenario.population, backOffice: scenario.backOffice, capacity: scenario.capacity,
      ...(scenario.faults ? { faults: scenario.faults } : {}),
    },
    metrics,
    periodMs, timeseries,
    servers: servers.stats,
    queues: { servers: servers.queue?.(periodMs, peakHour) ?? noQueue, ...office.queues(until) },
    censoredWaits: office.censoredWaits(until),
    transport: args.transport,
    ...(args.interrupted ? { interrupted: { at: iso(until, offset) } } : {}),
  });
}
