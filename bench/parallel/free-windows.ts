/**
 * How much of a run a sharded run could make in "free" windows, where no shard needs anyone
 * (docs/parallel-runs.md, "Exact without undo: free and tight windows").
 *
 * An applicant holds at most one application server at a time: a step's calls go in one after
 * the other, the next when the one before is answered, and the server is free by then (unless the
 * gateway gave up on a longer call first: a timeout, counted apart). And every step that starts
 * in a window [T, T + L) was scheduled before T, L being the least think time. So at T the
 * coordinator knows an upper bound on the servers the window can use at once: the steps that
 * overlap it. If that is at most the servers (and, for each backend, the hour's uses so far plus
 * those steps stay within its hourly throughput), no call in the window can wait or be refused,
 * whatever order the shards run it in: the window is free, and the shards run it on their own,
 * exactly as one thread would. Otherwise the window is tight, and its calls must go through the
 * coordinator one by one, in time order: serial work, and an exchange per call.
 */
import FlatQueue from 'flatqueue';
import type { StepTrace } from './admission-rounds';

const HOUR_MS = 3_600_000;

/** A backend's hourly throughput and the moments it was used (sorted or not). */
export interface BackendLoad { perHour: number; uses: readonly number[] }

export interface FreeWindowCount {
  /** Windows holding at least one event (empty stretches are skipped). */
  windows: number;
  tightWindows: number;
  /** The events that fall in tight windows, and the calls sent in them. */
  eventsInTight: number;
  callsInTight: number;
  /** The most steps that overlapped one window. */
  peakSteps: number;
}

export function freeWindows(
  eventTimes: readonly number[], steps: readonly StepTrace[], servers: number, windowMs: number, backends: readonly BackendLoad[] = [],
): FreeWindowCount {
  const times = [...eventTimes].sort((a, b) => a - b);
  const spans = steps.map((s) => ({ from: s.calls[0]!.sentAt, to: s.calls.at(-1)!.answeredAt })).sort((a, b) => a.from - b.from);
  const sends = steps.flatMap((s) => s.calls.map((c) => c.sentAt)).sort((a, b) => a - b);
  const used = backends.map((b) => [...b.uses].sort((x, y) => x - y));
  const usedNext = backends.map(() => 0);
  const hourFrom = backends.map(() => 0);
  const open = new FlatQueue<number>();
  let nextSpan = 0;
  let nextSend = 0;
  const count: FreeWindowCount = { windows: 0, tightWindows: 0, eventsInTight: 0, callsInTight: 0, peakSteps: 0 };
  for (let i = 0; i < times.length;) {
    const start = times[i]!;
    const end = start + windowMs;
    let events = 0;
    while (i < times.length && times[i]! < end) { i += 1; events += 1; }
    // The steps overlapping [start, end): begun before its end, not answered by its start.
    while (nextSpan < spans.length && spans[nextSpan]!.from < end) { open.push(nextSpan, spans[nextSpan]!.to); nextSpan += 1; }
    while (open.length > 0 && open.peekValue()! <= start) open.pop();
    const overlapping = open.length;
    count.peakSteps = Math.max(count.peakSteps, overlapping);
    // Each backend: its uses so far in the window's hour, plus one per overlapping step at most.
    const backendFull = backends.some((b, k) => {
      const at = used[k]!;
      const hour = Math.floor(start / HOUR_MS) * HOUR_MS;
      while (hourFrom[k]! < at.length && at[hourFrom[k]!]! < hour) hourFrom[k]! += 1;
      if (usedNext[k]! < hourFrom[k]!) usedNext[k] = hourFrom[k]!;
      while (usedNext[k]! < at.length && at[usedNext[k]!]! < start) usedNext[k]! += 1;
      return usedNext[k]! - hourFrom[k]! + overlapping > b.perHour;
    });
    let calls = 0;
    while (nextSend < sends.length && sends[nextSend]! < end) { nextSend += 1; calls += 1; }
    count.windows += 1;
    if (overlapping > servers || backendFull) {
      count.tightWindows += 1;
      count.eventsInTight += events;
      count.callsInTight += calls;
    }
  }
  return count;
}
