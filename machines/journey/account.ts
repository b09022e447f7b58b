import { and } from 'xstate';
import { ask, clearTries, is, milestone, on, patiently, retry, wait } from './steps';

const reset = (step: string) => [clearTries(step), { type: 'passwordReset' as const }];

/**
 * Getting into the portal (SPEC §1-3): register with an SMS or WeChat code, or sign in with
 * an account from earlier years. A forgotten password goes through one of the three resets;
 * an account from before 2019-03-01 must register again. Signed in, the applicant goes on to
 * the identity information, the real-name check or straight to registration.
 */
export const accountPhase = {
  initial: 'start',
  states: {
    start: {
      entry: [milestone('arrived')],
      always: [{ guard: 'hasAccount', target: 'signIn' }, { target: 'register' }],
    },
    register: {
      id: 'register',
      initial: 'channel',
      states: {
        channel: { always: [{ guard: 'wechatCode', target: 'wechatCode' }, { target: 'smsCode' }] },
        smsCode: ask('smsCode', 'requestSmsCode', [
          on('ok', 'form', clearTries('smsCode')),
          retry('CAPTCHA', 'smsCode', 'captcha'),
          patiently('SMS_DAILY_QUOTA_EXCEEDED', 'smsQuota', 'smsQuotaWait', 'sms-quota', 'waitDays', 'smsCode'),
        ]),
        smsQuotaWait: wait('untilTomorrow', 'smsCode'),
        wechatCode: ask('wechatCode', 'requestWechatCode', [
          on('ok', 'form'),
          retry('CAPTCHA', 'wechatCode', 'captcha'),
          patiently('WECHAT_DAILY_QUOTA_EXCEEDED', 'wechatQuota', 'wechatQuotaWait', 'wechat-quota', 'waitDays', 'wechatCode'),
        ]),
        wechatQuotaWait: wait('untilTomorrow', 'wechatCode'),
        form: ask('registerForm', 'registerAccount', [
          on('ok', '#signIn', clearTries('registerForm')),
          on('ACCOUNT_EXISTS', '#signIn'),
          retry('INVALID', 'registerForm', 'form-errors'),
          retry('CAPTCHA', 'registerForm', 'captcha'),
          patiently('CODE_REFUSED', 'registerCode', 'channel', 'code-refused', 'retries', 'registerForm'),
        ]),
      },
    },
    signIn: ask('signIn', 'login', [
      on('ok', '#registration', clearTries('signIn'), milestone('registered'), milestone('verified')),
      on('ok-incomplete', '#profile', clearTries('signIn'), milestone('registered')),
      on('ok-unverified', '#verify', clearTries('signIn'), milestone('registered')),
      // A forgotten password is not guessed at: the applicant goes to the reset.
      { guard: and([is('WRONG_CREDENTIALS'), 'forgotPassword']), target: '#resetStart' },
      ...patiently('WRONG_CREDENTIALS', 'signIn', '#signIn', 'wrong-password').slice(0, 1),
      on('WRONG_CREDENTIALS', '#resetStart'),
      on('LOGIN_LOCKED', '#resetStart'),
      retry('CAPTCHA', 'signIn', 'captcha'),
    ]),
    reset: {
      initial: 'start',
      states: {
        start: ask('resetStart', 'startPasswordReset', [
          on('ok', 'method'),
          retry('CAPTCHA', 'resetStart', 'captcha'),
          on('REGISTER_AGAIN', '#register'),
          on('ACCOUNT_NOT_FOUND', '#register'),
        ]),
        method: {
          always: [
            { guard: { type: 'resetBy', params: { method: 'email' } }, target: 'email' },
            { guard: { type: 'resetBy', params: { method: 'wechat' } }, target: 'wechat' },
            { target: 'sms' },
          ],
        },
        email: ask('resetEmail', 'sendResetEmail', [on('ok', 'emailLink'), retry('CAPTCHA', 'resetEmail', 'captcha')]),
        emailLink: ask('resetEmailLink', 'resetPasswordWithEmailToken', [
          on('ok', '#signIn', ...reset('resetEmailLink')),
          patiently('INVALID', 'resetEmailLink', 'email', 'reset-link-refused'),
        ]),
        sms: ask('resetSms', 'requestSmsCode', [
          on('ok', 'smsForm'),
          retry('CAPTCHA', 'resetSms', 'captcha'),
          patiently('SMS_DAILY_QUOTA_EXCEEDED', 'smsQuota', 'smsQuotaWait', 'sms-quota', 'waitDays', 'resetSms'),
        ]),
        smsQuotaWait: wait('untilTomorrow', 'sms'),
        smsForm: ask('resetSmsForm', 'resetPasswordWithSms', [
          on('ok', '#signIn', ...reset('resetSmsForm')),
          patiently('CODE_REFUSED', 'resetSmsForm', 'sms', 'code-refused'),
          retry('INVALID', 'resetSmsForm', 'form-errors'),
        ]),
        wechat: ask('resetWechat', 'requestWechatCode', [
          on('ok', 'wechatForm'),
          retry('CAPTCHA', 'resetWechat', 'captcha'),
          on('WECHAT_NOT_BOUND', 'sms'),
        ]),
        wechatForm: ask('resetWechatForm', 'resetPasswordWithWechat', [
          on('ok', '#signIn', ...reset('resetWechatForm')),
          patiently('CODE_REFUSED', 'resetWechatForm', 'wechat', 'code-refused'),
          retry('INVALID', 'resetWechatForm', 'form-errors'),
        ]),
      },
    },
  },
};
