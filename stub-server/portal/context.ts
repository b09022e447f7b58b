import { checkRowShapes } from './row-shapes';
import { iso, localDate, nextLocalMidnight, WorkingCalendar, type Rules } from '../../rules';
import type { Store } from '../store';
import type { Clock } from './clock';
import { CaptchaBox } from './captcha/captcha-box';
import { cryptoRandom, type PortalRandom } from './random';
import { openState, type State } from './state';
import { FaultBox } from './faults/fault-box';
import { scryptHasher, type PasswordHasher } from './identity/passwords';
import type { FaultConfig } from './faults/config';
import { PortalProblem } from './problem';

export interface PortalDeps {
  rules: Rules;
  clock: Clock;
  store: Store;
  /** Defaults to the cryptographic source; the simulator passes a seeded one. */
  random?: PortalRandom;
  /** Injected faults in force from the start (`serve --faults FILE`); setFaults replaces them. */
  faults?: FaultConfig;
  /** Defaults to scrypt at the rules' cost; the in-process simulator passes a cheap one. */
  passwords?: PasswordHasher;
  /**
   * Keep each personal photo's file, for the application form to print (default). The
   * in-process simulator keeps only what was read from it: nothing reads its forms' images,
   * and a season's photos would take gigabytes.
   */
  keepPhotoFiles?: boolean;
  /**
   * How the portal's numbers (application numbers, ids, message numbers) are issued: each
   * sequence's k-th is `first + (k - 1) * step` (default 1, 1). A shard of a run over many cores
   * issues its own numbers from its own `first` in steps of the shards' count, so no two shards
   * issue the same one; numbers are keys only (sim/runner/test/sequence-values.test.ts).
   */
  numbering?: { first: number; step: number };
}

/** What every operation works with: the rules, the clock, the state, randomness. */
export class PortalContext {
  readonly rules: Rules;
  readonly clock: Clock;
  readonly store: Store;
  readonly random: PortalRandom;
  readonly state: State;
  readonly calendar: WorkingCalendar;
  /** Captchas live only in memory, as a real captcha cache does: a restart invalidates them. */
  readonly captchas: CaptchaBox;
  /** Refusals by problem code since start (getStats). */
  readonly refusals = new Map<string, number>();
  /** Injected faults (test control): per operation, and the SMS gateway and registry backends. */
  readonly faults: FaultBox;
  readonly passwords: PasswordHasher;
  /** Every operationId the portal serves (setFaults names only these). */
  readonly operationIds: ReadonlySet<string>;
  readonly keepPhotoFiles: boolean;
  private readonly numbering: { first: number; step: number };

  constructor(deps: PortalDeps, operationIds: Iterable<string>) {
    this.rules = deps.rules;
    this.clock = deps.clock;
    this.store = deps.store;
    this.random = deps.random ?? cryptoRandom;
    this.state = openState(deps.store);
    checkRowShapes(this.state);
    this.calendar = new WorkingCalendar(deps.rules);
    this.captchas = new CaptchaBox(this.rules, this.random);
    this.faults = new FaultBox(this.random, deps.faults);
    this.passwords = deps.passwords ?? scryptHasher(deps.rules);
    this.operationIds = new Set(operationIds);
    this.keepPhotoFiles = deps.keepPhotoFiles ?? true;
    this.numbering = deps.numbering ?? { first: 1, step: 1 };
  }

  now(): number { return this.clock.now(); }

  /** The local (Beijing) date of a moment. */
  dateOf(ms: number): string { return localDate(ms, this.rules.time.utcOffsetMinutes); }

  nextMidnight(ms: number): number { return nextLocalMidnight(ms, this.rules.time.utcOffsetMinutes); }

  /** A moment as answers give it: ISO 8601 in local (Beijing) time with its offset; null when it has not happened. */
  iso(ms: number): string;
  iso(ms: number | undefined): string | null;
  iso(ms: number | undefined): string | null { return iso(ms, this.rules.time.utcOffsetMinutes); }

  /** Counts a refusal by its problem code (getStats), whichever layer refused; returns it to throw on. */
  refused<E>(error: E): E {
    if (error instanceof PortalProblem) this.refusals.set(error.code, (this.refusals.get(error.code) ?? 0) + 1);
    return error;
  }

  /** The next number of a named sequence, persisted. */
  nextSeq(name: string): number {
    const last = this.state.sequences.get(name);
    const next = last === undefined ? this.numbering.first : last + this.numbering.step;
    this.state.sequences.set(name, next);
    return next;
  }

  /** A quota counter's value, keyed `kind|subject|period`. */
  counted(kind: string, subject: string, period: string): number {
    return this.state.counters.get(`${kind}|${subject}|${period}`) ?? 0;
  }

  /** Kinds counted per Beijing day: only today's count is ever read, so older ones may be swept. */
  readonly dailyKinds = new Set<string>();

  /** A daily quota counter's value today (Beijing). */
  countedToday(kind: string, subject: string, now: number): number {
    this.dailyKinds.add(kind);
    return this.counted(kind, subject, this.dateOf(now));
  }

  countToday(kind: string, subject: string, now: number): number {
    this.dailyKinds.add(kind);
    return this.count(kind, subject, this.dateOf(now));
  }

  count(kind: string, subject: string, period: string): number {
    const key = `${kind}|${subject}|${period}`;
    const next = (this.state.counters.get(key) ?? 0) + 1;
    this.state.counters.set(key, next);
    return next;
  }
}
