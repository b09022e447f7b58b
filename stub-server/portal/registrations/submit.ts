import { z } from 'zod';
import { applicantOperation } from '../operation';
import { conflict, invalid } from '../problem';
import type { Registration } from '../records';
import { applicantCopy } from './applicant';
import { certificateNumber } from '../certificates/registry';
import { choiceErrors, detailErrors, linkedCertificate } from './choice';
import { mustBeTrue, stepThreeShape, stepTwoShape } from './fields';
import { assertPortalOpen, assertSeasonOpen, seasonOf, windowStatus } from '../season';
import { leavesCertificateFree } from './transitions';
import { moment } from '../answer-fields';

/**
 * The wizard's final submission (002/003 §3.1.2): progress is not saved between steps, so all
 * seven steps arrive at once; success is the application number (报名号).
 *
 * Deliberately synchronous from the duplicate check to the insert: concurrent submissions of
 * the same application cannot interleave, so exactly one gets a number.
 */
export const submitRegistration = applicantOperation({
  operationId: 'submitRegistration',
  output: z.object({ applicationNumber: z.string(), conclusion: z.literal('网报待确认'), formAvailableAt: moment() }),
  refuses: [
    'REGISTRATION_SEASON_CLOSED', 'PORTAL_CLOSED_HOLIDAY', 'AGREEMENT_REQUIRED', 'NOTICES_NOT_READ', 'COMMITMENT_DECLINED', 'CERTIFICATE_NOT_LINKED', 'PHOTO_NOT_FOUND',
    'SCHOOL_NOT_FOUND', 'DATE_IN_FUTURE', 'DATE_ORDER', 'INSTITUTION_NOT_FOUND', 'INSTITUTION_NOT_ENTITLED',
    'CONFIRMATION_POINT_NOT_FOUND', 'OUTSIDE_POINT_SCOPE', 'REGISTRATION_WINDOW_CLOSED', 'DUPLICATE_APPLICATION',
  ],
  summary: 'Submit the wizard: agreement (step 1), certificate and registration info (2), institution and confirmation point (3), notices read (5), commitment (6) → application number',
  section: '§6',
  requires: ['profile', 'realName'],
  input: (rules) => z.object({
    agreementAccepted: mustBeTrue('AGREEMENT_REQUIRED', 'tick 已阅读并完全同意 under the online-application agreement'),
    certificateNumber: certificateNumber(rules),
    ...stepTwoShape,
    ...stepThreeShape,
    noticesRead: mustBeTrue('NOTICES_NOT_READ', 'read the notices (注意事项) of step 5'),
    commitment: z.enum(['agree', 'disagree']),
  }),
  run: ({ ctx, input, account, now }) => {
    assertSeasonOpen(ctx, now);
    assertPortalOpen(ctx, now);
    // Step 6: "disagree" abandons the application; nothing is kept.
    if (input.commitment === 'disagree') throw conflict('COMMITMENT_DECLINED', 'the personal commitment (个人承诺) was declined: the application is abandoned');

    const cert = linkedCertificate(ctx, account, input.certificateNumber);
    const institution = ctx.state.institutions.get(input.institutionId);
    const {
      agreementAccepted: _a, noticesRead: _n, commitment: _c, certificateNumber: _cn,
      institutionId, confirmationPointId, stage, subject, photoId, ...details
    } = input;
    const errors = [
      ...('field' in cert ? [cert] : []),
      ...detailErrors(ctx, account, details, photoId, ctx.dateOf(now)),
      ...choiceErrors(institution, 'field' in cert ? undefined : cert, input),
    ];
    if (errors.length > 0 || 'field' in cert || !institution) throw invalid(errors);
    if (windowStatus(ctx, institution, now) !== 'open') {
      throw conflict('REGISTRATION_WINDOW_CLOSED', `${institution.name} takes online applications ${institution.window.from} – ${institution.window.to} only`, { window: institution.window });
    }

    const season = seasonOf(ctx, now);
    const live = ctx.state.registrations.lookup('owner', account.idNumber)
      .find((r) => r.season === season && r.certificateNumber === cert.number && !leavesCertificateFree(r.conclusion));
    if (live) throw conflict('DUPLICATE_APPLICATION', `this certificate already has application ${live.applicationNumber} this season`, { applicationNumber: live.applicationNumber });

    const sequence = ctx.nextSeq(`application|${season}|${institution.province}`);
    const reg: Registration = {
      applicationNumber: `${season}${institution.province}${String(sequence).padStart(8, '0')}`,
      idNumber: account.idNumber,
      applicant: applicantCopy(account),
      certificateNumber: cert.number,
      institutionId,
      confirmationPointId,
      stage,
      subject,
      photoId,
      details,
      conclusion: '网报待确认',
      tiersPassed: [],
      submittedAt: now,
      formAvailableAt: now + ctx.rules.registration.formDelayMinutes * 60_000,
      history: [{ at: now, from: null, to: '网报待确认' }],
      messages: [],
      season,
    };
    ctx.state.registrations.set(reg.applicationNumber, reg);
    // The summary's fields (registrationSummary), only these three.
    return { applicationNumber: reg.applicationNumber, conclusion: reg.conclusion, formAvailableAt: ctx.iso(reg.formAvailableAt) };
  },
});
