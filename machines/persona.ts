/**
 * A persona: how one synthetic applicant behaves, as typed data drawn from a seeded source
 * (sim/population draws it). The machines read it in guards; the performer (what the
 * applicant types and uploads) reads it to decide typos, wrong passwords and photos.
 */
import type { Distribution } from './distribution';

export type CodeChannel = 'sms' | 'wechat';
export type ResetMethod = 'email' | 'sms' | 'wechat';
/** What is wrong with a photo the portal refuses: its bytes, its size in pixels, or its format. */
export type PhotoFault = 'tooLarge' | 'tooSmall' | 'tooWide' | 'tooNarrow' | 'tooTall' | 'notJpeg';

export interface Persona {
  /** Registered in an earlier year: signs in instead of registering. */
  hasAccount: boolean;
  /** That account dates from before 2019-03-01 (it cannot reset; must register again). */
  accountBefore2019: boolean;
  /** Forgot the password: goes through the reset. */
  forgotPassword: boolean;
  resetMethod: ResetMethod;
  /** Bound the WeChat service account earlier (WeChat reset possible). */
  wechatBound: boolean;
  codeChannel: CodeChannel;
  /** Chance a submitted form carries a wrong field (corrected on the next try). */
  typoRate: number;
  /** Chance a sign-in uses a wrong password. */
  wrongPasswordRate: number;
  /** Chance a slider drop misses the slot. */
  captchaMissRate: number;
  /** Chance an uploaded photo meets the rules; a refused one is retaken. */
  photoCompliance: number;
  /** What is wrong with a photo that does not, weighted. */
  photoFaults: Readonly<Record<PhotoFault, number>>;
  /** Chance of leaving the wizard midway (progress lost), and of declining the commitment. */
  leaveWizardRate: number;
  disagreeRate: number;
  patience: {
    /** Retries of one step before giving up. */
    retries: number;
    /** Days the applicant will wait for a quota to reset or a window to open. */
    waitDays: number;
    /** Looks at a pending manual review before giving up on it. */
    reviewChecks: number;
    /** Looks at a pending application before giving up on it (on-site confirmation, approval). */
    statusChecks: number;
    /** Seconds the applicant waits for a page (one portal call) before closing it to come back later. */
    answerSeconds: number;
    /** Presses again on a page that failed (an error, a timeout, too slow) before leaving to come back later. */
    pressAgain: number;
  };
  /** Seconds before pressing again on a page that failed: at once, or after a few seconds. */
  pressAgainSeconds: number;
  /** Seconds spent on a page or a form before the next action. */
  thinkTimeSeconds: Distribution;
  /**
   * The fewest seconds from an event of the applicant's to their next action at the portal: no
   * think time and no press again is shorter. A run over many cores would look ahead by it.
   */
  minThinkSeconds: number;
  /** Days between checks of the application's status. */
  checkEveryDays: number;
  /** Minutes before coming back to a step the portal failed (down, or slower than answerSeconds). */
  comeBackAfterMinutes: number;
  /**
   * Hours of the day (0-23, Beijing) the applicant prefers, weighted: when they come back
   * another day (a quota spent, a wizard left, a status to check), it is at one of these.
   * When in the window they first come is the arrival curve's (opening spike, deadline rush).
   */
  preferredHours: readonly number[];
  /** The public-security record is stale (fails until CTID is opened). */
  staleRecord: boolean;
  /** Only a pre-2008 certificate without a first registration: added by hand. */
  handAddedCertificate: boolean;
}
