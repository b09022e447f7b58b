import type { Operation } from './operation';
import { captchaOperations } from './captcha/operations';
import { codeOperations } from './codes/operations';
import { accountOperations } from './accounts/operations';
import { passwordResetOperations } from './password-reset/operations';
import { profileOperations } from './profile/operations';
import { realNameOperations } from './real-name/operations';
import { manualReviewOperations } from './manual-review/operations';
import { certificateOperations } from './certificates/operations';
import { institutionOperations } from './institutions/operations';
import { schoolOperations } from './schools/operations';
import { registrationOperations } from './registrations/operations';
import { backOfficeOperations } from './back-office/operations';
import { faultOperations } from './faults/operations';

/** Every operation of API.md, grouped as the portal's concepts are. */
export const OPERATIONS: Operation[] = [
  ...captchaOperations,
  ...codeOperations,
  ...accountOperations,
  ...passwordResetOperations,
  ...profileOperations,
  ...realNameOperations,
  ...manualReviewOperations,
  ...certificateOperations,
  ...institutionOperations,
  ...schoolOperations,
  ...registrationOperations,
  ...backOfficeOperations,
  ...faultOperations,
];
