/**
 * How each operation of API.md is reached over HTTP. The domain knows operations; this
 * table knows paths, methods and success statuses. `:name` segments become input fields.
 */
export interface Route {
  operationId: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  /** 201 for what creates (API.md). */
  status?: 200 | 201;
  /** Which body limit applies: uploads carry base64 JPEGs, bulk routes seed many records. */
  body?: 'upload' | 'bulk';
}

export const ROUTES: Route[] = [
  { operationId: 'getCaptcha', method: 'post', path: '/api/captchas' },
  { operationId: 'solveCaptcha', method: 'post', path: '/api/captchas/solve' },
  { operationId: 'requestSmsCode', method: 'post', path: '/api/sms-codes' },
  { operationId: 'requestWechatCode', method: 'post', path: '/api/wechat-codes' },
  { operationId: 'registerAccount', method: 'post', path: '/api/accounts', status: 201 },
  { operationId: 'login', method: 'post', path: '/api/sessions', status: 201 },
  { operationId: 'logout', method: 'delete', path: '/api/sessions/current' },
  { operationId: 'startPasswordReset', method: 'post', path: '/api/password-resets' },
  { operationId: 'sendResetEmail', method: 'post', path: '/api/password-resets/email' },
  { operationId: 'resetPasswordWithEmailToken', method: 'post', path: '/api/password-resets/email/confirm' },
  { operationId: 'resetPasswordWithSms', method: 'post', path: '/api/password-resets/sms' },
  { operationId: 'resetPasswordWithWechat', method: 'post', path: '/api/password-resets/wechat' },
  { operationId: 'bindWechat', method: 'post', path: '/api/me/wechat' },
  { operationId: 'getMe', method: 'get', path: '/api/me' },
  { operationId: 'completeProfile', method: 'put', path: '/api/me/profile' },
  { operationId: 'changePassword', method: 'put', path: '/api/me/password' },
  { operationId: 'changePhone', method: 'put', path: '/api/me/phone' },
  { operationId: 'getPersonalInfo', method: 'get', path: '/api/me/personal-info' },
  { operationId: 'verifyRealName', method: 'post', path: '/api/me/real-name/verifications' },
  { operationId: 'openCtid', method: 'post', path: '/api/me/real-name/ctid' },
  { operationId: 'submitManualReview', method: 'post', path: '/api/me/manual-reviews', status: 201, body: 'upload' },
  { operationId: 'getManualReview', method: 'get', path: '/api/me/manual-reviews/current' },
  { operationId: 'listMyCertificates', method: 'get', path: '/api/me/certificates' },
  { operationId: 'addCertificate', method: 'post', path: '/api/me/certificates', status: 201, body: 'upload' },
  { operationId: 'queryCertificate', method: 'post', path: '/api/certificate-queries' },
  { operationId: 'getRegistrationNotice', method: 'get', path: '/api/registration/notice' },
  { operationId: 'searchRegistrationWindows', method: 'get', path: '/api/registration/windows' },
  { operationId: 'searchInstitutions', method: 'get', path: '/api/registration/institutions' },
  { operationId: 'searchSchools', method: 'get', path: '/api/schools' },
  { operationId: 'addSchool', method: 'post', path: '/api/schools', status: 201 },
  { operationId: 'uploadPhoto', method: 'post', path: '/api/me/photos', status: 201, body: 'upload' },
  { operationId: 'submitRegistration', method: 'post', path: '/api/me/registrations', status: 201 },
  { operationId: 'listMyRegistrations', method: 'get', path: '/api/me/registrations' },
  { operationId: 'getRegistration', method: 'get', path: '/api/me/registrations/:applicationNumber' },
  { operationId: 'updateRegistration', method: 'patch', path: '/api/me/registrations/:applicationNumber' },
  { operationId: 'getApplicationForm', method: 'get', path: '/api/me/registrations/:applicationNumber/form' },
  { operationId: 'listRegistrationMessages', method: 'get', path: '/api/me/registrations/:applicationNumber/messages' },
  { operationId: 'setClock', method: 'post', path: '/admin/clock' },
  { operationId: 'readOutbox', method: 'get', path: '/admin/outbox' },
  { operationId: 'seedIdentities', method: 'post', path: '/admin/identities', body: 'bulk' },
  { operationId: 'seedCertificates', method: 'post', path: '/admin/certificates', body: 'bulk' },
  { operationId: 'seedInstitutions', method: 'post', path: '/admin/institutions', body: 'bulk' },
  { operationId: 'seedAccounts', method: 'post', path: '/admin/accounts', body: 'bulk' },
  { operationId: 'decideManualReview', method: 'post', path: '/admin/manual-reviews/:reviewId/decision' },
  { operationId: 'confirmOnSite', method: 'post', path: '/admin/registrations/:applicationNumber/confirmation' },
  { operationId: 'decideRegistration', method: 'post', path: '/admin/registrations/:applicationNumber/decision' },
  { operationId: 'revertToPending', method: 'post', path: '/admin/registrations/:applicationNumber/revert' },
  { operationId: 'postRegistrationMessage', method: 'post', path: '/admin/registrations/:applicationNumber/messages', status: 201 },
  { operationId: 'getStats', method: 'get', path: '/admin/stats' },
  { operationId: 'getFaults', method: 'get', path: '/admin/faults' },
  { operationId: 'setFaults', method: 'put', path: '/admin/faults' },
];
