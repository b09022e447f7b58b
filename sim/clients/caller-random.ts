import type { PortalRandom } from '../../stub-server/portal';
import type { Rng } from '../random';

/**
 * The in-process portal's randomness (codes, tokens, captcha positions, injected faults' draws),
 * taken from the calling applicant's own stream while a call that brings one runs
 * (CallOptions.draws), and from the run's `portal` stream otherwise (the back office, tests).
 * What the portal draws for one applicant then depends on nobody else's calls: a rule that
 * changes one applicant's draws (longer codes, another captcha) shifts no one else's, and a run
 * split over many threads can draw them where the applicant lives (docs/parallel-runs.md).
 */
export class CallerRandom implements PortalRandom {
  private current: Rng | undefined;

  constructor(private readonly shared: Rng) {}

  int(max: number): number { return this.source().int(max); }

  /** Four base-36 parts of 30 bits, drawn left to right. */
  token(): string {
    const rng = this.source();
    return part(rng) + part(rng) + part(rng) + part(rng);
  }

  /** Runs `call` drawing from `draws` (none: the shared stream). Calls in process answer at once; a promise's later draws come from the shared stream. */
  during<T>(draws: Rng | undefined, call: () => T): T {
    const before = this.current;
    this.current = draws;
    try {
      return call();
    } finally {
      this.current = before;
    }
  }

  private source(): Rng { return this.current ?? this.shared; }
}

function part(rng: Rng): string {
  return rng.int(2 ** 30).toString(36).padStart(6, '0');
}
