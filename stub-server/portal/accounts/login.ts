import { z } from 'zod';
import { applicantOperation, publicOperation } from '../operation';
import { captchaToken, idNumber, text } from '../fields';
import { quotaExceeded, unauthorized } from '../problem';
import { secondsUntil } from '../../../rules';
import { andThen, type MaybePromise } from '../maybe-async';
import type { PortalContext } from '../context';
import { done, maybeMoment, moment } from '../answer-fields';
import { withFields } from '../with-fields';

/** 429 while repeated wrong passwords keep the account locked. */
function refuseIfLocked(ctx: PortalContext, id: string, now: number): void {
  const guard = ctx.state.loginGuards.get(id);
  if (guard && guard.lockedUntil > now) {
    throw quotaExceeded('LOGIN_LOCKED', `too many wrong passwords: locked for ${ctx.rules.login.lockMinutes} minutes`, secondsUntil(now, guard.lockedUntil));
  }
}

export const login = publicOperation({
  operationId: 'login',
  output: z.object({ token: z.string(), expiresAt: moment(), profileComplete: z.boolean(), realNameStatus: z.enum(['unverified', 'verified']), lastLoginAt: maybeMoment() }),
  refuses: ['WRONG_CREDENTIALS', 'LOGIN_LOCKED'],
  summary: 'Sign in with ID number, password and a captcha token; repeated wrong passwords lock the account for a while',
  section: '§1, §7',
  captcha: true,
  input: () => z.object({ idNumber: idNumber(), password: text(200), captchaToken: captchaToken() }),
  run: ({ ctx, input, now }) => {
    const { state, rules } = ctx;
    const id = input.idNumber.toUpperCase();
    refuseIfLocked(ctx, id, now);
    const hashed = state.accounts.get(id);
    // An unknown ID costs the same hash as a wrong password.
    const verified: MaybePromise<boolean> = ctx.passwords.verify(input.password, hashed?.passwordHash ?? ctx.passwords.decoy);
    return andThen(verified, (matches) => {
      const passwordOk = hashed !== undefined && matches;
      // A hash may yield to other requests: a lock that concurrent wrong guesses set meanwhile
      // holds for this guess too, right or wrong, so a burst of guesses cannot outrun the lock.
      refuseIfLocked(ctx, id, now);
      const account = state.accounts.get(id);
      // Unknown account and wrong password answer alike, so the login reveals no accounts.
      if (!account || !passwordOk) {
        if (account) {
          const failures = (state.loginGuards.get(id)?.failures ?? 0) + 1;
          const locked = failures >= rules.login.maxWrongPasswords;
          state.loginGuards.set(id, { failures: locked ? 0 : failures, lockedUntil: locked ? now + rules.login.lockMinutes * 60_000 : 0 });
        }
        throw unauthorized('WRONG_CREDENTIALS', 'the ID number or the password is wrong');
      }
      if (state.loginGuards.has(id)) state.loginGuards.delete(id);
      const token = ctx.random.token();
      const expiresAt = now + rules.login.sessionMinutes * 60_000;
      state.sessions.set(token, { token, idNumber: id, createdAt: now, expiresAt, seq: ctx.nextSeq('session') });
      endOldestSessions(ctx, id, now);
      const previousLogin = account.lastLoginAt;
      // The account as it is now (re-read after the hash), so a change made meanwhile is kept.
      state.accounts.set(id, withFields(account, { lastLoginAt: now }));
      return {
        token,
        expiresAt: ctx.iso(expiresAt),
        profileComplete: account.profile !== null,
        realNameStatus: account.realName.status,
        lastLoginAt: ctx.iso(previousLogin),
      };
    });
  },
});

/** Past the rule's number of live sessions, the oldest end first (expired ones go with them). */
function endOldestSessions(ctx: PortalContext, id: string, now: number): void {
  const sessions = ctx.state.sessions.lookup('owner', id);
  if (sessions.length <= ctx.rules.login.maxSessionsPerAccount) return;
  sessions.sort((a, b) => a.createdAt - b.createdAt || (a.seq ?? 0) - (b.seq ?? 0));
  const live = sessions.filter((s) => s.expiresAt > now);
  const ending = [...sessions.filter((s) => s.expiresAt <= now), ...live.slice(0, Math.max(0, live.length - ctx.rules.login.maxSessionsPerAccount))];
  for (const s of ending) ctx.state.sessions.delete(s.token);
}

export const logout = applicantOperation({
  operationId: 'logout',
  output: done('signedOut'),
  summary: 'End the session (an unfinished registration wizard is lost with it)',
  section: '§1, §6',
  requires: [],
  input: () => z.object({}),
  run: ({ ctx, session }) => {
    ctx.state.sessions.delete(session.token);
    return { signedOut: true };
  },
});
