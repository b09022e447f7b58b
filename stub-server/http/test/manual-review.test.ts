import jpeg from 'jpeg-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestPortal, type Applicant } from '../../../test/harness';
import { makeJpeg, toBase64 } from '../../../test/jpeg-fixtures';
import { jpegSize } from '../../portal/photos/jpeg';

const KB = 1024;
const PHOTO = toBase64(makeJpeg(640, 400));

let portal: TestPortal;
beforeEach(async () => { portal = await TestPortal.start(); });
afterEach(() => portal.close());

/** Signed up, profile completed, and one failed real-name check (a stale record). */
async function failedApplicant(overrides: Partial<Applicant> = {}) {
  const a = await portal.signUp(overrides);
  expect((await portal.call('completeProfile', { ethnicity: '汉族' }, a.token)).status).toBe(200);
  await portal.admin('seedIdentities', [{ idNumber: a.idNumber, name: a.name, stale: true }]);
  expect((await portal.call('verifyRealName', {}, a.token)).body.status).toBe('failed');
  return a;
}

const submit = (token: string, input: Record<string, unknown> = {}) => portal.call('submitManualReview', { photo: PHOTO, ...input }, token);
const decide = (reviewId: string, decision: 'approve' | 'reject', reason?: string) =>
  portal.admin('decideManualReview', { reviewId, decision, ...(reason ? { reason } : {}) });
const me = async (token: string) => (await portal.call('getMe', {}, token)).body;

describe('manual review (SPEC §4)', () => {
  it('accepts an application with a working-day decision date (Wed 30 Sep 2026 → 15 Oct, past National Day)', async () => {
    await portal.at('2026-09-30T10:00:00+08:00');
    const a = await failedApplicant();
    const res = await submit(a.token, { note: '公安记录未更新' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ reviewId: expect.stringMatching(/^MR\d+$/), status: 'pending', cycle: '2026-09-01', decisionDue: '2026-10-15', remainingThisCycle: 2 });
    await portal.at('2026-10-15T17:00:00+08:00');
    const onTime = await decide(res.body.reviewId, 'approve');
    expect(onTime.body).toMatchObject({ status: 'approved', workingDaysTaken: 7, withinSla: true });
  });

  it('reports a decision after the promised date as outside the SLA', async () => {
    const a = await failedApplicant(); // Mon 14 Sep 2026 → due Tue 22 Sep (Sun 20 Sep is a make-up working day)
    const res = await submit(a.token);
    expect(res.body.decisionDue).toBe('2026-09-22');
    await portal.at('2026-09-23T09:00:00+08:00');
    expect((await decide(res.body.reviewId, 'reject', '照片模糊')).body).toMatchObject({ workingDaysTaken: 8, withinSla: false });
  });

  it('approves: real name verified by manual review, a requested name applied, business may continue', async () => {
    const a = await failedApplicant();
    // uploadPhoto stands for business that needs real-name verification (NOT_FOUND until it is wired up).
    const business = () => portal.call('uploadPhoto', { photo: toBase64(makeJpeg(295, 413, 100 * KB)) }, a.token);
    const res = await submit(a.token, { name: '张薇' });
    expect((await me(a.token)).realName.status).toBe('unverified');
    expect(['REAL_NAME_REQUIRED', 'NOT_FOUND']).toContain((await business()).body.code);
    const approved = await decide(res.body.reviewId, 'approve');
    expect(approved.status).toBe(200);
    expect(await me(a.token)).toMatchObject({ name: '张薇', realName: { status: 'verified', method: 'manual-review' } });
    expect((await business()).body.code).not.toBe('REAL_NAME_REQUIRED');
    expect((await portal.call('getManualReview', {}, a.token)).body).toMatchObject({ status: 'approved', reason: null });
    // A later self-verification may fail (the record is still stale) without undoing the approval.
    expect((await portal.call('verifyRealName', {}, a.token)).body).toMatchObject({ status: 'failed', realNameStatus: 'verified' });
    expect((await me(a.token)).realName.status).toBe('verified');
    const again = await submit(a.token);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_VERIFIED');
  });

  it('rejects with a reason shown to the applicant, who may then resubmit', async () => {
    const a = await failedApplicant();
    const first = await submit(a.token);
    const rejected = await decide(first.body.reviewId, 'reject', '证件照片不清晰，请重新上传');
    expect(rejected.body).toMatchObject({ status: 'rejected', reason: '证件照片不清晰，请重新上传' });
    const shown = await portal.call('getManualReview', {}, a.token);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ reviewId: first.body.reviewId, status: 'rejected', reason: '证件照片不清晰，请重新上传', decisionDue: '2026-09-22', remainingThisCycle: 2 });
    expect((await me(a.token)).realName.status).toBe('unverified');
    const second = await submit(a.token);
    expect(second.status).toBe(201);
    expect((await portal.call('getManualReview', {}, a.token)).body).toMatchObject({ reviewId: second.body.reviewId, status: 'pending', remainingThisCycle: 1 });
  });

  it('refuses the 4th application of a cycle with 429, and takes it again on 1 Sep Beijing time', async () => {
    await portal.at('2026-08-20T10:00:00+08:00');
    const a = await failedApplicant();
    for (let i = 0; i < 3; i += 1) {
      const res = await submit(a.token);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ cycle: '2026-01-01', remainingThisCycle: 2 - i });
      await decide(res.body.reviewId, 'reject', '信息不一致');
    }
    const fourth = await submit(a.token);
    expect(fourth.status).toBe(429);
    expect(fourth.body.code).toBe('MANUAL_REVIEW_CYCLE_QUOTA_EXCEEDED');
    const toSeptember = (Date.parse('2026-09-01T00:00:00+08:00') - Date.parse('2026-08-20T10:00:00+08:00')) / 1000;
    expect(fourth.headers.get('retry-after')).toBe(String(toSeptember));
    await portal.at('2026-08-31T23:59:59+08:00');
    const token = await portal.signIn(a);
    expect((await submit(token)).status).toBe(429);
    await portal.at('2026-09-01T00:00:00+08:00');
    const next = await submit(token);
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({ cycle: '2026-09-01', remainingThisCycle: 2 });
  });

  it('refuses a photo of 190 KB or more, and a file that is not a JPEG, without using up an application', async () => {
    const a = await failedApplicant();
    const large = await submit(a.token, { photo: toBase64(makeJpeg(800, 600, 190 * KB)) });
    expect(large.status).toBe(422);
    expect(large.body.errors[0]).toMatchObject({ field: 'photo', code: 'PHOTO_TOO_LARGE' });
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), makeJpeg(8, 8)]);
    const notJpeg = await submit(a.token, { photo: toBase64(png) });
    expect(notJpeg.status).toBe(422);
    expect(notJpeg.body.code).toBe('PHOTO_NOT_JPEG');
    const notBase64 = await submit(a.token, { photo: 'not base64!' });
    expect(notBase64.body.code).toBe('BASE64_FORMAT');
    const justUnder = await submit(a.token, { photo: toBase64(makeJpeg(800, 600, 190 * KB - 1)) });
    expect(justUnder.status).toBe(201);
    expect(justUnder.body.remainingThisCycle).toBe(2);
  });

  it('is reached only from a failed check, and a pending review can be neither resubmitted nor self-verified', async () => {
    const a = await portal.signUp();
    await portal.call('completeProfile', { ethnicity: '汉族' }, a.token);
    const none = await portal.call('getManualReview', {}, a.token);
    expect(none.status).toBe(404);
    expect(none.body.code).toBe('NO_MANUAL_REVIEW');
    const early = await submit(a.token);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('VERIFICATION_FAILURE_REQUIRED');
    const b = await failedApplicant();
    expect((await submit(b.token)).status).toBe(201);
    const twice = await submit(b.token);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('MANUAL_REVIEW_PENDING');
    const verify = await portal.call('verifyRealName', {}, b.token);
    expect(verify.status).toBe(409);
    expect(verify.body.code).toBe('MANUAL_REVIEW_PENDING');
    const verified = await portal.verifiedApplicant();
    expect((await submit(verified.token)).body.code).toBe('ALREADY_VERIFIED');
  });
});

describe('decideManualReview (back office)', () => {
  it('needs a reason to reject, a known review, and a pending one', async () => {
    const a = await failedApplicant();
    const { reviewId } = (await submit(a.token)).body;
    const noReason = await decide(reviewId, 'reject');
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors[0]).toMatchObject({ field: 'reason', code: 'REQUIRED' });
    const unknown = await decide('MR99999999', 'approve');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('MANUAL_REVIEW_NOT_FOUND');
    expect((await decide(reviewId, 'approve')).status).toBe(200);
    const twice = await decide(reviewId, 'reject', '重复');
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('MANUAL_REVIEW_NOT_PENDING');
  });

  it('refuses without the admin token (401) and with a wrong one (403)', async () => {
    const a = await failedApplicant();
    const { reviewId } = (await submit(a.token)).body;
    const anonymous = await portal.call('decideManualReview', { reviewId, decision: 'approve' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('ADMIN_TOKEN_REQUIRED');
    // An applicant's session token is not the admin token.
    const wrong = await portal.call('decideManualReview', { reviewId, decision: 'approve' }, a.token);
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('ADMIN_TOKEN_INVALID');
    expect((await portal.call('getManualReview', {}, a.token)).body.status).toBe('pending');
  });
});

describe('makeJpeg (test fixture)', () => {
  it('hits exact byte sizes, small gaps included, and the files still parse with their size', () => {
    const base = makeJpeg(295, 413).length;
    const targets = [base, base + 1, base + 2, base + 3, base + 4, 51200, 51201, base + 65537 + 1, 190 * KB, 200 * KB];
    for (const target of targets) {
      const file = makeJpeg(295, 413, target);
      expect(file.length).toBe(target);
      expect(jpegSize(file)).toEqual({ width: 295, height: 413 });
      expect(jpeg.decode(file)).toMatchObject({ width: 295, height: 413 });
    }
    expect(() => makeJpeg(295, 413, base - 1)).toThrow(/more than the target/);
  });
});
