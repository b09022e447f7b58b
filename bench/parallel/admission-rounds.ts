/**
 * How many exchanges between shards and a coordinator a conservative parallel run would need to
 * admit a run's calls to the shared application servers in time order (docs/parallel-runs.md).
 *
 * A step's first call is known a lookahead ahead (it was scheduled at least `lookaheadMs` before
 * it starts). A step's later call is not: it goes in when the call before it is answered, and
 * what it is (or whether the step ends) is only known once the shard has run the call before it
 * against the applicant's records. So within a window [T, T + L) the coordinator admits the
 * calls it knows in time order, and must stop at the first moment an admitted call could be
 * followed by one it does not know yet (that call's answer time); then the shards run what was
 * admitted and report what follows: one exchange, a round. The window ends when nothing before
 * T + L is left; empty stretches are skipped.
 */
import FlatQueue from 'flatqueue';

/** One step's calls: when each was sent and when its answer came back (virtual ms); and whose, when known. */
export interface StepTrace { applicant?: number; calls: readonly { sentAt: number; answeredAt: number }[] }

export interface RoundCount { windows: number; rounds: number; calls: number }

export function admissionRounds(steps: readonly StepTrace[], lookaheadMs: number): RoundCount {
  const starts = steps.map((s, i) => ({ at: s.calls[0]!.sentAt, i })).sort((a, b) => a.at - b.at || a.i - b.i);
  // Calls the coordinator knows and has not admitted: (step, call index) by time.
  const known = new FlatQueue<number>();
  const knownCall: [number, number][] = [];
  const add = (step: number, call: number) => {
    knownCall.push([step, call]);
    known.push(knownCall.length - 1, steps[step]!.calls[call]!.sentAt);
  };
  let next = 0;
  let windows = 0;
  let rounds = 0;
  let calls = 0;
  while (next < starts.length || known.length > 0) {
    const begin = Math.min(known.peekValue() ?? Infinity, starts[next]?.at ?? Infinity);
    const end = begin + lookaheadMs;
    windows += 1;
    while (next < starts.length && starts[next]!.at < end) add(starts[next++]!.i, 0);
    while (known.length > 0 && known.peekValue()! < end) {
      rounds += 1;
      let horizon = end;
      const admitted: [number, number][] = [];
      while (known.length > 0 && known.peekValue()! < horizon) {
        const [step, call] = knownCall[known.pop()!]!;
        admitted.push([step, call]);
        calls += 1;
        horizon = Math.min(horizon, steps[step]!.calls[call]!.answeredAt);
      }
      // The exchange: the shards ran the admitted calls; what follows each is known now.
      for (const [step, call] of admitted) if (call + 1 < steps[step]!.calls.length) add(step, call + 1);
    }
  }
  return { windows, rounds, calls };
}
