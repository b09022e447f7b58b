import type { PortalContext } from '../context';
import { voidResetCodes } from '../codes/codes';

/**
 * After a password change or reset: every session of the account ends but the one that made the
 * change (a reset has none), and every outstanding reset code and link is void, so nothing
 * issued under the old password outlives it.
 */
export function passwordChanged(ctx: PortalContext, account: { idNumber: string; phone: string }, keepSession?: string): void {
  for (const session of ctx.state.sessions.lookup('owner', account.idNumber)) {
    if (session.token !== keepSession) ctx.state.sessions.delete(session.token);
  }
  voidResetCodes(ctx, account);
}
