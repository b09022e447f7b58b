import { and } from 'xstate';
import { ABANDONED, abandon, ask, countTry, giveUp, is, milestone, on, page, patiently, retry, wait } from './steps';

/**
 * Periodic registration (SPEC §6): the must-read notice, the window lookup, then the wizard,
 * whose progress is lost when the applicant leaves it: agreement, certificate (added by hand
 * when only a pre-2008 one exists), graduating school (added when not found), personal photo
 * (retaken when refused), institution and confirmation point, the confirm/notices/commitment
 * pages ("disagree" abandons), and the submission that yields the application number.
 */
export const registrationPhase = {
  initial: 'notice',
  states: {
    notice: ask('notice', 'getRegistrationNotice', [on('ok', 'window')]),
    window: ask('window', 'searchRegistrationWindows', [
      on('open', '#wizard', { type: 'clearTries', params: { step: 'window' } }),
      patiently('upcoming', 'window', 'windowWait', 'window-not-open', 'waitDays'),
      giveUp('none', 'window', 'no-window'),
      giveUp('REGISTRATION_SEASON_CLOSED', 'window', 'season-closed'),
    ]),
    windowWait: wait('untilWindowOpens', 'window'),
    wizard: {
      id: 'wizard',
      initial: 'agreement',
      states: {
        agreement: page('agreement', 'agreement', 'certificate'),
        certificate: ask('certificate', 'listMyCertificates', [
          on('found', 'school'),
          { guard: and([is('none'), 'handAddedCertificate']), target: 'addCertificate' },
          giveUp('none', 'certificate', 'no-certificate'),
        ]),
        addCertificate: ask('addCertificate', 'addCertificate', [
          on('ok', 'school'),
          on('CERTIFICATE_EXISTS', 'school'),
          retry('PHOTO_REFUSED', 'addCertificate', 'photo-refused'),
          retry('INVALID', 'addCertificate', 'form-errors'),
          giveUp('CERTIFICATE_SYNCED_NOT_ADDABLE', 'addCertificate', 'certificate-not-addable'),
        ]),
        school: ask('school', 'searchSchools', [on('found', 'photo'), on('none', 'addSchool')]),
        addSchool: ask('addSchool', 'addSchool', [
          on('ok', 'photo'),
          on('SCHOOL_EXISTS', 'photo'),
          retry('INVALID', 'addSchool', 'form-errors'),
        ]),
        photo: ask('photo', 'uploadPhoto', [
          on('ok', 'institution'),
          retry('PHOTO_REFUSED', 'photo', 'photo-refused'),
        ]),
        institution: ask('institution', 'searchInstitutions', [
          on('found', 'confirm'),
          giveUp('none', 'institution', 'no-institution'),
        ]),
        confirm: page('confirm', 'confirm', 'submit', { DISAGREE: { target: 'disagree' } }),
        disagree: ask('disagree', 'submitRegistration', [
          giveUp('COMMITMENT_DECLINED', 'confirm', 'disagreed'),
          // Refused for the holiday before the declined commitment was read: they leave all the same.
          giveUp('PORTAL_CLOSED_HOLIDAY', 'confirm', 'disagreed'),
          retry('INVALID', 'disagree', 'form-errors'),
        ]),
        submit: ask('submit', 'submitRegistration', [
          on('ok', '#followUp', milestone('submitted')),
          on('DUPLICATE_APPLICATION', '#followUp'),
          retry('INVALID', 'submit', 'form-errors'),
          giveUp('REGISTRATION_WINDOW_CLOSED', 'submit', 'window-closed'),
          giveUp('REGISTRATION_SEASON_CLOSED', 'submit', 'season-closed'),
          on('PORTAL_CLOSED_HOLIDAY', '#wizardLeft'),
        ]),
      },
    },
    wizardLeft: {
      id: 'wizardLeft',
      ...wait('comeBackLater', [
        { guard: { type: 'triesLeft', params: { step: 'wizard', budget: 'retries' } }, target: '#wizard', actions: [countTry('wizard')] },
        { target: ABANDONED, actions: [abandon('wizard', 'left-wizard')] },
      ]),
    },
  },
};
