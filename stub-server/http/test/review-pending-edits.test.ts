/**
 * 待人工审核期间，您不可修改所提交信息，也不可进行实名核验 (seeds 001 §2.2.2 and 004): while a
 * manual review is pending, nothing it was submitted with may change. Each refusal is the same
 * 409 MANUAL_REVIEW_PENDING, changes nothing and uses up nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestPortal, type Applicant } from '../../../test/harness';
import { makeJpeg, toBase64 } from '../../../test/jpeg-fixtures';

const PHOTO = toBase64(makeJpeg(640, 400));
const PERMIT_PROFILE = { ethnicity: '汉族', gender: 'female', birthDate: '1992-01-30', localIdNumber: 'A123456789', permitNumber: '87654321' };

let portal: TestPortal;
beforeEach(async () => { portal = await TestPortal.start(); });
afterEach(() => portal.close());

/** Signed up with a completed profile, one failed real-name check, and a manual review pending. */
async function pendingApplicant(overrides: Partial<Applicant> = {}, profile: Record<string, unknown> = { ethnicity: '汉族' }) {
  const a = await portal.signUp(overrides);
  expect((await portal.call('completeProfile', profile, a.token)).status).toBe(200);
  await portal.admin('seedIdentities', [{ idNumber: a.idNumber, name: a.name, stale: true }]);
  expect((await portal.call('verifyRealName', {}, a.token)).body.status).toBe('failed');
  const review = await portal.call('submitManualReview', { photo: PHOTO }, a.token);
  expect(review.status).toBe(201);
  return { ...a, reviewId: review.body.reviewId as string };
}

const me = async (token: string) => (await portal.call('getMe', {}, token)).body;
const expectPending = (answer: { status: number; body: any }) => {
  expect(answer.status).toBe(409);
  expect(answer.body).toMatchObject({ code: 'MANUAL_REVIEW_PENDING', status: 409 });
};

describe('edits while a manual review is pending (001, 004)', () => {
  it('refuses a changed profile; the same profile sent again changes nothing and is answered as it is', async () => {
    const a = await pendingApplicant();
    expectPending(await portal.call('completeProfile', { ethnicity: '回族' }, a.token));
    expect((await me(a.token)).profile.ethnicity).toBe('汉族');
    const same = await portal.call('completeProfile', { ethnicity: '汉族' }, a.token);
    expect(same.status).toBe(200);
    expect(same.body.profile.ethnicity).toBe('汉族');
  });

  it('refuses a permit holder\'s changed local ID number, gender or birth date', async () => {
    const a = await pendingApplicant({ idType: 'residence-permit', idNumber: '830000199201300022' }, PERMIT_PROFILE);
    for (const change of [{ localIdNumber: 'B987654321' }, { gender: 'male' }, { birthDate: '1992-01-31' }, { permitNumber: '87654322' }]) {
      expectPending(await portal.call('completeProfile', { ...PERMIT_PROFILE, ...change }, a.token));
    }
    expect((await me(a.token)).profile).toMatchObject(PERMIT_PROFILE);
  });

  it('refuses a phone change without using up its code: the code still works once the review is decided', async () => {
    const a = await pendingApplicant();
    await portal.call('requestSmsCode', { phone: '15900000002', purpose: 'change-phone', captchaToken: await portal.captchaToken() });
    const code = await portal.lastCode('15900000002');
    expectPending(await portal.call('changePhone', { phone: '15900000002', code }, a.token));
    expect((await me(a.token)).maskedPhone).not.toBe('159****02');
    await portal.admin('decideManualReview', { reviewId: a.reviewId, decision: 'reject', reason: '照片不清晰' });
    const changed = await portal.call('changePhone', { phone: '15900000002', code }, a.token);
    expect(changed.status).toBe(200);
    expect(changed.body.maskedPhone).toBe('159****02');
  });

  it('refuses real-name verification (with or without a new name) and a second application, with one code, using up no attempt', async () => {
    const a = await pendingApplicant();
    expectPending(await portal.call('verifyRealName', {}, a.token));
    expectPending(await portal.call('verifyRealName', { name: '张薇' }, a.token));
    expectPending(await portal.call('submitManualReview', { photo: PHOTO, name: '张薇' }, a.token));
    expect((await me(a.token)).name).toBe(a.name);
    await portal.admin('decideManualReview', { reviewId: a.reviewId, decision: 'reject', reason: '照片不清晰' });
    // One of the day's three attempts was used before the review; the refused ones used none.
    expect((await portal.call('verifyRealName', {}, a.token)).body).toMatchObject({ status: 'failed', attemptsLeft: 1 });
    expect((await portal.call('completeProfile', { ethnicity: '回族' }, a.token)).status).toBe(200);
  });

  it('still lets the applicant change the password and bind WeChat: neither is what was submitted', async () => {
    const a = await pendingApplicant();
    expect((await portal.call('changePassword', { oldPassword: a.password, newPassword: 'Pending#2026' }, a.token)).status).toBe(200);
    const token = await portal.signIn({ idNumber: a.idNumber, password: 'Pending#2026' });
    expect((await portal.call('bindWechat', {}, token)).status).toBe(200);
    expect((await portal.call('getManualReview', {}, token)).body.status).toBe('pending');
  });
});
