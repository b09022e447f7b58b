import type { RulesOverride } from '../../rules';
import type { PersonaMix } from '../population';
import type { ReviewersConfig } from '../back-office';
import type { ServersConfig } from '../capacity';

/**
 * A province's part in a scenario: its share of applicants and its online window (Beijing dates).
 * Its registration body has one on-site confirmation point per teaching stage (sim/runner/world.ts).
 */
export interface ProvinceWindow {
  /** Province code (2 digits), e.g. '35' Fujian. */
  code: string;
  /** Share of the scenario's applicants (normalised over the provinces). */
  share: number;
  window: { from: string; to: string };
}

/** The shape of the arrival rate over a window, from readable pieces (sim/arrivals). */
export interface ArrivalShape {
  /** The opening day draws `multiplier` times the usual rate, decaying over `decayDays`. */
  openingSpike?: { multiplier: number; decayDays: number };
  /** The last `days` draw `multiplier` times the usual rate. */
  deadlineRush?: { days: number; multiplier: number };
  /** Relative weight of each Beijing hour (24 numbers); default: office hours and evenings. */
  hourOfDay?: number[];
  /** Relative weight of each weekday, Sunday first (7 numbers). */
  weekday?: number[];
}

export interface BackOfficeConfig {
  reviewers: ReviewersConfig;
  confirmation: { perPointPerDay: number; passRate: number; messageRate: number };
  /**
   * Registration bodies: decisions a day, the final conclusions' weights, and the share of
   * decisions (at any tier) that send the application back to 网报待确认 with a message asking
   * for a change (SPEC §6: modifying after confirmation needs the institution to set it back).
   */
  approval: { perInstitutionPerDay: number; revertRate: number; outcomes: { 注册合格: number; 暂缓注册: number; 注册不合格: number } };
}

export interface CapacityConfig {
  /** Application servers: count, mean service time per operation (ms), timeout. */
  servers: ServersConfig;
  /** The SMS gateway's throughput, messages an hour: past it, SMS requests are refused (503) until the next hour. */
  smsGateway: { perHour: number };
  /** The public-security registry's throughput, real-name checks an hour: past it, verifyRealName is refused (503) until the next hour. */
  registry: { perHour: number };
}

/**
 * A scenario: the week (or season) it simulates, as data a planner can read. Every field
 * but the name, description and provinces has a default (scenarios/defaults.ts); a scenario
 * file (scenarios/) states the rest.
 */
export interface Scenario {
  name: string;
  description: string;
  /** The description in Chinese, for `--lang zh` reports. */
  descriptionZh?: string;
  seed: number;
  applicants: number;
  provinces: ProvinceWindow[];
  /** Days simulated after the last window closes (confirmation, approval, late reviews). */
  followUpDays: number;
  arrivals: ArrivalShape;
  /**
   * Stale public-security records, the share of those CTID does not fix (default 0.3),
   * accounts already verified in earlier years (default 0.5), the persona mix.
   */
  population: { staleRate: number; ctidFailRate: number; verifiedAccounts: number; persona?: Partial<PersonaMix> };
  backOffice: BackOfficeConfig;
  capacity: CapacityConfig;
  /** Pass/fail lines checked on the report (`funnel.approvedRate >= 0.9`); see reports/thresholds. */
  thresholds?: string[];
  /** Faults the portal is started with (stub-server/portal/faults: per operation, SMS gateway, registry). */
  faults?: Record<string, unknown>;
  /** Rule changes this scenario runs under (merged over the defaults, then over --rules). */
  rules?: RulesOverride;
}
