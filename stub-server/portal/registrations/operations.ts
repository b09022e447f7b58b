import type { Operation } from '../operation';
import { uploadPhoto } from './photos';
import { submitRegistration } from './submit';
import { getRegistration, listMyRegistrations, listRegistrationMessages } from './read';
import { updateRegistration } from './update';
import { getApplicationForm } from './form';
import { confirmOnSite, decideRegistration, postRegistrationMessage, revertToPending } from './back-office';

/** Periodic registration (定期注册, SPEC §6): the applicant's wizard and list, and the back office. */
export const registrationOperations: Operation[] = [
  uploadPhoto,
  submitRegistration,
  listMyRegistrations,
  getRegistration,
  updateRegistration,
  getApplicationForm,
  listRegistrationMessages,
  confirmOnSite,
  decideRegistration,
  revertToPending,
  postRegistrationMessage,
];
