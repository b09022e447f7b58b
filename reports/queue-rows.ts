import type { Report } from '../sim/runner';
import type { Labels } from './labels';
import { fmt, share } from './format';

/** A time in seconds in the unit that reads best: s, min, h or days. */
export function duration(seconds: number): string {
  const [value, unit] = seconds < 60 ? [seconds, 's'] : seconds < 3600 ? [seconds / 60, 'min'] : seconds < 86_400 ? [seconds / 3600, 'h'] : [seconds / 86_400, 'd'];
  return `${value.toFixed(value < 10 ? 2 : 1)} ${unit}`;
}


/**
 * The four queues of a run as queueing theory names them, one row each, for report.md and
 * report.html alike. Over HTTP the servers were real and their queue unseen: no servers row.
 */
export function queueRows(r: Report, L: Labels): { header: string[]; rows: string[][] } {
  const names = [
    ...(r.transport ? [] : [['servers', L.queueServers] as const]),
    ['manualReview', L.queueManualReview], ['confirmation', L.queueConfirmation], ['approval', L.queueApproval],
  ] as const;
  return {
    header: [L.queue, L.queueArrivals, L.queueServed, L.queueUtilisation, L.queuePeak, L.queueL, L.queueLq, L.queueW, L.queueWq, L.queuePWait],
    rows: names.map(([key, label]) => {
      const q = r.queues[key];
      return [label, fmt(q.arrivals), fmt(q.served), share(q.utilisation), share(q.peakHourUtilisation),
        fmt(q.l, 2), fmt(q.lq, 2), duration(q.wSeconds), duration(q.wqSeconds), share(q.pWait)];
    }),
  };
}
