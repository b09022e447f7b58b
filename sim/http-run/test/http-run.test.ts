import { describe, expect, it } from 'vitest';
import { defineScenario } from '../../../scenarios/defaults';
import { ROUTES } from '../../../stub-server/http';
import { ADMIN } from '../../../test/harness';
import { spawnServer } from '../../../test/spawn-server';
import { runScenario } from '../../runner';
import { httpTransport } from '..';

/** One Monday of Fujian's window and the day after: short enough in real time at a high scale. */
const monday = defineScenario({
  name: 'http-monday',
  description: 'One day of a window over HTTP',
  applicants: 25,
  provinces: [{ code: '35', share: 1, window: { from: '2026-09-14', to: '2026-09-14' } }],
  followUpDays: 0,
});
const SCALE = 8000;
const OPERATIONS = new Set(ROUTES.map((r) => r.operationId));

describe('a run over HTTP', () => {
  it('drives the scenario against a stub it starts itself, in an open model, and reports what the wire saw', async () => {
    let stubUrl = '';
    const { report } = await runScenario(monday, { transport: httpTransport({ timeScale: SCALE, onStub: (url) => { stubUrl = url; } }) });
    const inProcess = (await runScenario(monday)).report;

    // Same schema as an in-process run, plus the transport's own block.
    expect(Object.keys(report).filter((k) => k !== 'transport')).toEqual(Object.keys(inProcess));
    expect(report.funnel.arrived).toBe(25);
    expect(report.funnel.registered).toBeGreaterThan(0);
    expect(report.funnel.submitted).toBeGreaterThan(0);
    const t = report.transport!;
    expect(t).toMatchObject({ kind: 'http', timeScale: SCALE, target: 'stub started by the run' });
    expect(t.wire.connectionErrors + t.wire.timeouts).toBe(0);
    const answered = Object.values(t.wire.byStatus).reduce((a, b) => a + b, 0);
    expect(answered).toBe(t.wire.requests);
    // Latency is measured on the wire per operationId; the wire also carried the back office's calls.
    const measured = Object.entries(report.latency);
    expect(measured.length).toBeGreaterThan(5);
    for (const [op, l] of measured) {
      expect(OPERATIONS.has(op), op).toBe(true);
      expect(l.p50).toBeGreaterThan(0);
    }
    const applicantCalls = measured.reduce((n, [, l]) => n + l.count, 0);
    expect(applicantCalls).toBeLessThan(t.wire.requests);
    // Refusals seen by applicants are the wire's problem codes.
    for (const [code, n] of Object.entries(report.refusals)) expect(t.wire.byCode[code] ?? 0, code).toBeGreaterThanOrEqual(n);
    // The stub the run started is stopped with it.
    await expect(fetch(`${stubUrl}/healthz`)).rejects.toThrow();
  }, 90_000);

  it('ends with a report saying what happened when the server dies mid-run', async () => {
    const server = await spawnServer(['--memory', '--clock', `scaled:${SCALE}`, '--clock-start', '2026-09-14T08:00:00+08:00']);
    const dies = setTimeout(() => void server.kill(), 1500);
    const { report } = await runScenario({ ...monday, applicants: 400 }, { transport: httpTransport({ target: server.url, adminToken: ADMIN, timeScale: SCALE }) })
      .finally(async () => { clearTimeout(dies); await server.kill(); });
    const t = report.transport!;
    expect(t.aborted?.reason).toMatch(/stopped answering/);
    expect(t.aborted?.lastError).toBe('CONNECTION_FAILED');
    expect(t.wire.connectionErrors).toBeGreaterThan(0);
    expect(t.lateStartHours).toBeGreaterThan(0);
    // Cut short: not everyone came, and those in progress are counted as unfinished.
    expect(report.funnel.arrived).toBeLessThan(400);
    expect(report.outcomes.unfinished ?? 0).toBeGreaterThan(0);
  }, 60_000);

  it('refuses a server whose clock runs at another scale than the one asked for', async () => {
    const server = await spawnServer(['--memory', '--clock', 'scaled:100', '--clock-start', '2026-09-14T08:00:00+08:00']);
    try {
      await expect(runScenario(monday, { transport: httpTransport({ target: server.url, adminToken: ADMIN, timeScale: SCALE }) }))
        .rejects.toThrow(/runs at ×\d+.*not ×8000/);
    } finally {
      await server.stop();
    }
  }, 30_000);
});
