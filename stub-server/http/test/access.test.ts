/**
 * Isolation and access: every applicant operation of routes.ts, called with a second
 * applicant's token against the first applicant's resources, neither shows nor changes the
 * first's data; every admin operation refuses without the admin token; session tokens are
 * unguessable and expire per rules.login.sessionMinutes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRules } from '../../../rules';
import { cryptoRandom } from '../../portal';
import { ROUTES } from '../routes';
import { TestPortal, type Answer, type Applicant } from '../../../test/harness';
import { makeJpeg, toBase64 } from '../../../test/jpeg-fixtures';
import { application, INSTITUTION, photo } from '../../../test/registration-fixtures';

type Owner = Applicant & { token: string; applicationNumber: string; photoId: string; certificateNumber: string; handAdded: string; reviewId: string; schoolId: string };
const SMALL = toBase64(makeJpeg(120, 160));
let portal: TestPortal;
let A: Owner;
let B: Owner;

/** An applicant holding one of everything: a decided manual review, certificates, a photo, an application with a message. */
async function owner(name: string, password: string, certificateNumber: string, handAdded: string): Promise<Owner> {
  const a = await portal.signUp({ name, password });
  await portal.call('completeProfile', { ethnicity: '汉族' }, a.token);
  await portal.admin('seedIdentities', [{ idNumber: a.idNumber, name: '某某' }]);
  await portal.call('verifyRealName', {}, a.token);
  const reviewId = (await portal.call('submitManualReview', { photo: SMALL, note: `${name}的备注` }, a.token)).body.reviewId;
  await portal.admin('decideManualReview', { reviewId, decision: 'approve' });
  await portal.admin('seedCertificates', [{ number: certificateNumber, holderName: name, idNumber: a.idNumber, qualificationType: '小学教师资格', subject: '语文', province: '35', certifyingBody: '福州市教育局', issueDate: '2012-07-01' }]);
  const hand = await portal.call('addCertificate', {
    holderName: name, idNumber: a.idNumber, certificateNumber: handAdded, issueDate: '1999-07-01', province: '35', city: '福州市',
    qualificationType: '小学教师资格', subject: '语文', certifyingBody: '福州市教育局', certificatePhoto: SMALL,
  }, a.token);
  expect(hand.status).toBe(201);
  const school = await portal.call('addSchool', { name: `${name}师范学院`, type: '普通高等学校' }, a.token);
  const photoId = (await portal.call('uploadPhoto', { photo: photo() }, a.token)).body.photoId;
  const ready = { ...a, certificateNumber, photoId, schoolId: school.body.id };
  const submitted = await portal.call('submitRegistration', application(ready), a.token);
  expect(submitted.status).toBe(201);
  await portal.admin('postRegistrationMessage', { applicationNumber: submitted.body.applicationNumber, from: 'institution', text: `${name}，请携带证书原件` });
  return { ...ready, handAdded, reviewId, applicationNumber: submitted.body.applicationNumber };
}

beforeAll(async () => {
  portal = await TestPortal.start();
  await portal.admin('seedInstitutions', [INSTITUTION]);
  A = await owner('欧阳娜娜', 'Teach#2026', '20123500121000001', '19993500121000001');
  B = await owner('司马光', 'Other#2027', '20123500121000002', '19993500121000002');
}, 60_000);
afterAll(() => portal.close());

/** What B tries with each applicant operation: A's numbers, ids and identity in every field that could name them. */
function attacks(): Record<string, Record<string, unknown>[]> {
  const asA = { idNumber: A.idNumber, name: A.name, token: A.token, applicationNumber: A.applicationNumber };
  const handAddedAsA = {
    holderName: A.name, idNumber: A.idNumber, certificateNumber: '19993500121000009', issueDate: '1999-07-01', province: '35', city: '福州市',
    qualificationType: '小学教师资格', subject: '语文', certifyingBody: '福州市教育局', certificatePhoto: SMALL,
  };
  return {
    logout: [{ token: A.token, idNumber: A.idNumber }],
    bindWechat: [asA],
    getMe: [asA],
    completeProfile: [{ ...asA, ethnicity: '满族' }],
    changePassword: [{ ...asA, oldPassword: A.password, newPassword: 'Stolen#2026' }, { ...asA, oldPassword: B.password, newPassword: B.password }],
    changePhone: [{ ...asA, phone: '13700001111', code: '000000' }],
    getPersonalInfo: [asA],
    verifyRealName: [{ ...asA }],
    openCtid: [asA],
    submitManualReview: [{ ...asA, photo: SMALL, reviewId: A.reviewId }],
    getManualReview: [{ ...asA, reviewId: A.reviewId }],
    listMyCertificates: [asA],
    addCertificate: [handAddedAsA, { ...handAddedAsA, holderName: B.name, idNumber: B.idNumber, certificateNumber: A.handAdded }],
    addSchool: [{ ...asA, name: `${A.name}师范学院`, type: '普通高等学校' }],
    uploadPhoto: [{ ...asA, photo: photo() }],
    submitRegistration: [
      application({ ...B, photoId: A.photoId }), application({ ...B, certificateNumber: A.certificateNumber }),
      application({ ...B, certificateNumber: A.handAdded, photoId: A.photoId }), { ...application(B), idNumber: A.idNumber },
    ],
    listMyRegistrations: [asA],
    getRegistration: [asA],
    updateRegistration: [{ ...asA, address: '偷改' }, { applicationNumber: B.applicationNumber, photoId: A.photoId }],
    getApplicationForm: [asA],
    listRegistrationMessages: [asA],
  };
}

/** Everything the portal holds of A (no reads through the API: reading messages marks them read). */
function stateOfA() {
  const state = portal.server.portal.ctx.state;
  return structuredClone({
    account: state.accounts.get(A.idNumber),
    sessions: [...state.sessions.values()].filter((x) => x.idNumber === A.idNumber),
    guard: state.loginGuards.get(A.idNumber),
    counters: [...state.counters.entries()].filter(([k]) => k.includes(A.idNumber) || k.includes(A.phone)),
    photos: [...state.photos.values()].filter((p) => p.idNumber === A.idNumber),
    certificates: state.certificates.lookup('holder', A.idNumber),
    identity: state.identities.get(A.idNumber),
    reviews: state.manualReviews.lookup('owner', A.idNumber),
    registrations: state.registrations.lookup('owner', A.idNumber),
  });
}

const secretsOfA = () => [A.idNumber, A.name, A.phone, A.email, A.token, A.photoId, A.certificateNumber, A.handAdded, A.reviewId, `${A.name}的备注`, '请携带证书原件', '现场确认'];

describe('one applicant against another’s data (every applicant operation)', () => {
  it('shows B none of A’s data and changes none of it', async () => {
    const applicantOps = ROUTES.map((r) => r.operationId).filter((id) => portal.server.portal.operation(id)?.access === 'applicant');
    expect(applicantOps.length).toBeGreaterThan(20);
    const table = attacks();
    expect(applicantOps.filter((id) => !table[id]), 'applicant operations without an attack').toEqual([]);
    // An unread message on A's application: B's reading it would mark it read.
    await portal.admin('postRegistrationMessage', { applicationNumber: A.applicationNumber, from: 'confirmation-point', text: '请于9月20日前现场确认' });
    const before = stateOfA();
    const answers: [string, Answer][] = [];
    for (const id of applicantOps) {
      for (const input of table[id]!) {
        const res = await portal.call(id, input, B.token);
        answers.push([id, res]);
        if (id === 'logout') B.token = await portal.signIn(B); // B ended its own session, and only that
      }
    }
    for (const [id, res] of answers) {
      const text = Buffer.isBuffer(res.body) ? res.body.toString('latin1') : JSON.stringify(res.body);
      for (const secret of secretsOfA()) expect(text, `${id} showed B ${secret}`).not.toContain(secret);
      if (res.status < 300) expect(text, `${id} showed B A's application`).not.toContain(A.applicationNumber);
    }
    const refused = (id: string) => answers.filter(([op]) => op === id).map(([, r]) => [r.status, r.body.code]);
    for (const id of ['getRegistration', 'getApplicationForm', 'listRegistrationMessages']) expect(refused(id)).toEqual([[404, 'REGISTRATION_NOT_FOUND']]);
    expect(refused('updateRegistration')).toEqual([[404, 'REGISTRATION_NOT_FOUND'], [422, 'PHOTO_NOT_FOUND']]);
    expect(refused('getManualReview')).toEqual([[200, undefined]]); // B's own review, not A's
    expect(refused('submitRegistration').map(([s]) => s)).toEqual([422, 422, 422, 409]); // the last: B's own duplicate
    expect(refused('addCertificate')).toEqual([[422, 'HOLDER_MISMATCH'], [409, 'CERTIFICATE_EXISTS']]);
    expect(refused('changePassword')[0]).toEqual([401, 'WRONG_CREDENTIALS']);
    for (const id of ['getMe', 'getPersonalInfo']) {
      const [, me] = answers.find(([op]) => op === id)!;
      expect(JSON.stringify(me.body)).toContain(B.idNumber);
    }
    expect(stateOfA()).toEqual(before);
    for (const id of ['getMe', 'getPersonalInfo', 'listMyCertificates', 'listMyRegistrations', 'getManualReview', 'getRegistration', 'listRegistrationMessages']) {
      expect([id, (await portal.call(id, { applicationNumber: A.applicationNumber }, A.token)).status]).toEqual([id, 200]); // A's session lives on
    }
    expect(await portal.signIn(A)).toMatch(/^[\w-]{32}$/); // A's password unchanged
  });
});

describe('admin operations (every one)', () => {
  const adminOps = () => ROUTES.filter((r) => portal.server.portal.operation(r.operationId)?.access === 'admin');
  /** Valid input for every admin operation, so a missing check would show as a change. */
  const inputOf = (operationId: string): unknown => operationId.startsWith('seed')
    ? ({
      seedIdentities: [{ idNumber: A.idNumber, name: '冒名' }],
      seedCertificates: [{ number: A.certificateNumber, holderName: '冒名', idNumber: B.idNumber, qualificationType: '小学教师资格', subject: '语文', province: '35', certifyingBody: '某局', issueDate: '2012-07-01' }],
      seedInstitutions: [{ ...INSTITUTION, name: '冒名机构' }],
    } as Record<string, unknown>)[operationId]
    : { applicationNumber: A.applicationNumber, reviewId: A.reviewId, advanceMs: 86_400_000, result: 'fail', conclusion: '注册不合格', decision: 'reject', reason: '冒名', from: 'institution', text: '冒名', recipient: A.phone };

  it('refuses each without a token (401) and with an applicant’s token (403), changing nothing', async () => {
    expect(adminOps().length).toBeGreaterThan(10);
    const before = { now: portal.clock.now(), a: stateOfA(), held: (await portal.admin('getStats')).body.held };
    for (const route of adminOps()) {
      const input = inputOf(route.operationId);
      const none = await portal.call(route.operationId, input);
      expect([route.operationId, none.status, none.body.code]).toEqual([route.operationId, 401, 'ADMIN_TOKEN_REQUIRED']);
      for (const token of [A.token, B.token, `${portal.adminToken}x`, portal.adminToken.toUpperCase()]) {
        const wrong = await portal.call(route.operationId, input, token);
        expect([route.operationId, wrong.status, wrong.body.code]).toEqual([route.operationId, 403, 'ADMIN_TOKEN_INVALID']);
      }
    }
    expect({ now: portal.clock.now(), a: stateOfA(), held: (await portal.admin('getStats')).body.held }).toEqual(before);
  });
});

describe('session tokens', () => {
  it('come from the cryptographic source, 192 bits each, all distinct and unbiased', async () => {
    expect(portal.server.portal.ctx.random).toBe(cryptoRandom);
    const tokens = [];
    for (let i = 0; i < 40; i += 1) tokens.push(await portal.signIn(B));
    expect(new Set(tokens).size).toBe(tokens.length);
    const bytes = Buffer.concat(tokens.map((t) => {
      expect(t).toMatch(/^[A-Za-z0-9_-]{32}$/);
      return Buffer.from(t, 'base64url');
    }));
    expect(bytes.length).toBe(40 * 24);
    let ones = 0;
    for (const byte of bytes) for (let bit = 0; bit < 8; bit += 1) ones += (byte >> bit) & 1;
    // 7680 fair bits: 50 % ± 5 standard deviations (0.57 %).
    expect(Math.abs(ones / (bytes.length * 8) - 0.5)).toBeLessThan(0.03);
  });

  it.each([defaultRules.login.sessionMinutes, 30])('expire %i minutes after sign-in, however busy the session was', async (sessionMinutes) => {
    const local = await TestPortal.start({ rules: { login: { sessionMinutes } } });
    try {
      const a = await local.signUp();
      const life = sessionMinutes * 60_000;
      await local.advance(life / 2);
      expect((await local.call('getMe', {}, a.token)).status).toBe(200);
      await local.advance(life / 2 - 1);
      expect((await local.call('getMe', {}, a.token)).status).toBe(200);
      await local.advance(1);
      const expired = await local.call('getMe', {}, a.token);
      expect([expired.status, expired.body.code]).toEqual([401, 'SESSION_EXPIRED']);
      expect((await local.call('getMe', {}, a.token)).body.code).toBe('UNAUTHORIZED');
      const fresh = await local.signIn(a);
      expect((await local.call('logout', {}, fresh)).status).toBe(200);
      expect((await local.call('getMe', {}, fresh)).status).toBe(401);
    } finally {
      await local.close();
    }
  });
});
