import { ask, giveUp, milestone, on, patiently, retry, wait } from './steps';

const approved = ['#journey.approved', milestone('approved')] as const;

/**
 * After submission (SPEC §6): the form is downloadable an hour later; the applicant takes it
 * to on-site confirmation and checks the status now and then, reads messages and modifies the
 * application when asked (only while 网报待确认), and waits for the registration body's decision.
 */
export const followUpPhase = {
  initial: 'formWait',
  states: {
    formWait: wait('formDelay', 'form'),
    form: ask('form', 'getApplicationForm', [
      on('ok', 'awaitConfirmation'),
      patiently('FORM_NOT_YET_AVAILABLE', 'form', 'formWait', 'form-unavailable'),
    ]),
    awaitConfirmation: wait('nextCheck', 'status'),
    status: ask('status', 'getRegistration', [
      patiently('网报待确认', 'statusChecks', 'awaitConfirmation', 'never-confirmed', 'statusChecks', 'status'),
      on('message', 'messages'),
      on('待注册审批', 'awaitApproval', milestone('confirmed')),
      on('确认未通过', '#journey.notConfirmed'),
      on('注册合格', approved[0], milestone('confirmed'), approved[1]),
      on('暂缓注册', '#journey.deferred', milestone('confirmed')),
      on('注册不合格', '#journey.refused', milestone('confirmed')),
    ]),
    messages: ask('messages', 'listRegistrationMessages', [on('ok', 'modify')]),
    modify: ask('modify', 'updateRegistration', [
      on('ok', 'formWait'),
      on('NOT_PENDING_CONFIRMATION', 'awaitConfirmation'),
      retry('INVALID', 'modify', 'form-errors'),
      retry('PHOTO_REFUSED', 'modify', 'photo-refused'),
      on('PORTAL_CLOSED_HOLIDAY', 'modifyLater'),
    ]),
    modifyLater: wait('comeBackLater', 'modify'),
    awaitApproval: wait('nextCheck', 'approvalStatus'),
    approvalStatus: ask('approvalStatus', 'getRegistration', [
      patiently('待注册审批', 'approvalChecks', 'awaitApproval', 'never-approved', 'statusChecks', 'approvalStatus'),
      on('注册合格', ...approved),
      on('暂缓注册', '#journey.deferred'),
      on('注册不合格', '#journey.refused'),
      on('网报待确认', 'awaitConfirmation'),
      on('message', 'messages'),
      giveUp('确认未通过', 'approvalStatus', 'not-confirmed'),
    ]),
  },
};
