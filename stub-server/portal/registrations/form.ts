import { secondsUntil } from '../../../rules';
import { applicantOperation, BinaryResult } from '../operation';
import { conflict } from '../problem';
import { applicationNumberInput, ownRegistration } from './read';
import { onePagePdf } from './pdf';
import { Lazy } from '../lazy';

export const getApplicationForm = applicantOperation({
  operationId: 'getApplicationForm',
  output: { binary: 'application/pdf' },
  refuses: ['REGISTRATION_NOT_FOUND', 'FORM_NOT_YET_AVAILABLE'],
  summary: 'The application form (教师资格定期注册申请表) as PDF: available 1 hour after submission or after a photo change (409 + Retry-After before)',
  section: '§6',
  requires: ['profile'],
  input: applicationNumberInput,
  run: ({ ctx, input, account, now }) => {
    const reg = ownRegistration(ctx, account, input.applicationNumber);
    if (now < reg.formAvailableAt) {
      const retryAfterSeconds = secondsUntil(now, reg.formAvailableAt);
      throw conflict('FORM_NOT_YET_AVAILABLE', `the form is generated ${ctx.rules.registration.formDelayMinutes} minutes after submission or a photo change`, {
        availableAt: ctx.iso(reg.formAvailableAt), retryAfterSeconds,
      });
    }
    // Built only when read (lazy.ts): in process the simulator downloads it and reads nothing.
    return new Lazy(() => new BinaryResult('application/pdf', onePagePdf('Teacher qualification periodic registration - application form', [
      `Application number: ${reg.applicationNumber}`,
      `Certificate number: ${reg.certificateNumber}`,
      `ID number: ${reg.idNumber}`,
      `Institution: ${reg.institutionId}   Confirmation point: ${reg.confirmationPointId}`,
      `Submitted: ${ctx.iso(reg.submittedAt)}`,
      `Photo: ${reg.photoId}`,
    ]), `${reg.applicationNumber}.pdf`));
  },
});
