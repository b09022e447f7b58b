import type { PortalContext } from '../context';
import { conflict } from '../problem';
import type { Conclusion, Registration } from '../records';

/**
 * Which conclusion (注册结论) may follow which (SPEC §6, §8): on-site confirmation decides a
 * pending application; the registration body approves; the institution may set an application
 * back to 网报待确认 until a final outcome. The three outcomes have no way out.
 */
export const TRANSITIONS: Record<Conclusion, readonly Conclusion[]> = {
  网报待确认: ['待注册审批', '确认未通过'],
  确认未通过: ['网报待确认'],
  待注册审批: ['注册合格', '暂缓注册', '注册不合格', '网报待确认'],
  注册合格: [],
  暂缓注册: [],
  注册不合格: [],
};

export const isFinal = (c: Conclusion) => TRANSITIONS[c].length === 0;

/** A final refusal leaves the certificate free for a new application the same season. */
export const leavesCertificateFree = (c: Conclusion) => isFinal(c) && c !== '注册合格';

/** 409 INVALID_TRANSITION unless the table lets an application move from its conclusion to `to`. */
export function assertAllowed(reg: Registration, to: Conclusion): void {
  if (!TRANSITIONS[reg.conclusion].includes(to)) {
    throw conflict('INVALID_TRANSITION', `an application at ${reg.conclusion} cannot move to ${to}`, { conclusion: reg.conclusion, allowed: TRANSITIONS[reg.conclusion] });
  }
}

/** Moves an application to `to` when the table allows it, appending to its history. */
export function transition(
  ctx: PortalContext,
  reg: Registration,
  to: Conclusion,
  now: number,
  note: { reason?: string; tier?: string; tiersPassed?: string[] } = {},
): Registration {
  assertAllowed(reg, to);
  return record(ctx, reg, to, now, note);
}

/** Stores a step of the application (a conclusion change, or a tier passed within 待注册审批). */
export function record(
  ctx: PortalContext,
  reg: Registration,
  to: Conclusion,
  now: number,
  { reason, tier, tiersPassed = reg.tiersPassed }: { reason?: string; tier?: string; tiersPassed?: string[] },
): Registration {
  const step = { at: now, from: reg.conclusion, to, ...(reason !== undefined ? { reason } : {}), ...(tier !== undefined ? { tier } : {}) };
  const next: Registration = { ...reg, conclusion: to, tiersPassed, history: [...reg.history, step] };
  ctx.state.registrations.set(reg.applicationNumber, next);
  return next;
}
