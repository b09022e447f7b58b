import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { RulesOverride } from '../../rules';
import type { Scenario } from '../../scenarios';
import type { Report } from '../runner';

/** One run of the simulator: a scenario (data), its seed, applicants and rule change. */
export interface RunJob { scenario: Scenario; seed: number; applicants?: number; rules?: RulesOverride }

/** What a worker answers: the job's report, or why it failed. */
export type RunAnswer = { id: number; report: Report } | { id: number; error: string };

interface Pending { id: number; job: RunJob; resolve: (report: Report) => void; reject: (error: Error) => void }

/**
 * Runs of the simulator spread over worker threads, one run at a time per worker: each
 * free worker takes the next job, so uneven runs still keep every core busy. A run's report
 * depends only on its job, so which worker ran it never shows in the result.
 */
export class RunPool {
  private readonly queue: Pending[] = [];
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private readonly workers: Worker[];
  private nextId = 0;
  private failure: Error | null = null;

  /** `workers` threads (default: the machine's cores), no more than the `runs` there will be. */
  constructor(workers: number | undefined, runs: number) {
    const size = Math.max(1, Math.min(workers ?? availableParallelism(), runs));
    this.workers = Array.from({ length: size }, () => this.spawn());
    this.idle.push(...this.workers);
  }

  run(job: RunJob): Promise<Report> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops the workers; jobs not yet answered are refused. */
  async close(): Promise<void> {
    this.fail(new Error('the run pool was closed'));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url));
    worker.on('message', (answer: RunAnswer) => {
      const pending = this.busy.get(worker);
      this.busy.delete(worker);
      this.idle.push(worker);
      if (pending && pending.id === answer.id) {
        if ('report' in answer) pending.resolve(answer.report);
        else pending.reject(new Error(answer.error));
      }
      this.dispatch();
    });
    // A worker that dies takes its run with it; the pool cannot promise the rest either.
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => { if (code !== 0) this.fail(new Error(`a simulation worker exited with code ${code}`)); });
    return worker;
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.shift()!;
      const pending = this.queue.shift()!;
      this.busy.set(worker, pending);
      worker.postMessage({ id: pending.id, job: pending.job });
    }
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const pending of [...this.busy.values(), ...this.queue.splice(0)]) pending.reject(error);
    this.busy.clear();
  }
}
