import type { Report } from '../sim/runner';
import type { Labels } from './labels';

/**
 * What a run over HTTP adds for a planner: where it ran, how fast time went, what the wire saw,
 * and whether it was cut short. Rows of label and value, for report.md and report.html alike.
 */
export function transportRows(r: Report, L: Labels): [string, string][] | undefined {
  const t = r.transport;
  if (!t) return undefined;
  const counts = (byKey: Record<string, number>) => Object.entries(byKey).map(([k, n]) => `${k} ${n.toLocaleString('en')}`).join(', ') || '–';
  return [
    ...(t.aborted ? [[L.abortedAt, `${t.aborted.at}: ${t.aborted.reason}`] as [string, string]] : []),
    [L.target, t.target],
    [L.timeScale, `×${t.timeScale}`],
    [L.wireRequests, t.wire.requests.toLocaleString('en')],
    [L.connectionErrors, t.wire.connectionErrors.toLocaleString('en')],
    [L.timeouts, t.wire.timeouts.toLocaleString('en')],
    [L.byStatus, counts(t.wire.byStatus)],
    [L.byCode, counts(t.wire.byCode)],
    [L.generatorLag, `${t.generatorLagMs.max} / ${t.generatorLagMs.mean}`],
  ];
}
