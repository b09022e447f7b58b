import type { PortalContext } from './context';
import { codeKey } from './codes/codes';
import type { CodePurpose, IssuedCode } from './records';
import { isFinal } from './registrations/transitions';

// Every channel and purpose a code is kept under (a new one fails to compile until listed).
const CHANNELS = Object.keys({ sms: 1, wechat: 1 } satisfies Record<IssuedCode['channel'], 1>) as IssuedCode['channel'][];
const PURPOSES = Object.keys({ register: 1, reset: 1, 'certificate-query': 1, 'change-phone': 1 } satisfies Record<CodePurpose, 1>) as CodePurpose[];

/**
 * Drops what no operation reads again: daily quota counters of days gone by (PortalContext's
 * countToday: only today's count is ever read). Returns how many went.
 */
export function sweepPastDays(ctx: PortalContext, now: number): number {
  const today = ctx.dateOf(now);
  let dropped = 0;
  for (const [key] of ctx.state.counters.entries()) {
    // Keys are `kind|subject|period` (PortalContext.count); a daily kind's period is its date.
    const kind = key.slice(0, key.indexOf('|'));
    if (ctx.dailyKinds.has(kind) && key.slice(key.lastIndexOf('|') + 1) < today) {
      ctx.state.counters.delete(key);
      dropped += 1;
    }
  }
  return dropped;
}

/**
 * Takes an applicant whose business is over out of the portal's working set: their account,
 * sessions, codes, messages, certificates, photos, reviews and applications. The simulator
 * does it when a journey has ended, so a season of millions holds only the applicants still
 * going. Refuses (false) while anything of theirs is still pending: an application before
 * its final conclusion or a manual review not yet decided, which the back office will reach.
 */
export function forgetApplicant(ctx: PortalContext, idNumber: string): boolean {
  const { state } = ctx;
  if (state.registrations.lookup('owner', idNumber).some((r) => !isFinal(r.conclusion))) return false;
  if (state.manualReviews.lookup('owner', idNumber).some((r) => r.status === 'pending')) return false;
  const account = state.accounts.get(idNumber);
  const recipients = [idNumber, ...(account ? [account.phone, account.email] : [])];
  for (const recipient of recipients) {
    state.outbox.deleteWhere('recipient', recipient);
    for (const channel of CHANNELS) for (const purpose of PURPOSES) state.codes.delete(codeKey(channel, recipient, purpose));
  }
  state.sessions.deleteWhere('owner', idNumber);
  state.certificates.deleteWhere('holder', idNumber);
  state.photos.deleteWhere('owner', idNumber);
  state.manualReviews.deleteWhere('owner', idNumber);
  state.registrations.deleteWhere('owner', idNumber);
  state.identities.delete(idNumber);
  state.loginGuards.delete(idNumber);
  state.accounts.delete(idNumber);
  return true;
}
