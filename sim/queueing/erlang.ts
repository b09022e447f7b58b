/**
 * Queueing theory to check the simulation against: the M/M/c queue (Poisson arrivals at rate λ,
 * exponential service at rate μ per server, c servers, FIFO) in closed form by Erlang C. Rates
 * are per one time unit; the times returned are in that unit.
 */

export interface MMcFigures {
  /** Each server's utilisation, ρ = λ / (cμ). */
  utilisation: number;
  /** Erlang C: the chance an arrival waits, P(wait). */
  probabilityOfWaiting: number;
  /** Mean wait in the queue, Wq. */
  meanWait: number;
  /** Mean time in the system, W = Wq + 1/μ. */
  meanSojourn: number;
  /** Mean number waiting, Lq = λWq. */
  meanQueue: number;
  /** Mean number in the system, L = λW. */
  meanInSystem: number;
}

/** Erlang B: the blocking chance of c servers offered `a` erlangs, by the stable recurrence. */
export function erlangB(a: number, c: number): number {
  if (!(a >= 0) || !Number.isInteger(c) || c < 1) throw new RangeError(`erlangB needs a >= 0 and an integer c >= 1 (a=${a}, c=${c})`);
  let b = 1;
  for (let k = 1; k <= c; k += 1) b = (a * b) / (k + a * b);
  return b;
}

/** The M/M/c queue's figures; needs λ < cμ (no steady state otherwise). */
export function erlangC(lambda: number, mu: number, c: number): MMcFigures {
  if (!(lambda > 0 && mu > 0)) throw new RangeError(`erlangC needs λ > 0 and μ > 0 (λ=${lambda}, μ=${mu})`);
  const a = lambda / mu; // offered load, in servers
  const rho = a / c;
  if (!(rho < 1)) throw new RangeError(`erlangC: utilisation ${rho} >= 1 has no steady state`);
  const b = erlangB(a, c);
  const probabilityOfWaiting = b / (1 - rho * (1 - b)); // C from B: no factorials, finite for any c
  const meanWait = probabilityOfWaiting / (c * mu - lambda);
  const meanSojourn = meanWait + 1 / mu;
  return {
    utilisation: rho, probabilityOfWaiting, meanWait, meanSojourn,
    meanQueue: lambda * meanWait, meanInSystem: lambda * meanSojourn,
  };
}
