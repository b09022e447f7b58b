import { describe, expect, it } from 'vitest';
import { scenarioByName } from '../../../scenarios';
import { runScenario } from '../../../sim/runner';
import { watchRuns } from '../watch';
import { schoolMeetings } from '../school-calls';

describe('watchRuns', () => {
  it('watches the very run jszg-sim makes: the same events and report bytes, with every step, admission and ordered call seen', async () => {
    const options = { seed: 4, applicants: 300 };
    const plain = await runScenario(scenarioByName('default'), options);
    const watched = watchRuns();
    let seen;
    try { seen = await runScenario(scenarioByName('default'), options); } finally { watched.stop(); }
    expect(seen.events).toBe(plain.events);
    expect(JSON.stringify(seen.report)).toBe(JSON.stringify(plain.report));
    expect(watched.times.length).toBe(plain.events);
    expect(watched.steps.reduce((n, s) => n + s.calls.length, 0)).toBe(plain.report.queues.servers.arrivals);
    expect(watched.served.length).toBeGreaterThan(0);
    // A number for each submission taken: every applicant who submitted has one, some two (sent back, submitted again).
    expect(watched.ordered.applicationNumbers).toBeGreaterThanOrEqual(plain.report.funnel.submitted);
    expect(watched.ordered.applicationNumbers).toBeLessThanOrEqual(plain.report.latency.submitRegistration!.count);
    expect(watched.ordered.schoolSearches).toBe(plain.report.latency.searchSchools?.count);
    // The school calls the portal answered, at their moments in time order; most searches find
    // their school, and none answered by a shard alone would have been wrong.
    const sent = new Set(watched.steps.flatMap((step) => step.calls.map((c) => c.sentAt)));
    expect(watched.schoolCalls.every((c, i, all) => sent.has(c.at) && (i === 0 || all[i - 1]!.at <= c.at))).toBe(true);
    const school = schoolMeetings(watched.schoolCalls);
    expect(school.searches).toBeLessThanOrEqual(watched.ordered.schoolSearches);
    expect(school.adds).toBeGreaterThan(0);
    expect(school.meetings).toBeLessThan(school.searches / 2);
    expect(school.wrongIfAlone).toBe(0);
    // The daily desks act at the office's opening (9:00 Beijing time), one round a working day at most.
    const rounds = [...watched.deskRounds];
    expect(rounds.length).toBeGreaterThan(0);
    expect(rounds.every((at) => (at + 8 * 3_600_000) % 86_400_000 === 9 * 3_600_000)).toBe(true);
    // The backends' uses, as the report's hours count them.
    const sum = (field: 'sms' | 'registryChecks') => plain.report.timeseries.reduce((n, h) => n + h[field], 0);
    expect(watched.backendUses.smsGateway.length).toBe(sum('sms'));
    expect(watched.backendUses.registry.length).toBe(sum('registryChecks'));
    expect(watched.backendUses.registry.length).toBeGreaterThan(0);
    // Each step and each admission is its applicant's: a call took a server at a moment its
    // applicant's step sent one (none waited here), though a step's later calls go in from
    // events of their own, after other applicants have acted.
    const sentBy = new Set(watched.steps.flatMap((step) => step.calls.map((c) => `${step.applicant}@${c.sentAt}`)));
    expect(watched.steps.every((step) => step.applicant! >= 0 && step.applicant! < options.applicants)).toBe(true);
    expect(watched.served.every((call) => sentBy.has(`${call.applicant}@${call.start}`))).toBe(true);
  }, 60_000);
});
