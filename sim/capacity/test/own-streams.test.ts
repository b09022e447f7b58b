/**
 * Each applicant's calls take their service times from the applicant's own stream: one
 * applicant making another call shifts no one else's latency (common random numbers hold
 * between two rule sets), while one stream for everyone would shift every later call's.
 */
import { describe, expect, it } from 'vitest';
import { RandomStreams, sample, type Rng } from '../../random';
import { ApplicationServers } from '..';

const SECOND = 1_000;

/** Y's latencies when X calls at the given moments beside Y's calls at 0, 10, 20 … s. */
function latenciesOfY(xCalls: readonly number[], ownStreams: boolean): number[] {
  const streams = new RandomStreams('own-streams');
  const shared = streams.stream('portal');
  const x = streams.stream('behaviour').fork(1);
  const y = streams.stream('behaviour').fork(2);
  // Servers enough that nothing waits: a latency is its service time alone.
  const servers = new ApplicationServers({ servers: 50, serviceMs: { default: 500 }, timeoutMs: 60 * SECOND }, (d, stream) => sample(d, stream ?? shared));
  const calls: { at: number; who: 'x' | 'y' }[] = [
    ...xCalls.map((at) => ({ at, who: 'x' as const })),
    ...[0, 10, 20, 30, 40].map((s) => ({ at: s * SECOND, who: 'y' as const })),
  ].sort((a, b) => a.at - b.at);
  const own: Record<'x' | 'y', Rng> = { x, y };
  const latencies: number[] = [];
  for (const { at, who } of calls) {
    const { latencyMs } = servers.admit('login', at, ownStreams ? own[who] : undefined);
    if (who === 'y') latencies.push(latencyMs);
  }
  return latencies;
}

describe("each applicant's own service-time stream", () => {
  it("leaves another applicant's latencies as they were when one applicant calls once more", () => {
    const before = latenciesOfY([5 * SECOND, 25 * SECOND], true);
    const after = latenciesOfY([5 * SECOND, 15 * SECOND, 25 * SECOND], true);
    expect(after).toEqual(before);
  });

  it('is what keeps them: one stream for every call would shift them', () => {
    const before = latenciesOfY([5 * SECOND, 25 * SECOND], false);
    const after = latenciesOfY([5 * SECOND, 15 * SECOND, 25 * SECOND], false);
    expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
    expect(after.slice(2)).not.toEqual(before.slice(2));
  });
});
