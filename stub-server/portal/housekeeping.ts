import type { PortalContext } from './context';
import { isFinal } from './registrations/transitions';

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
 * How long an expired session is still answered SESSION_EXPIRED (not UNAUTHORIZED) before it is
 * swept, and how long a sent message stays readable in the outbox (readOutbox, for tests).
 */
const KEPT_A_DAY_MS = 86_400_000;

/**
 * What a long-running server sweeps on a timer: daily counters of days gone by; codes and reset
 * links past their expiry; sessions a day past theirs; outbox messages a day old; login guards
 * with nothing left to guard.
 * The captchas sweep themselves as they grow. Returns how many rows went, by table.
 */
export function sweepExpired(ctx: PortalContext, now: number): { counters: number; codes: number; sessions: number; outbox: number; loginGuards: number } {
  const { state } = ctx;
  const drop = <T>(table: { entries(): IterableIterator<[string, T]>; delete(key: string): void }, gone: (row: T) => boolean) => {
    let n = 0;
    for (const [key, row] of table.entries()) if (gone(row)) { table.delete(key); n += 1; }
    return n;
  };
  return {
    counters: sweepPastDays(ctx, now),
    codes: drop(state.codes, (c) => c.expiresAt <= now),
    sessions: drop(state.sessions, (s) => s.expiresAt + KEPT_A_DAY_MS <= now),
    outbox: drop(state.outbox, (m) => m.sentAt + KEPT_A_DAY_MS <= now),
    loginGuards: drop(state.loginGuards, (g) => g.failures === 0 && g.lockedUntil <= now),
  };
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
  // Its mail goes by the account, not the address: another account may share the mailbox.
  state.outbox.deleteWhere('account', idNumber);
  for (const recipient of [idNumber, ...(account ? [account.phone] : [])]) {
    state.outbox.deleteWhere('recipient', recipient);
    state.codes.deleteWhere('recipient', recipient);
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
