/**
 * In process, the portal draws an applicant's codes, tokens and captcha positions from the
 * stream their calls bring (CallerRandom): another applicant's extra calls leave them as they
 * were, where one stream shared in call order would shift them.
 */
import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../../rules';
import { createMemoryStore } from '../../../stub-server/store';
import { Portal, plainTextHasher, SettableClock } from '../../../stub-server/portal';
import { RandomStreams } from '../../random';
import { CallerRandom, InProcessClient } from '..';

/** Applicant B's captcha after applicant A asked for `aAsks` of their own; `ownStreams`: each call brings its applicant's stream. */
function captchaOfB(aAsks: number, ownStreams: boolean) {
  const streams = new RandomStreams(3);
  const random = new CallerRandom(streams.stream('portal'));
  const portal = new Portal({ rules: defaultRules, clock: new SettableClock(Date.parse('2026-07-01T09:00:00+08:00')), store: createMemoryStore(), random, passwords: plainTextHasher });
  const client = new InProcessClient(portal, random);
  const [a, b] = [1, 2].map((i) => streams.stream('behaviour').fork(i).fork('portal'));
  for (let k = 0; k < aAsks; k += 1) client.call('getCaptcha', {}, ownStreams ? { draws: a } : {});
  return (client.call('getCaptcha', {}, ownStreams ? { draws: b } : {}) as { body: { id: string; targetX: number } }).body;
}

describe('CallerRandom', () => {
  it("draws an applicant's captcha from their own stream, whatever others asked before", () => {
    expect(captchaOfB(3, true)).toEqual(captchaOfB(1, true));
    // One shared stream, for contrast: A's extra asks change B's captcha.
    expect(captchaOfB(3, false)).not.toEqual(captchaOfB(1, false));
  });

  it('draws from the shared stream again once the call is over, even when it throws', () => {
    const shared = new RandomStreams(3).stream('portal');
    const own = new RandomStreams(3).stream('behaviour').fork(1);
    const random = new CallerRandom(shared);
    expect(() => random.during(own, () => { random.int(10); throw new Error('refused'); })).toThrow('refused');
    const next = random.int(1000);
    expect(next).toBe(new RandomStreams(3).stream('portal').int(1000));
  });
});
