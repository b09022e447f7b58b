import type { PortalContext } from '../context';
import type { FieldError } from '../problem';
import type { Account, Certificate, Institution } from '../records';
import { myCertificates } from '../certificates/sync';
import { hasRights, pointCovers } from '../institutions/rights';
import type { Details } from './fields';

const error = (field: string, code: FieldError['code'], message: string): FieldError => ({ field, code, message });

/** The certificate must be one of the applicant's linked certificates (step 2 picks from that list). */
export function linkedCertificate(ctx: PortalContext, account: Account, number: string): Certificate | FieldError {
  return myCertificates(ctx, account).find((c) => c.number === number)
    ?? error('certificateNumber', 'CERTIFICATE_NOT_LINKED', 'pick a certificate from your synced or hand-added certificates');
}

/**
 * Step 3: the institution must have the right for the certificate's qualification type, the
 * stage and the subject; the point must be one of its own and its scope must take the stage.
 */
export function choiceErrors(
  institution: Institution | undefined,
  cert: Certificate | undefined,
  pick: { confirmationPointId: string; stage: string; subject: string },
): FieldError[] {
  if (!institution) return [error('institutionId', 'INSTITUTION_NOT_FOUND', 'no such registration institution')];
  const errors: FieldError[] = [];
  if (cert && !hasRights(institution, { qualificationType: cert.qualificationType, stage: pick.stage, subject: pick.subject })) {
    errors.push(error('institutionId', 'INSTITUTION_NOT_ENTITLED', 'this institution has no registration right for the certificate’s qualification type, this stage and subject'));
  }
  const point = institution.confirmationPoints.find((p) => p.id === pick.confirmationPointId);
  if (!point) errors.push(error('confirmationPointId', 'CONFIRMATION_POINT_NOT_FOUND', 'not a confirmation point of this institution'));
  else if (!pointCovers(point, pick.stage)) errors.push(error('confirmationPointId', 'OUTSIDE_POINT_SCOPE', `this point’s scope (确认范围) does not take ${pick.stage}`));
  return errors;
}

/** Step 2's references and dates: an uploaded photo of one's own, a known school, dates in order. */
export function detailErrors(ctx: PortalContext, account: Account, details: Partial<Details>, photoId: string | undefined, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (photoId !== undefined && ctx.state.photos.get(photoId)?.idNumber !== account.idNumber) {
    errors.push(error('photoId', 'PHOTO_NOT_FOUND', 'upload the personal photo first (uploadPhoto) and give its id'));
  }
  if (details.graduatingSchoolId !== undefined && !ctx.state.schools.has(details.graduatingSchoolId)) {
    errors.push(error('graduatingSchoolId', 'SCHOOL_NOT_FOUND', 'search the school, or add it (新增学校), and give its id'));
  }
  for (const field of ['graduationDate', 'firstEmploymentDate', 'currentEmployerStartDate'] as const) {
    const value = details[field];
    if (value !== undefined && value > today) errors.push(error(field, 'DATE_IN_FUTURE', 'this date lies in the future'));
  }
  const { firstEmploymentDate: first, currentEmployerStartDate: current } = details;
  if (first !== undefined && current !== undefined && current < first) {
    errors.push(error('currentEmployerStartDate', 'DATE_ORDER', 'the current employment cannot start before the first employment'));
  }
  return errors;
}
