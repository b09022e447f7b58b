/**
 * Runs by key over a fixed number of threads: those asked for (`need`) first, in the order
 * asked; and, on a thread that would otherwise stand idle, runs that may be asked for soon
 * (`guess`). A run's result depends only on its key, so a guessed run that is later needed is
 * used as it is, and which runs were guessed never shows in what the caller reads from `need`.
 * Piscina queues in the order given, with no priorities: the two lines are kept here, and no
 * more runs are handed to it than it has threads.
 */
export class RunsAhead<R> {
  private readonly started = new Map<string, Promise<R>>();
  /** Needed, not yet started, in the order asked: each with the promise its askers hold. */
  private readonly needed = new Map<string, { promise: Promise<R>; settle: (run: Promise<R>) => void }>();
  private guesses: string[] = [];
  private running = 0;

  constructor(private readonly threads: number, private readonly start: (key: string) => Promise<R>) {
    if (!(Number.isInteger(threads) && threads >= 1)) throw new RangeError(`threads must be a whole number ≥ 1, not ${threads}`);
  }

  /** Runs started so far, needed or guessed. */
  get startedCount(): number { return this.started.size; }

  /** The run of `key`: the one already started (perhaps as a guess), or one started when a thread is free. */
  need(key: string): Promise<R> {
    const known = this.started.get(key) ?? this.needed.get(key)?.promise;
    if (known) return known;
    let settle!: (run: Promise<R>) => void;
    const promise = new Promise<R>((resolve, reject) => { settle = (run) => run.then(resolve, reject); });
    this.needed.set(key, { promise, settle });
    this.pump();
    return promise;
  }

  /** The runs worth starting on idle threads, most likely first; replaces the guesses before. */
  guess(keys: readonly string[]): void {
    this.guesses = keys.filter((key) => !this.started.has(key));
    this.pump();
  }

  private pump(): void {
    while (this.running < this.threads) {
      const [next] = this.needed;
      if (next) {
        this.needed.delete(next[0]);
        next[1].settle(this.begin(next[0]));
        continue;
      }
      const key = this.guesses.shift();
      if (key === undefined) return;
      // A guess's failure is for whoever needs it; unneeded, it is dropped.
      if (!this.started.has(key)) this.begin(key).catch(() => {});
    }
  }

  private begin(key: string): Promise<R> {
    this.running += 1;
    const run = this.start(key).finally(() => {
      this.running -= 1;
      this.pump();
    });
    this.started.set(key, run);
    return run;
  }
}
