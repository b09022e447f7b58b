import { localMonth } from '../../rules';
import type { PortalContext } from './context';
import { conflict } from './problem';
import type { Institution } from './records';

/** The registration season a moment belongs to: the Beijing calendar year (one batch a year). */
export const seasonOf = (ctx: PortalContext, now: number): number => Number(ctx.dateOf(now).slice(0, 4));

export const inOpenMonths = (ctx: PortalContext, now: number): boolean =>
  ctx.rules.registration.openMonths.includes(localMonth(now, ctx.rules.time.utcOffsetMinutes));

/** 002/003 §3: periodic registration opens only in the second half; the first half has no entrance. */
export function assertSeasonOpen(ctx: PortalContext, now: number): void {
  if (!inOpenMonths(ctx, now)) {
    throw conflict('REGISTRATION_SEASON_CLOSED', 'periodic registration (定期注册) is open only in its season; the first half of the year has no entrance', {
      openMonths: ctx.rules.registration.openMonths,
    });
  }
}

/** SPEC §8: the portal is closed on statutory holidays (Fujian 2024 notice), when the rule says so. */
export function assertPortalOpen(ctx: PortalContext, now: number): void {
  const holiday = ctx.calendar.holidayOf(ctx.dateOf(now));
  if (ctx.rules.calendar.portalClosedOnHolidays && holiday) {
    throw conflict('PORTAL_CLOSED_HOLIDAY', `the registration portal is closed on statutory holidays (${holiday})`, { holiday });
  }
}

export type WindowStatus = 'upcoming' | 'open' | 'closed';

/** Where today (Beijing date) stands against an institution's online window (网报时间), both ends inclusive. */
export function windowStatus(ctx: PortalContext, institution: Institution, now: number): WindowStatus {
  const today = ctx.dateOf(now);
  if (today < institution.window.from) return 'upcoming';
  return today <= institution.window.to ? 'open' : 'closed';
}
