import type { Report } from '../sim/runner';
import type { Labels } from './labels';
import { fmt } from './format';

/**
 * What a run over HTTP adds for a planner: where it ran, how fast time went, what the wire saw,
 * and whether it was cut short. Rows of label and value, for report.md and report.html alike.
 */
export function transportRows(r: Report, L: Labels): [string, string][] | undefined {
  const t = r.transport;
  if (!t) return undefined;
  const counts = (byKey: Record<string, number>) => Object.entries(byKey).map(([k, n]) => `${k} ${fmt(n)}`).join(', ') || '–';
  return [
    ...(t.aborted ? [[L.abortedAt, `${t.aborted.at}: ${t.aborted.reason}`] as [string, string]] : []),
    [L.target, t.target],
    [L.timeScale, `×${t.timeScale}`],
    [L.wireRequests, fmt(t.wire.requests)],
    [L.connectionErrors, fmt(t.wire.connectionErrors)],
    [L.timeouts, fmt(t.wire.timeouts)],
    [L.byStatus, counts(t.wire.byStatus)],
    [L.byCode, counts(t.wire.byCode)],
    [L.generatorLag, `${t.generatorLagMs.max} / ${t.generatorLagMs.mean}`],
  ];
}
