/**
 * In a run, every draw made for an applicant comes from that applicant's own streams: their
 * calls' service times from their `servers` fork, what the portal draws on their calls (codes,
 * tokens, captcha) from their `portal` fork, the back office's reviews and decisions on their
 * registration from their `backOffice` fork. (sim/capacity/test/own-streams.test.ts shows
 * why that keeps two rule sets in step.)
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scenarioByName } from '../../../scenarios';
import { DailyDesk, ReviewDesk } from '../../back-office';
import { ApplicationServers } from '../../capacity';
import type { Rng } from '../../random';
import { CallerRandom } from '../../clients';
import { runScenario } from '..';

afterEach(() => { vi.restoreAllMocks(); });

/** `…/behaviour/<index>/<purpose>`: whose fork a stream is, and for what. */
const forkOf = (stream: Rng | undefined) => /\/behaviour\/(\d+)\/(\w+)$/.exec(stream?.key ?? '')?.slice(1);

describe("an applicant's own streams in a run", () => {
  it("give every service time, portal's draw, review and desk decision, one fork per applicant and purpose", async () => {
    const admitted: (Rng | undefined)[] = [];
    const drawn: (Rng | undefined)[] = [];
    const during = CallerRandom.prototype.during;
    vi.spyOn(CallerRandom.prototype, 'during').mockImplementation(function <T>(this: CallerRandom, draws: Rng | undefined, call: () => T) {
      drawn.push(draws);
      return during.call(this, draws, call) as T;
    });
    const reviewed: (Rng | undefined)[] = [];
    const atDesks: (Rng | undefined)[] = [];
    const admit = ApplicationServers.prototype.admit;
    vi.spyOn(ApplicationServers.prototype, 'admit').mockImplementation(function (this: ApplicationServers, op, now, stream) {
      admitted.push(stream);
      return admit.call(this, op, now, stream);
    });
    const submit = ReviewDesk.prototype.submit;
    vi.spyOn(ReviewDesk.prototype, 'submit').mockImplementation(function (this: ReviewDesk, id, stream) {
      reviewed.push(stream);
      submit.call(this, id, stream);
    });
    const add = DailyDesk.prototype.add;
    vi.spyOn(DailyDesk.prototype, 'add').mockImplementation(function (this: DailyDesk<unknown>, queue, item) {
      atDesks.push((item as { draws?: Rng }).draws);
      add.call(this, queue, item);
    });
    await runScenario(scenarioByName('review-backlog'), { seed: 5, applicants: 400 });

    // The portal's draws in seeding an applicant come from their population fork, in their calls from their portal fork.
    const seeding = drawn.filter((s) => /\/population\/accounts\/\d+$/.test(s?.key ?? ''));
    expect(seeding.length).toBeGreaterThan(0);
    const calling = drawn.filter((s) => !seeding.includes(s));
    for (const [streams, purpose] of [[admitted, 'servers'], [calling, 'portal'], [reviewed, 'backOffice'], [atDesks, 'backOffice']] as const) {
      expect(streams.length).toBeGreaterThan(0);
      expect(streams.every((s) => forkOf(s)?.[1] === purpose)).toBe(true);
    }
    // One stream object per applicant: the same one for all their calls, another for anyone else.
    const byApplicant = new Map<string, Set<Rng>>();
    for (const s of admitted) byApplicant.set(forkOf(s)![0]!, (byApplicant.get(forkOf(s)![0]!) ?? new Set()).add(s!));
    expect(byApplicant.size).toBeGreaterThan(350);
    expect([...byApplicant.values()].every((set) => set.size === 1)).toBe(true);
  }, 60_000);
});
