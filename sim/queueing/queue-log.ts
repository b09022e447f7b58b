/**
 * A queue over a run, as queueing theory names it: requests that came (`arrivals`) and were
 * served; utilisation, overall and in the busiest hour (a daily desk: its busiest day); mean
 * number in the system (`l`) and waiting (`lq`), as time averages over the period; mean time in
 * the system of those served (`wSeconds`), mean wait of those whose service began (`wqSeconds`)
 * and the share of them that waited (`pWait`).
 */
export interface QueueFigures {
  arrivals: number; served: number; utilisation: number; peakHourUtilisation: number;
  l: number; lq: number; wSeconds: number; wqSeconds: number; pWait: number;
}

/** The sums a queue's figures come from, however the queue keeps them. */
export interface QueueSums {
  arrivals: number;
  /** Services begun, and those of them that waited first. */
  begun: number; waited: number;
  served: number;
  /** ∫ number waiting dt and ∫ number in the system dt over the period, ms. */
  waitingArea: number; systemArea: number;
  /** Σ waits of services begun, Σ times in system of those served, ms. */
  waitSum: number; sojournSum: number;
  periodMs: number;
  utilisation: number; peakHourUtilisation: number;
}

/** Queue figures to four decimals, as reports give them. */
export const roundFigure = (x: number): number => Number(x.toFixed(4));
const per = (x: number, n: number) => (n > 0 ? x / n : 0);

export function queueFigures(s: QueueSums): QueueFigures {
  return {
    arrivals: s.arrivals, served: s.served,
    utilisation: roundFigure(s.utilisation), peakHourUtilisation: roundFigure(s.peakHourUtilisation),
    l: roundFigure(per(s.systemArea, s.periodMs)), lq: roundFigure(per(s.waitingArea, s.periodMs)),
    wSeconds: roundFigure(per(s.sojournSum, s.served) / 1000), wqSeconds: roundFigure(per(s.waitSum, s.begun) / 1000),
    pWait: roundFigure(per(s.waited, s.begun)),
  };
}

/**
 * Keeps a queue's sums as its jobs arrive, begin and end: the areas under the number waiting and
 * the number in the system are exact time averages over the period, whatever was in the queue
 * when it began or is left when it ends (so Little's law is a check, not an identity).
 */
export class QueueLog {
  private sums = QueueLog.empty();
  private since: number;
  private last: number;
  private waiting = 0;
  private inService = 0;

  constructor(now: number) {
    this.since = now;
    this.last = now;
  }

  private static empty() {
    return { arrivals: 0, begun: 0, waited: 0, served: 0, waitingArea: 0, systemArea: 0, waitSum: 0, sojournSum: 0 };
  }

  /** Starts the period afresh at `now` (after a warm-up): the jobs in the queue stay. */
  restart(now: number): void {
    this.advance(now);
    this.since = now;
    this.sums = QueueLog.empty();
  }

  /** The number in the system now. */
  get inSystem(): number { return this.waiting + this.inService; }

  /** When the period began, and how many were served since. */
  get startedAt(): number { return this.since; }
  get served(): number { return this.sums.served; }

  arrive(now: number): void {
    this.advance(now);
    this.waiting += 1;
    this.sums.arrivals += 1;
  }

  /** A job that arrived at `arrivedAt` begins its service. */
  begin(now: number, arrivedAt: number): void {
    this.advance(now);
    this.waiting -= 1;
    this.inService += 1;
    this.sums.begun += 1;
    this.sums.waitSum += now - arrivedAt;
    if (now > arrivedAt) this.sums.waited += 1;
  }

  /** A job that arrived at `arrivedAt` leaves, served. */
  end(now: number, arrivedAt: number): void {
    this.advance(now);
    this.inService -= 1;
    this.sums.served += 1;
    this.sums.sojournSum += now - arrivedAt;
  }

  /** The figures from the period's start to `now`, with the utilisations the queue's owner measures its own way. */
  figures(now: number, use: { utilisation: number; peakHourUtilisation: number }): QueueFigures {
    this.advance(now);
    return queueFigures({ ...this.sums, periodMs: now - this.since, ...use });
  }

  private advance(now: number): void {
    const dt = now - this.last;
    if (dt <= 0) return;
    this.sums.waitingArea += this.waiting * dt;
    this.sums.systemArea += (this.waiting + this.inService) * dt;
    this.last = now;
  }
}
