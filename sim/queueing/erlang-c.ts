/**
 * The M/M/c queue in closed form (Erlang C): Poisson arrivals at rate λ, exponential service
 * at rate μ per server, c servers, FIFO. The simulator's queues are checked against it.
 */
export interface MMc { utilisation: number; probabilityOfWaiting: number; meanWait: number; meanSojourn: number; meanQueue: number }

export function erlangC(lambda: number, mu: number, c: number): MMc {
  const a = lambda / mu; // offered load, in servers
  const rho = a / c;
  if (!(rho < 1)) throw new RangeError(`utilisation ${rho} must be below 1 for a steady state`);
  // Σ_{k<c} a^k/k! and a^c/c!, built term by term to stay finite for large c.
  let term = 1;
  let sum = 0;
  for (let k = 0; k < c; k += 1) {
    sum += term;
    term *= a / (k + 1);
  }
  const tail = term / (1 - rho);
  const probabilityOfWaiting = tail / (sum + tail);
  const meanWait = probabilityOfWaiting / (c * mu - lambda);
  return { utilisation: rho, probabilityOfWaiting, meanWait, meanSojourn: meanWait + 1 / mu, meanQueue: lambda * meanWait };
}
