/**
 * The same journeys through both clients: 30 applicants with varied personas, each played once
 * through InProcessClient against the portal domain with a settable clock and once through
 * HttpClient against a stub server on 127.0.0.1, with the same seeded choices, clock moves and
 * back-office decisions. The (step, outcome) sequences, where each journey ended and what the
 * portal holds and refused afterwards must be identical.
 */
import { describe, expect, it } from 'vitest';
import { httpStub, inProcessStub, type Stub } from '../../../machines/test/fixtures';
import { cast, play, type Cast, type Trace } from './play';

const APPLICANTS = cast(30, 20260914);

async function playOn(makeStub: () => Promise<Stub>, c: Cast): Promise<Trace> {
  const stub = await makeStub();
  try {
    return await play(stub, c);
  } finally {
    await stub.close();
  }
}

describe.concurrent('in-process and HTTP clients agree over whole journeys', () => {
  for (const c of APPLICANTS) {
    const p = c.applicant.persona;
    const who = [
      p.hasAccount ? `account${p.accountBefore2019 ? ' (pre-2019)' : ''}${p.forgotPassword ? `, forgot password (${p.resetMethod})` : ''}` : `new (${p.codeChannel})`,
      c.applicant.idType, p.staleRecord ? 'stale record' : '', c.registryNameDiffers ? 'registry name differs' : '', p.handAddedCertificate ? 'hand-added certificate' : '',
    ].filter(Boolean).join(', ');
    it(`applicant ${c.applicant.index}: ${who}`, async () => {
      const inProcess = await playOn(inProcessStub, c);
      const overHttp = await playOn(httpStub, c);
      expect(overHttp.steps).toEqual(inProcess.steps);
      expect(overHttp.final).toEqual(inProcess.final);
      expect(overHttp.stats).toEqual(inProcess.stats);
      // A journey that ran out of moves would compare unfinished ones.
      expect(inProcess.final.value).toBeTypeOf('string');
    });
  }
});

it('plays varied journeys: every final state and phase is met across the 30', async () => {
  // Not an agreement check: that the set of journeys is varied enough to mean something.
  const traces = await Promise.all(APPLICANTS.map((c) => playOn(inProcessStub, c)));
  const finals = new Set(traces.map((t) => String(t.final.value)));
  const steps = new Set(traces.flatMap((t) => t.steps.map((s) => s.split(':')[0])));
  expect(finals.size).toBeGreaterThanOrEqual(3);
  for (const step of ['registerForm', 'signIn', 'verify', 'submit', 'status']) expect(steps).toContain(step);
});
