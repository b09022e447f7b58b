/**
 * How much of a run a sharded run could make in "free" windows, where no shard needs anyone
 * (docs/parallel-runs.md, "Exact without undo: free and tight windows").
 *
 * An applicant holds at most one application server at a time: a step's calls go in one after
 * the other, the next when the one before is answered, and the server is free by then (unless the
 * gateway gave up on a longer call first: a timeout, counted apart). And every step that starts
 * in a window [T, T + L) was scheduled before T, L being the least think time. So at T the
 * coordinator knows an upper bound on the servers the window can use at once: the steps that
 * overlap it, and when each of those starting in it starts. Until the step that could take one
 * server more than there are (or one use more than a backend's hour has left) starts, no call
 * can wait or be refused, whatever order the shards run it in: that part of the window is free,
 * and the shards run it on their own, exactly as one thread would. From that step on the window
 * is tight, and its calls must go through the coordinator one by one, in time order: serial
 * work, and an exchange per call.
 */
import FlatQueue from 'flatqueue';
import type { StepTrace } from './admission-rounds';
import { dealOut } from '../shared/deal';

const HOUR_MS = 3_600_000;

/** A backend's hourly throughput and the moments it was used (sorted or not). */
export interface BackendLoad { perHour: number; uses: readonly number[] }

export interface FreeWindowCount {
  /** Windows holding at least one event (empty stretches are skipped). */
  windows: number;
  /** Windows with a tight part. */
  tightWindows: number;
  /** The events that fall in tight parts of windows, and the calls sent in them. */
  eventsInTight: number;
  callsInTight: number;
  /** The most steps that overlapped one window. */
  peakSteps: number;
  /**
   * For each number of shards asked about (applicants dealt by index), the windows in which some
   * shard's own overlapping steps exceeded its share of the servers, counted once per such shard:
   * where shards running apart on server budgets would have to meet.
   */
  meetings: Record<number, number>;
}

export function freeWindows(
  eventTimes: readonly number[], steps: readonly StepTrace[], servers: number, windowMs: number, backends: readonly BackendLoad[] = [],
  shardCounts: readonly number[] = [],
): FreeWindowCount {
  const times = [...eventTimes].sort((a, b) => a - b);
  const spans = steps.map((s) => ({ from: s.calls[0]!.sentAt, to: s.calls.at(-1)!.answeredAt, applicant: s.applicant ?? 0 })).sort((a, b) => a.from - b.from);
  // Each shard count's shares of the servers, and its shards' overlapping steps.
  const sharded = shardCounts.map((k) => ({ k, shares: dealOut(servers, k), open: new Array<number>(k).fill(0) }));
  const overlap = (span: number, delta: number) => { for (const d of sharded) d.open[spans[span]!.applicant % d.k]! += delta; };
  const sends = steps.flatMap((s) => s.calls.map((c) => c.sentAt)).sort((a, b) => a - b);
  const used = backends.map((b) => [...b.uses].sort((x, y) => x - y));
  const usedNext = backends.map(() => 0);
  const hourFrom = backends.map(() => 0);
  const open = new FlatQueue<number>();
  let nextSpan = 0;
  let nextSend = 0;
  const count: FreeWindowCount = { windows: 0, tightWindows: 0, eventsInTight: 0, callsInTight: 0, peakSteps: 0, meetings: Object.fromEntries(shardCounts.map((k) => [k, 0])) };
  for (let i = 0; i < times.length;) {
    const start = times[i]!;
    const end = start + windowMs;
    // The steps overlapping [start, end): those under way at its start, and those starting in it
    // (each an event, so none starts in the empty stretch skipped before it).
    while (open.length > 0 && open.peekValue()! <= start) overlap(open.pop()!, -1);
    const underWay = open.length;
    const starts: number[] = [];
    while (nextSpan < spans.length && spans[nextSpan]!.from < end) {
      starts.push(spans[nextSpan]!.from);
      open.push(nextSpan, spans[nextSpan]!.to);
      overlap(nextSpan, 1);
      nextSpan += 1;
    }
    for (const d of sharded) for (let shard = 0; shard < d.k; shard += 1) if (d.open[shard]! > d.shares[shard]!) count.meetings[d.k]! += 1;
    count.peakSteps = Math.max(count.peakSteps, underWay + starts.length);
    // The window is free until the step that could take one server more than there are (or one
    // use more than a backend's hour has left) starts; from then on it is tight.
    const tightFrom = (room: number) => (underWay + starts.length <= room ? end : room < underWay ? start : starts[room - underWay]!);
    let from = tightFrom(servers);
    backends.forEach((b, k) => {
      const at = used[k]!;
      const hour = Math.floor(start / HOUR_MS) * HOUR_MS;
      while (hourFrom[k]! < at.length && at[hourFrom[k]!]! < hour) hourFrom[k]! += 1;
      if (usedNext[k]! < hourFrom[k]!) usedNext[k] = hourFrom[k]!;
      while (usedNext[k]! < at.length && at[usedNext[k]!]! < start) usedNext[k]! += 1;
      from = Math.min(from, tightFrom(b.perHour - (usedNext[k]! - hourFrom[k]!)));
    });
    count.windows += 1;
    if (from < end) count.tightWindows += 1;
    while (i < times.length && times[i]! < end) {
      if (times[i]! >= from) count.eventsInTight += 1;
      i += 1;
    }
    while (nextSend < sends.length && sends[nextSend]! < end) {
      if (sends[nextSend]! >= from) count.callsInTight += 1;
      nextSend += 1;
    }
  }
  return count;
}
