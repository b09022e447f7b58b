/**
 * The simulation environment: virtual time and the events due in it, run in time order.
 * Like SimPy's Environment, and as small: no real timers, no wall clock, no promises (a
 * microtask would run outside the event order). Time is ms since the Unix epoch, so the
 * simulation can serve the portal domain as its `Clock` (`{ now(): number }`).
 */
import { EventQueue, type EventId } from './event-queue';

export type Callback = () => void;

export interface RunOptions {
  /** Run the events due at or before this time, then move the clock to it. */
  until?: number;
  /** Stop after this many events (this run's count). */
  maxEvents?: number;
  /** Called every `progressEvery` events (default 100,000) and once at the end. */
  onProgress?: (progress: Progress) => void;
  progressEvery?: number;
}

export interface Progress {
  now: number;
  /** Events run in this `run` call. */
  events: number;
  pending: number;
}

export type StopReason = 'empty' | 'until' | 'maxEvents' | 'stopped';

export interface RunResult extends Progress { reason: StopReason }

export class Simulation {
  private readonly queue = new EventQueue<Callback>();
  private current: number;
  private total = 0;
  private running = false;
  private stopRequested = false;

  constructor(startMs = 0) {
    if (!Number.isFinite(startMs)) throw new RangeError(`start time ${startMs} is not finite`);
    this.current = startMs;
  }

  /** Virtual now, ms since the epoch. */
  now(): number { return this.current; }

  /** Events run since the simulation was made, over all `run` and `step` calls. */
  get eventCount(): number { return this.total; }

  /** Events waiting. */
  get pending(): number { return this.queue.size; }

  /**
   * Runs `callback` `delayMs` from now (0: after the events of its key already due now). `key`
   * orders events at one instant: an applicant's events go by the applicant's (index + 1), the
   * run's own by 0, so which acts first does not depend on which was scheduled first.
   */
  schedule(delayMs: number, callback: Callback, key = 0): EventId {
    if (!(delayMs >= 0 && delayMs < Number.POSITIVE_INFINITY)) throw new RangeError(`delay ${delayMs} must be finite and >= 0`);
    return this.queue.push(this.current + delayMs, callback, key);
  }

  /**
   * Runs an applicant's next action `delayMs` from now, which may not be less than `floorMs`,
   * their persona's least think time. That floor is the lookahead a run over many cores would
   * rely on (docs/parallel-runs.md): checked here, not assumed.
   */
  scheduleAction(delayMs: number, floorMs: number, callback: Callback, key = 0): EventId {
    if (!(delayMs >= floorMs)) throw new RangeError(`an action ${delayMs} ms after the event before it is sooner than the least think time (${floorMs} ms)`);
    return this.schedule(delayMs, callback, key);
  }

  /** Runs `callback` at `timeMs`, which may not be in the past (`key`: see `schedule`). */
  scheduleAt(timeMs: number, callback: Callback, key = 0): EventId {
    if (!(timeMs >= this.current && timeMs < Number.POSITIVE_INFINITY)) {
      throw new RangeError(`time ${timeMs} must be finite and not before now (${this.current})`);
    }
    return this.queue.push(timeMs, callback, key);
  }

  /** Cancels a pending event; false if it already ran or was cancelled. */
  cancel(id: EventId): boolean { return this.queue.cancel(id); }

  /** The time of the next event, or Infinity. */
  peek(): number { return this.queue.peekTime(); }

  /**
   * Moves the clock on to `timeMs` inside the running event, when no event is due until then:
   * the same as scheduling what follows at `timeMs` and running it next, without the event.
   * False, the clock unchanged, when an event is due at or before `timeMs`.
   */
  advanceTo(timeMs: number): boolean {
    if (!(timeMs >= this.current) || this.queue.peekTime() <= timeMs) return false;
    this.current = timeMs;
    return true;
  }

  /** Runs the next event; false if none is pending. Not from inside a callback. */
  step(): boolean {
    if (this.running) throw new Error('step() called from inside a running simulation');
    this.running = true;
    try { return this.fire(); } finally { this.running = false; }
  }

  private fire(): boolean {
    const callback = this.queue.pop();
    if (callback === undefined) return false;
    this.current = this.queue.poppedTime;
    this.total += 1;
    callback();
    return true;
  }

  /** Asks the current `run` to return after the event it is running. */
  stop(): void { this.stopRequested = true; }

  /**
   * Runs events in time order (equal times in schedule order) until none is left, `until`
   * is passed, `maxEvents` have run, or a callback calls `stop()`. A callback's exception
   * leaves the run at once, with the clock at that event's time.
   */
  run(options: RunOptions = {}): RunResult {
    if (this.running) throw new Error('run() called from inside a running simulation');
    const until = options.until ?? Number.POSITIVE_INFINITY;
    const maxEvents = options.maxEvents ?? Number.POSITIVE_INFINITY;
    const every = options.progressEvery ?? 100_000;
    const onProgress = options.onProgress;
    if (until < this.current) throw new RangeError(`until ${until} is before now (${this.current})`);

    this.running = true;
    this.stopRequested = false;
    let events = 0;
    let reason: StopReason = 'empty';
    try {
      for (;;) {
        if (this.stopRequested) { reason = 'stopped'; break; }
        if (events >= maxEvents) { reason = 'maxEvents'; break; }
        const next = this.queue.peekTime();
        if (next > until) { reason = 'until'; break; } // also when empty with a finite until
        if (next === Number.POSITIVE_INFINITY) { reason = 'empty'; break; }
        this.fire();
        events += 1;
        if (onProgress !== undefined && events % every === 0) onProgress(this.progress(events));
      }
      if (reason === 'until') this.current = until;
    } finally {
      this.running = false;
      this.stopRequested = false;
    }
    const result = { ...this.progress(events), reason };
    onProgress?.(result);
    return result;
  }

  private progress(events: number): Progress {
    return { now: this.current, events, pending: this.queue.size };
  }
}
