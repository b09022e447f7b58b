import { ask, clearTries, giveUp, milestone, on, patiently, retry, wait } from './steps';

/**
 * Identity (SPEC §3, §4): the first-login profile, then real-name verification with its daily
 * quota; a stale record sends resident-ID holders to the CTID app, and what still fails goes
 * to manual review, waited out in checks, resubmitted after a rejection, given up when the
 * cycle's reviews are spent.
 */
export const verificationPhase = {
  initial: 'profile',
  states: {
    profile: ask('profile', 'completeProfile', [
      on('ok', '#verify', clearTries('profile')),
      retry('INVALID', 'profile', 'form-errors'),
    ]),
    verify: ask('verify', 'verifyRealName', [
      on('passed', '#registration', milestone('verified')),
      on('failed:open-ctid', 'ctid'),
      on('failed:manual-review', 'review'),
      patiently('REAL_NAME_DAILY_QUOTA_EXCEEDED', 'realNameQuota', 'verifyWait', 'real-name-quota', 'waitDays', 'verify'),
      on('MANUAL_REVIEW_PENDING', 'reviewWaiting'),
    ]),
    verifyWait: wait('untilTomorrow', 'verify'),
    ctid: ask('ctid', 'openCtid', [
      on('ok', 'verify'),
      on('CTID_RESIDENT_ID_ONLY', 'review'),
    ]),
    review: ask('review', 'submitManualReview', [
      on('ok', 'reviewWaiting', clearTries('review')),
      retry('PHOTO_REFUSED', 'review', 'photo-refused'),
      giveUp('MANUAL_REVIEW_CYCLE_QUOTA_EXCEEDED', 'review', 'manual-review-quota'),
      on('MANUAL_REVIEW_PENDING', 'reviewWaiting'),
      on('ALREADY_VERIFIED', '#registration', milestone('verified')),
    ]),
    reviewWaiting: wait('nextCheck', 'reviewCheck'),
    reviewCheck: ask('reviewCheck', 'getManualReview', [
      patiently('pending', 'reviewWait', 'reviewWaiting', 'review-too-slow', 'reviewChecks', 'reviewCheck'),
      on('approved', '#registration', milestone('verified')),
      patiently('rejected', 'reviewResubmit', 'review', 'review-rejected', 'retries', 'reviewCheck'),
    ]),
  },
};
