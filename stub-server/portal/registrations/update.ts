import { z } from 'zod';
import { applicantOperation } from '../operation';
import { requiredText } from '../fields';
import { conflict, invalid } from '../problem';
import type { Registration } from '../records';
import { applicantCopy } from './applicant';
import { myCertificates } from '../certificates/sync';
import { choiceErrors, detailErrors } from './choice';
import { stepThreeShape, stepTwoShape, type Details } from './fields';
import { registrationDetail, ownRegistration } from './read';
import { assertPortalOpen } from '../season';
import { registrationDetailAnswer } from './answers';

const { institutionId: _fixed, ...choiceShape } = stepThreeShape;

/**
 * Modify (修改) an application: step-2 details, the photo, and the stage, subject and
 * confirmation point within the same institution (the number carries its province). Only while
 * 网报待确认; afterwards the institution must first set it back (revertToPending).
 */
export const updateRegistration = applicantOperation({
  operationId: 'updateRegistration',
  output: registrationDetailAnswer,
  refuses: [
    'REGISTRATION_NOT_FOUND', 'NOT_PENDING_CONFIRMATION', 'PORTAL_CLOSED_HOLIDAY', 'PHOTO_NOT_FOUND', 'SCHOOL_NOT_FOUND',
    'DATE_IN_FUTURE', 'DATE_ORDER', 'INSTITUTION_NOT_FOUND', 'INSTITUTION_NOT_ENTITLED', 'CONFIRMATION_POINT_NOT_FOUND', 'OUTSIDE_POINT_SCOPE',
  ],
  summary: 'Modify one’s application while its conclusion is 网报待确认; a new photo makes the form wait another hour',
  section: '§6',
  requires: ['profile', 'realName'],
  input: () => z.object({ applicationNumber: requiredText(40), ...stepTwoShape, ...choiceShape }).partial().required({ applicationNumber: true }),
  run: ({ ctx, input, account, now }) => {
    assertPortalOpen(ctx, now);
    const reg = ownRegistration(ctx, account, input.applicationNumber);
    if (reg.conclusion !== '网报待确认') {
      throw conflict('NOT_PENDING_CONFIRMATION', `the application is at ${reg.conclusion}: only 网报待确认 may be modified; ask the institution to set it back first`, { conclusion: reg.conclusion });
    }
    const { applicationNumber: _n, photoId = reg.photoId, stage = reg.stage, subject = reg.subject, confirmationPointId = reg.confirmationPointId, ...changed } = input;
    const details = { ...(reg.details as Details), ...changed };
    const cert = myCertificates(ctx, account).find((c) => c.number === reg.certificateNumber);
    const errors = [
      ...detailErrors(ctx, account, details, photoId, ctx.dateOf(now)),
      ...choiceErrors(ctx.state.institutions.get(reg.institutionId), cert, { confirmationPointId, stage, subject }),
    ];
    if (errors.length > 0) throw invalid(errors);
    // 002/003 §3: the printed form carries the photo, so a new photo restarts the wait for it.
    const formAvailableAt = photoId !== reg.photoId ? now + ctx.rules.registration.formDelayMinutes * 60_000 : reg.formAvailableAt;
    // Submitting the modified application again brings its copy of the identity up to date (001).
    const next: Registration = { ...reg, applicant: applicantCopy(account), details, photoId, stage, subject, confirmationPointId, formAvailableAt };
    ctx.state.registrations.set(reg.applicationNumber, next);
    return registrationDetail(ctx, next);
  },
});
