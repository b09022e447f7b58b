import { z } from 'zod';
import { applicantOperation } from '../operation';
import { requiredText } from '../fields';
import { notFound } from '../problem';
import type { PortalContext } from '../context';
import type { Account, Institution, Registration } from '../records';
import { Lazy } from '../lazy';
import { seasonOf } from '../season';
import { messageAnswer, registrationDetailAnswer, registrationSummaryAnswer } from './answers';
import { withFields } from '../with-fields';


export const applicationNumberInput = () => z.object({ applicationNumber: requiredText(40) });

/** The applicant's own application; another's answers exactly as a missing one, revealing nothing. */
export function ownRegistration(ctx: PortalContext, account: Account, applicationNumber: string): Registration {
  const reg = ctx.state.registrations.get(applicationNumber);
  if (!reg || reg.idNumber !== account.idNumber) throw notFound('REGISTRATION_NOT_FOUND', `no application ${applicationNumber} of yours`);
  return reg;
}

/** Back office: any application by number. */
export function anyRegistration(ctx: PortalContext, applicationNumber: string): Registration {
  const reg = ctx.state.registrations.get(applicationNumber);
  if (!reg) throw notFound('REGISTRATION_NOT_FOUND', `no application ${applicationNumber}`);
  return reg;
}

/** A row of the application list (查询报名信息). */
export function registrationSummary(ctx: PortalContext, reg: Registration) {
  const institution = ctx.state.institutions.get(reg.institutionId);
  return {
    applicationNumber: reg.applicationNumber,
    certificateNumber: reg.certificateNumber,
    stage: reg.stage,
    subject: reg.subject,
    conclusion: reg.conclusion,
    institution: { id: reg.institutionId, name: institution?.name ?? null },
    submittedAt: ctx.iso(reg.submittedAt),
    formAvailableAt: ctx.iso(reg.formAvailableAt),
  };
}

/** The detail page (详情): everything submitted, the tiers passed and the history. */
export function registrationDetail(ctx: PortalContext, reg: Registration) {
  return detailOf(ctx, reg, ctx.state.institutions.get(reg.institutionId));
}

/**
 * The detail page, built when read (lazy.ts): what a back-office decision answers with, which
 * the simulator's back office does not read. Over the records as they are now.
 */
export function lazyRegistrationDetail(ctx: PortalContext, reg: Registration): Lazy<ReturnType<typeof detailOf>> {
  const institution = ctx.state.institutions.get(reg.institutionId);
  return new Lazy(() => detailOf(ctx, reg, institution));
}

/** The detail of an application of `institution` (the summary's fields first, as the list shows them). */
function detailOf(ctx: PortalContext, reg: Registration, institution: Institution | undefined) {
  const point = institution?.confirmationPoints.find((p) => p.id === reg.confirmationPointId);
  return {
    applicationNumber: reg.applicationNumber,
    certificateNumber: reg.certificateNumber,
    stage: reg.stage,
    subject: reg.subject,
    conclusion: reg.conclusion,
    institution: { id: reg.institutionId, name: institution?.name ?? null },
    submittedAt: ctx.iso(reg.submittedAt),
    formAvailableAt: ctx.iso(reg.formAvailableAt),
    confirmationPoint: { id: reg.confirmationPointId, name: point?.name ?? null, scope: point?.scope ?? null },
    photoId: reg.photoId,
    applicant: reg.applicant ?? null,
    details: reg.details,
    tiersPassed: reg.tiersPassed,
    season: reg.season,
    history: reg.history.map((h) => ({ ...h, at: ctx.iso(h.at) })),
    messageCount: reg.messages.length,
    unreadMessages: reg.messages.length - (reg.messagesRead ?? 0),
  };
}

export const listMyRegistrations = applicantOperation({
  operationId: 'listMyRegistrations',
  output: z.array(registrationSummaryAnswer),
  summary: 'The applicant’s applications of the current season (当前批次): number, certificate, stage, subject, conclusion, institution',
  section: '§6',
  requires: ['profile'],
  input: () => z.object({}),
  run: ({ ctx, account, now }) => {
    const season = seasonOf(ctx, now);
    return ctx.state.registrations.lookup('owner', account.idNumber)
      .filter((r) => r.season === season)
      .sort((a, b) => a.submittedAt - b.submittedAt || a.applicationNumber.localeCompare(b.applicationNumber))
      .map((r) => registrationSummary(ctx, r));
  },
});

export const getRegistration = applicantOperation({
  operationId: 'getRegistration',
  output: registrationDetailAnswer,
  refuses: ['REGISTRATION_NOT_FOUND'],
  summary: 'Details of one of the applicant’s own applications',
  section: '§6',
  requires: ['profile'],
  input: applicationNumberInput,
  run: ({ ctx, input, account }) => registrationDetail(ctx, ownRegistration(ctx, account, input.applicationNumber)),
});

export const listRegistrationMessages = applicantOperation({
  operationId: 'listRegistrationMessages',
  output: z.array(messageAnswer),
  refuses: ['REGISTRATION_NOT_FOUND'],
  summary: 'Messages (留言) from the confirmation point or the institution on one of the applicant’s applications, oldest first; reading them marks them read',
  section: '§6',
  requires: ['profile'],
  input: applicationNumberInput,
  run: ({ ctx, input, account }) => {
    const reg = ownRegistration(ctx, account, input.applicationNumber);
    if ((reg.messagesRead ?? 0) !== reg.messages.length) {
      ctx.state.registrations.set(reg.applicationNumber, withFields(reg, { messagesRead: reg.messages.length }));
    }
    return reg.messages.map((m) => ({ from: m.from, text: m.text, at: ctx.iso(m.at) }));
  },
});
