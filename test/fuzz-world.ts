/**
 * The fixtures a fuzz run starts from: applicants at three stages, an application, a pending
 * manual review, and for every operation of routes.ts a valid body to mutate.
 */
import { ROUTES } from '../stub-server/http';
import { ADMIN, nextApplicant, type Applicant, type TestPortal } from './harness';
import { makeJpeg, toBase64 } from './jpeg-fixtures';
import { application, INSTITUTION, photo, readyApplicant, type Ready } from './registration-fixtures';
import { keepSession } from './fuzz-fixtures';

type Session = Applicant & { token: string };
export interface World {
  /** Verified, with a certificate, a school, a photo and a submitted application. */
  A: Ready & { applicationNumber: string };
  /** Signed up only: the profile is incomplete. */
  B: Session;
  /** Profile complete, real-name check failed, a manual review pending. */
  C: Session;
  /** The target of login and password resets (its lockout does not matter). */
  L: Applicant;
  reviewId: string;
  personalPhoto: string;
  smallJpeg: string;
}

export async function buildWorld(portal: TestPortal): Promise<World> {
  await portal.admin('seedInstitutions', [INSTITUTION]);
  const ready = await readyApplicant(portal);
  const submitted = await portal.call('submitRegistration', application(ready), ready.token);
  if (submitted.status !== 201) throw new Error(`submitRegistration ${submitted.status} ${JSON.stringify(submitted.body)}`);
  const B = await portal.signUp();
  const C = await portal.signUp({ name: '李娜' });
  const smallJpeg = toBase64(makeJpeg(120, 160));
  await portal.call('completeProfile', { ethnicity: '回族' }, C.token);
  await portal.admin('seedIdentities', [{ idNumber: C.idNumber, name: '王芳' }]);
  await portal.call('verifyRealName', {}, C.token);
  const review = await portal.call('submitManualReview', { photo: smallJpeg, note: '身份证照片' }, C.token);
  if (review.status !== 201) throw new Error(`submitManualReview ${review.status} ${JSON.stringify(review.body)}`);
  const { token: _unused, ...L } = await portal.signUp();
  return { A: { ...ready, applicationNumber: submitted.body.applicationNumber }, B, C, L, reviewId: review.body.reviewId, personalPhoto: photo(), smallJpeg };
}

/** Re-opens the fixtures' sessions a fuzzed logout ended. */
export const keepSessions = (portal: TestPortal, world: World) => { for (const s of [world.A, world.B, world.C]) keepSession(portal, s); };

/** A valid body for every operation of routes.ts; captcha tokens and challenges are fresh each call. */
export function templates(portal: TestPortal, w: World): Record<string, () => Promise<unknown>> {
  const { A, L } = w;
  const captchaToken = () => portal.captchaToken();
  const who = { idType: L.idType, idNumber: L.idNumber, name: L.name };
  const registryCertificate = {
    number: '20123500129999901', holderName: A.name, idNumber: A.idNumber, qualificationType: '小学教师资格', subject: '数学',
    province: '35', certifyingBody: '福州市教育局', issueDate: '2013-07-01', lastRegistration: { date: '2021-10-01', conclusion: '注册合格' },
  };
  const all: Record<string, () => unknown> = {
    getCaptcha: () => ({}),
    solveCaptcha: async () => {
      const challenge = (await portal.call('getCaptcha')).body;
      return { id: challenge.id, x: challenge.targetX };
    },
    requestSmsCode: async () => ({ phone: '13912345678', purpose: 'register', idNumber: L.idNumber, captchaToken: await captchaToken() }),
    requestWechatCode: () => ({ idNumber: A.idNumber, purpose: 'reset' }),
    registerAccount: async () => ({ ...nextApplicant(), name: '𠀀𪚥', code: '123456', captchaToken: await captchaToken(), agreementAccepted: true }),
    login: async () => ({ idNumber: L.idNumber, password: L.password, captchaToken: await captchaToken() }),
    logout: () => ({}),
    startPasswordReset: () => who,
    sendResetEmail: () => who,
    resetPasswordWithEmailToken: () => ({ token: 'Xq3v9Zt0b1c2d3e4f5g6h7i8j9k0l1m2', newPassword: L.password }),
    resetPasswordWithSms: () => ({ ...who, code: '123456', newPassword: L.password }),
    resetPasswordWithWechat: () => ({ ...who, code: '654321', newPassword: L.password }),
    bindWechat: () => ({}),
    getMe: () => ({}),
    completeProfile: () => ({ ethnicity: '汉族', gender: 'female', birthDate: '1990-03-07', localIdNumber: 'A1234567', permitNumber: 'H87654321' }),
    // The same password again: a successful change must not lock the fixtures out.
    changePassword: () => ({ oldPassword: A.password, newPassword: A.password }),
    changePhone: () => ({ phone: '13912345678', code: '123456' }),
    getPersonalInfo: () => ({}),
    verifyRealName: () => ({ name: '张伟' }),
    openCtid: () => ({}),
    submitManualReview: () => ({ photo: w.smallJpeg, name: '李娜', note: '身份证照片' }),
    getManualReview: () => ({}),
    listMyCertificates: () => ({}),
    addCertificate: () => ({
      holderName: A.name, idNumber: A.idNumber, certificateNumber: '19993500121000001', issueDate: '1999-07-01', province: '35', city: '福州市',
      qualificationType: '小学教师资格', subject: '语文', certifyingBody: '福州市教育局', certificatePhoto: w.smallJpeg, extraPhotos: [w.smallJpeg],
    }),
    queryCertificate: async () => ({ name: A.name, idNumber: A.idNumber, certificateNumber: A.certificateNumber, phone: A.phone, code: '123456', captchaToken: await captchaToken() }),
    getRegistrationNotice: () => ({}),
    searchRegistrationWindows: () => ({ province: '35', city: '福州市', stage: '小学', institution: 'FJ' }),
    searchInstitutions: () => ({ province: '35', city: '福州市', qualificationType: '小学教师资格', stage: '小学', subject: '语文' }),
    searchSchools: () => ({ q: '福建', province: '35' }),
    addSchool: () => ({ name: '福建师范大学', type: '普通高等学校', province: '35' }),
    uploadPhoto: () => ({ photo: w.personalPhoto }),
    submitRegistration: () => application(A),
    listMyRegistrations: () => ({}),
    getRegistration: () => ({ applicationNumber: A.applicationNumber }),
    updateRegistration: () => ({ applicationNumber: A.applicationNumber, address: '福州市鼓楼区五四路2号', stage: '小学' }),
    getApplicationForm: () => ({ applicationNumber: A.applicationNumber }),
    listRegistrationMessages: () => ({ applicationNumber: A.applicationNumber }),
    setClock: () => ({ now: '2026-09-14T10:00:00+08:00', advanceMs: 1000 }),
    readOutbox: () => ({ recipient: A.phone, limit: 5 }),
    seedIdentities: () => [{ idNumber: '110105194912310029', name: '阿·买买提', stale: true }],
    seedCertificates: () => [registryCertificate],
    seedInstitutions: () => [INSTITUTION],
    // A fresh applicant: seeding over a fixture's account would change its password hash.
    seedAccounts: () => [{ ...nextApplicant(), registeredAt: '2021-09-15T10:00:00+08:00', ethnicity: '汉族', realNameVerified: true, wechatBound: false }],
    decideManualReview: () => ({ reviewId: w.reviewId, decision: 'reject', reason: '照片不清晰' }),
    confirmOnSite: () => ({ applicationNumber: A.applicationNumber, result: 'fail', reason: '未携带证书原件' }),
    decideRegistration: () => ({ applicationNumber: A.applicationNumber, conclusion: '注册合格', tier: '初审' }),
    revertToPending: () => ({ applicationNumber: A.applicationNumber, reason: '材料不全' }),
    postRegistrationMessage: () => ({ applicationNumber: A.applicationNumber, from: 'institution', text: '请携带证书原件' }),
    getStats: () => ({}),
    getFaults: () => ({}),
    // Small faults only: the fuzz removes them after the run (clearFaults), so they touch no other run.
    setFaults: () => ({
      seed: 7,
      operations: { getCaptcha: { latency: 1, error: { rate: 0, status: 503 } }, '*': { latency: { distribution: 'uniform', min: 0, max: 2 } } },
      smsGateway: { latency: 1 }, registry: { error: { rate: 0 } },
    }),
  };
  return Object.fromEntries(ROUTES.map((r) => {
    const make = all[r.operationId];
    if (!make) throw new Error(`no fuzz template for ${r.operationId}: add one`);
    return [r.operationId, async () => make()];
  }));
}

/** The token a run presents: the right one for the route, none, garbage, or the wrong kind. */
export type TokenKind = 'right' | 'none' | 'garbage' | 'wrong';
export function tokenFor(portal: TestPortal, w: World, operationId: string, kind: TokenKind, who: number, garbage: string): string | undefined {
  const access = portal.server.portal.operation(operationId)!.access;
  const applicant = [w.A, w.B, w.C][who % 3]!.token;
  switch (kind) {
    case 'none': return undefined;
    case 'garbage': return garbage;
    case 'wrong': return access === 'applicant' ? ADMIN : applicant;
    case 'right': return access === 'admin' ? ADMIN : access === 'applicant' ? applicant : undefined;
  }
}
