import type { Report } from '../sim/runner';

const pct = (n: number, of: number) => (of > 0 ? `${((100 * n) / of).toFixed(1)}%` : '-');

/** What a planner needs first, as the run ends: the funnel, why people gave up, the review SLA, the load. */
export function summary(r: Report): string {
  const f = r.funnel;
  const lines = [
    `${r.scenario} (seed ${r.seed}, rules ${r.rulesHash}) ${r.period.from} → ${r.period.to}`,
    '',
    'Funnel            count   of arrived',
    ...(['arrived', 'registered', 'verified', 'submitted', 'confirmed', 'approved'] as const)
      .map((k) => `  ${k.padEnd(14)}${String(f[k]).padStart(7)}   ${pct(f[k], f.arrived)}`),
  ];
  const reasons = Object.entries(r.abandoned.byStep)
    .flatMap(([step, byReason]) => Object.entries(byReason).map(([reason, n]) => ({ step, reason, n })))
    .sort((a, b) => b.n - a.n || a.step.localeCompare(b.step))
    .slice(0, 5);
  lines.push('', `Gave up: ${r.abandoned.total} (${pct(r.abandoned.total, f.arrived)})`);
  for (const { step, reason, n } of reasons) lines.push(`  ${String(n).padStart(6)}  at ${step}: ${reason}`);
  const q = r.quotaDenials;
  lines.push('', `Quota denials: SMS ${q.sms}, real-name ${q.realName}, manual review ${q.manualReview}`);
  const m = r.manualReview;
  lines.push(`人工审核 manual review: ${m.submitted} submitted, ${m.decided} decided, ${m.slaBreaches} past 7 working days; wait p50 ${m.waitWorkingDays.p50} / p95 ${m.waitWorkingDays.p95} / max ${m.waitWorkingDays.max} working days`);
  const { confirmation, approval } = r.onSite.waitWorkingDays;
  lines.push(`现场确认 wait p50 ${confirmation.p50} / p95 ${confirmation.p95} / max ${confirmation.max} working days; each approval tier p50 ${approval.p50} / p95 ${approval.p95} / max ${approval.max}; at most ${r.onSite.mostWaiting.confirmation} waiting for 现场确认; ${r.onSite.reverted} sent back`);
  const slowest = Object.entries(r.latency).sort((a, b) => b[1].p95 - a[1].p95).slice(0, 3);
  const load = r.transport ? '' : `; servers ${pct(r.servers.utilisation, 1)} busy (busiest hour ${pct(r.servers.peakHourUtilisation, 1)}), ${r.servers.refused} refused (503), ${r.servers.timeouts} timed out (504)`;
  lines.push(`Peaks: ${r.peaks.requestsPerSecond} requests/s, ${r.peaks.smsPerHour} SMS/hour, ${r.peaks.registryChecksPerHour} registry checks/hour, ${r.peaks.inProgressPeak} applicants in progress and ${r.peaks.inSessionPeak} at the portal at once${load}`);
  if (r.transport) {
    const { wire, timeScale, target, generatorLagMs } = r.transport;
    const byClass = (digit: string) => Object.entries(wire.byStatus).filter(([s]) => s.startsWith(digit)).reduce((n, [, c]) => n + c, 0);
    lines.push(`HTTP ×${timeScale} (${target}): ${wire.requests} requests, ${byClass('4')} 4xx, ${byClass('5')} 5xx, ${wire.connectionErrors} connection errors, ${wire.timeouts} timeouts; generator lag max ${generatorLagMs.max} ms`);
  }
  lines.push(`Slowest p95: ${slowest.map(([op, l]) => `${op} ${l.p95} ms`).join(', ')}`);
  return lines.join('\n');
}
