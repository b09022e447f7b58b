import type { Simulation } from '../engine';
import type { WorkTracker } from '../runner';
import { sleep, wallMs, type ServerTime } from './wall-clock';
import type { Abort, Watchdog } from './watchdog';

/** Events stepped before the loop lets answers in: a backlog must not starve the sockets. */
const STEPS_PER_TURN = 2_000;
/** The loop's longest sleep, so it looks at the watchdog and progress often enough. */
const MAX_SLEEP_MS = 50;
const TICK_EVERY_MS = 250;

/** Wakes a sleeping loop early: an answer arrived and scheduled an event for now. */
export class Waker {
  private wake: (() => void) | undefined;
  kick(): void { this.wake?.(); }
  wait(ms: number): Promise<void> {
    return Promise.race([sleep(ms), new Promise<void>((resolve) => { this.wake = resolve; })]).finally(() => { this.wake = undefined; });
  }
}

export interface PacedResult {
  aborted?: Abort & { at: number };
  /** How late events ran behind the server's clock, real ms: the generator's own overload. */
  lagMs: { max: number; mean: number };
}

/**
 * Steps a simulation in real time: an event runs when the server's clock reaches it. Open
 * model: arrivals come at their times however slow the server is, and answers re-enter as
 * events when they arrive. Ends at `end`, when nothing is left to happen, when the
 * watchdog finds the server dead, or when `signal` is aborted.
 */
export async function pacedDrive(args: {
  sim: Simulation; end: number; work: WorkTracker; tick: () => void; time: ServerTime; waker: Waker; watchdog: Watchdog; signal?: AbortSignal;
}): Promise<PacedResult> {
  const { sim, end, work, tick, time, waker, watchdog, signal } = args;
  let lastTick = wallMs();
  let lagMax = 0;
  let lagSum = 0;
  let stepped = 0;
  for (;;) {
    const now = time.now();
    for (let turn = 0; turn < STEPS_PER_TURN && sim.peek() <= Math.min(now, end); turn += 1) {
      const lag = (now - sim.peek()) / time.scale;
      lagMax = Math.max(lagMax, lag);
      lagSum += lag;
      stepped += 1;
      sim.step();
    }
    watchdog.look();
    if (watchdog.verdict) return { aborted: { ...watchdog.verdict, at: time.now() }, lagMs: lagOf(lagMax, lagSum, stepped) };
    if (wallMs() - lastTick >= TICK_EVERY_MS) { tick(); lastTick = wallMs(); }
    const idle = sim.peek() > end && !work.busy;
    if (idle || now >= end || signal?.aborted) break;
    const until = Math.min(sim.peek(), end);
    const waitMs = sim.peek() <= now ? 0 : Math.min(Math.max(time.realMsUntil(until), 1), MAX_SLEEP_MS);
    if (waitMs === 0) await new Promise((resolve) => setImmediate(resolve));
    else await waker.wait(waitMs);
  }
  return { lagMs: lagOf(lagMax, lagSum, stepped) };
}

const lagOf = (max: number, sum: number, n: number) => ({ max: Math.round(max), mean: n > 0 ? Math.round((sum / n) * 10) / 10 : 0 });
