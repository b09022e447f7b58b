import { describe, expect, it } from 'vitest';
import type { JourneyContext, Milestone } from '../../../machines';
import { RandomStreams, type Rng } from '../../random';
import type { SmallIntDistribution } from '../../metrics';
import { RunMetrics } from '../run-metrics';

const HOUR = 3_600_000;
const START = Date.UTC(2026, 2, 2);
const pick = <T>(rng: Rng, of: readonly T[]): T => of[rng.int(of.length)]!;

const OPS = ['login', 'requestSmsCode', 'verifyRealName', 'submitManualReview', 'getRegistration'];
const ANSWERS = [
  { status: 200 }, { status: 201 }, { status: 429, code: 'SMS_DAILY_QUOTA_EXCEEDED' }, { status: 401, code: 'SESSION_EXPIRED' },
  { status: 503, code: 'SERVER_BUSY' }, { status: 504, code: 'GATEWAY_TIMEOUT' }, { status: 400, code: 'VALIDATION_FAILED' },
] as const;
const MILESTONES: readonly Milestone[] = ['arrived', 'registered', 'verified', 'submitted', 'confirmed', 'approved'];

/** One thing a run counts, done to the metrics `m`: calls, milestones, ends, the desks' work. */
function happening(rng: Rng): (m: RunMetrics) => void {
  const at = START + rng.int(4 * HOUR);
  switch (rng.int(6)) {
    case 0: case 1: {
      const answer = pick(rng, ANSWERS);
      const call = { op: pick(rng, OPS), answer: { status: answer.status, body: 'code' in answer ? { code: answer.code } : {} } };
      const latency = 1 + rng.int(20_000);
      const retry = rng.chance(0.1);
      return (m) => m.call(call, latency, at, retry);
    }
    case 2: { const name = pick(rng, MILESTONES); return (m) => m.milestone(name, at); }
    case 3: {
      const abandoned = { step: pick(rng, ['login', 'verify', 'submit']), reason: pick(rng, ['quota', 'patience']) };
      const state = pick(rng, ['approved', 'abandoned', 'rejected']);
      return (m) => m.finished(state, { abandoned } as unknown as JourneyContext);
    }
    case 4: { const days = rng.int(12); const approved = rng.chance(0.8); return (m) => m.reviewDecided(approved, days, days <= 7); }
    default: {
      const days = rng.int(9);
      const conclusion = pick(rng, ['approved', 'rejected']);
      return (m) => {
        m.desks.confirmed += 1;
        m.desks.waits.confirmation.add(days);
        m.desks.waits.approval.add(days + 1);
        m.desks.decided.add(conclusion);
        m.arrived(at);
      };
    }
  }
}

const metrics = () => new RunMetrics((ms) => `hour ${(ms - START) / HOUR}`, () => ({ active: 0, reviewBacklog: 0, confirmationBacklog: 0, approvalBacklog: 0 }));
const waits = (d: SmallIntDistribution) => ({ n: d.count, p50: d.percentile(50), p95: d.percentile(95), max: d.max(), mean: d.mean() });

/** What report.json takes from the metrics. */
function figures(m: RunMetrics) {
  const timeseries = m.series.finish();
  return {
    funnel: m.funnel.toJSON(), outcomes: m.outcomes.toJSON(), quotaDenials: m.quotaDenials.toJSON(), refusals: m.refusals.toJSON(),
    abandoned: Object.fromEntries([...m.abandoned].map(([step, c]) => [step, c.toJSON()]).sort()),
    latency: m.latency.summary(), requests: m.requests, sessionExpiries: m.sessionExpiries,
    review: { ...m.review, waits: waits(m.review.waits) },
    desks: { ...m.desks, decided: m.desks.decided.toJSON(), waits: { confirmation: waits(m.desks.waits.confirmation), approval: waits(m.desks.waits.approval) } },
    timeseries, peaks: m.series.peaks,
  };
}

describe("a run's metrics split among parts", () => {
  it('add up to the whole: every figure the report takes, whatever the split', () => {
    const rng = new RandomStreams(11).stream('behaviour');
    const happenings = Array.from({ length: 5000 }, () => happening(rng));
    const whole = metrics();
    happenings.forEach((h) => h(whole));
    const expected = figures(whole);
    expect(expected.requests).toBeGreaterThan(1000);
    expect(Object.keys(expected.abandoned).length).toBeGreaterThan(0);
    for (const n of [2, 3, 4]) {
      const parts = Array.from({ length: n }, metrics);
      happenings.forEach((h) => h(parts[rng.int(n)]!));
      const merged = metrics();
      // As a shard sends them: plain data through a structured clone.
      parts.forEach((p) => merged.absorb(structuredClone(p.toWire())));
      expect(figures(merged)).toEqual(expected);
    }
  });
});
