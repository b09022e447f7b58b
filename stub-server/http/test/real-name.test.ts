import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { residentId, TestPortal, type Applicant } from '../../../test/harness';
import { makeJpeg, toBase64 } from '../../../test/jpeg-fixtures';

const NAME_CHANGE_FAILED = '实名审核失败，信息更新未成功。您仍可正常办理业务，如确需修改，可参照页面右侧说明开通网证，再进行实名审核。';

let portal: TestPortal;
beforeEach(async () => { portal = await TestPortal.start(); });
afterEach(() => portal.close());

/** Signed up with the profile completed, not yet verified. */
async function applicant(overrides: Partial<Applicant> = {}) {
  const a = await portal.signUp(overrides);
  const extra = a.idType === 'resident-id' ? {} : {
    gender: 'female', birthDate: '1990-03-07', localIdNumber: 'A1234567',
    ...(a.idType === 'residence-permit' ? { permitNumber: 'H87654321' } : {}),
  };
  const profile = await portal.call('completeProfile', { ethnicity: '汉族', ...extra }, a.token);
  expect(profile.status).toBe(200);
  return a;
}

const verify = (token: string, input: { name?: string } = {}) => portal.call('verifyRealName', input, token);
const me = async (token: string) => (await portal.call('getMe', {}, token)).body;
const seed = (entries: { idNumber: string; name: string; stale?: boolean }[]) => portal.admin('seedIdentities', entries);

describe('real-name verification (SPEC §4)', () => {
  it('refuses the 4th attempt of a Beijing day with 429 and Retry-After until midnight, and accepts it after', async () => {
    await portal.at('2026-09-14T22:00:00+08:00');
    const a = await applicant();
    await seed([{ idNumber: a.idNumber, name: '李娜' }]); // failures count as attempts too
    expect((await verify(a.token)).body).toMatchObject({ status: 'failed', attemptsLeft: 2 });
    expect((await verify(a.token)).body).toMatchObject({ status: 'failed', attemptsLeft: 1 });
    expect((await verify(a.token)).body).toMatchObject({ status: 'failed', attemptsLeft: 0 });
    const fourth = await verify(a.token);
    expect(fourth.status).toBe(429);
    expect(fourth.headers.get('content-type')).toContain('application/problem+json');
    expect(fourth.body.code).toBe('REAL_NAME_DAILY_QUOTA_EXCEEDED');
    expect(fourth.headers.get('retry-after')).toBe(String(2 * 3600));
    await portal.at('2026-09-14T23:59:59+08:00');
    const late = await verify(a.token);
    expect(late.status).toBe(429);
    expect(late.headers.get('retry-after')).toBe('1');
    await portal.at('2026-09-15T00:00:00+08:00');
    const token = await portal.signIn(a); // the 2-hour session has run out meanwhile
    await seed([{ idNumber: a.idNumber, name: a.name }]);
    expect((await verify(token)).body).toMatchObject({ status: 'passed', attemptsLeft: 2 });
  });

  it('fails a stale public-security record with nextStep open-ctid, and passes once CTID is opened', async () => {
    const a = await applicant();
    await seed([{ idNumber: a.idNumber, name: a.name, stale: true }]);
    const failed = await verify(a.token);
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({ status: 'failed', reason: 'REGISTRY_STALE', nextStep: 'open-ctid', attemptsLeft: 2 });
    expect((await me(a.token)).realName.status).toBe('unverified');
    expect((await portal.call('openCtid', {}, a.token)).body).toEqual({ ctidOpened: true });
    expect((await verify(a.token)).body).toMatchObject({ status: 'passed', attemptsLeft: 1 });
    expect((await me(a.token)).realName).toMatchObject({ status: 'verified', method: 'registry' });
  });

  it('sends a record that CTID does not refresh on to manual review (003 §2.1)', async () => {
    const a = await applicant();
    await portal.admin('seedIdentities', [{ idNumber: a.idNumber, name: a.name, stale: true, ctidFixes: false }]);
    expect((await verify(a.token)).body).toMatchObject({ status: 'failed', nextStep: 'open-ctid' });
    expect((await portal.call('openCtid', {}, a.token)).status).toBe(200);
    expect((await verify(a.token)).body).toMatchObject({ status: 'failed', reason: 'REGISTRY_STALE', nextStep: 'manual-review' });
  });

  it('fails when the name does not match the registry', async () => {
    const a = await applicant();
    await seed([{ idNumber: a.idNumber, name: '李娜' }]);
    expect((await verify(a.token)).body).toMatchObject({ status: 'failed', reason: 'NAME_MISMATCH', nextStep: 'manual-review' });
    expect((await me(a.token)).realName.status).toBe('unverified');
  });

  it('verifies an ID never seeded under the name it registered with', async () => {
    const a = await applicant();
    expect((await verify(a.token)).body).toMatchObject({ status: 'passed', attemptsLeft: 2 });
  });

  it('applies a name change only when the check passes, and shows the seed text when it fails', async () => {
    const a = await portal.verifiedApplicant();
    const refused = await verify(a.token, { name: '张三' }); // the registry still holds 张伟
    expect(refused.body).toMatchObject({ status: 'failed', nameChange: { applied: false }, message: NAME_CHANGE_FAILED });
    expect(await me(a.token)).toMatchObject({ name: '张伟', realName: { status: 'verified' } }); // business goes on
    await seed([{ idNumber: a.idNumber, name: '张薇' }]); // the name was changed at the police station
    const applied = await verify(a.token, { name: '张薇' });
    expect(applied.body).toMatchObject({ status: 'passed', nameChange: { applied: true, name: '张薇' } });
    expect((await me(a.token)).name).toBe('张薇');
  });

  it('checks every non-resident ID type automatically first', async () => {
    const ids: Partial<Applicant>[] = [
      { idType: 'hk-macau-permit', idNumber: 'H12345678' },
      { idType: 'taiwan-permit', idNumber: '12345678' },
      { idType: 'residence-permit', idNumber: residentId('810000', '19900307', 7) },
    ];
    for (const id of ids) {
      const a = await applicant(id);
      expect((await verify(a.token)).body).toMatchObject({ status: 'passed' });
      expect((await me(a.token)).realName).toMatchObject({ status: 'verified', method: 'registry' });
    }
  });

  it('sends a stale non-resident record to manual review, and refuses verification while the review is pending', async () => {
    const a = await applicant({ idType: 'hk-macau-permit', idNumber: 'H12345678' });
    await seed([{ idNumber: 'h12345678', name: a.name, stale: true }]); // upper-case normalised
    expect((await verify(a.token)).body).toMatchObject({ status: 'failed', reason: 'REGISTRY_STALE', nextStep: 'manual-review', attemptsLeft: 2 });
    const ctid = await portal.call('openCtid', {}, a.token);
    expect(ctid.status).toBe(409);
    expect(ctid.body.code).toBe('CTID_RESIDENT_ID_ONLY');
    const review = await portal.call('submitManualReview', { photo: toBase64(makeJpeg(400, 300)) }, a.token);
    expect(review.status).toBe(201);
    const refused = await verify(a.token);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('MANUAL_REVIEW_PENDING');
    await portal.admin('decideManualReview', { reviewId: review.body.reviewId, decision: 'reject', reason: '照片不清晰' });
    // The refused attempt did not use one up.
    expect((await verify(a.token)).body).toMatchObject({ status: 'failed', attemptsLeft: 1 });
  });

  it('needs a session and a completed profile', async () => {
    expect((await portal.call('verifyRealName', {})).status).toBe(401);
    const a = await portal.signUp();
    const early = await verify(a.token);
    expect(early.status).toBe(403);
    expect(early.body.code).toBe('PROFILE_INCOMPLETE');
  });

  it('refuses a name change to a malformed name with 422', async () => {
    const a = await applicant();
    const bad = await verify(a.token, { name: '张3' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ field: 'name', code: 'NAME_FORMAT' });
  });
});

describe('seedIdentities (test control)', () => {
  it('takes a bare array, defaults stale to false, and replaces by ID number', async () => {
    const a = await applicant();
    expect((await seed([{ idNumber: a.idNumber, name: a.name, stale: true }, { idNumber: 'M12345678', name: '陈大文' }])).body).toEqual({ seeded: 2 });
    expect((await verify(a.token)).body.status).toBe('failed');
    await seed([{ idNumber: a.idNumber, name: a.name }]);
    expect((await verify(a.token)).body.status).toBe('passed');
  });

  it('names each failing entry with 422', async () => {
    const bad = await portal.admin('seedIdentities', [{ idNumber: 'H12345678', name: '陈3' }, { idNumber: 'H87654321', name: '陈' }, { name: '陈' }]);
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string; code: string }) => `${e.field} ${e.code}`)).toEqual(['0.name NAME_FORMAT', '2.idNumber REQUIRED']);
  });

  it('refuses without the admin token (401) and with a wrong one (403)', async () => {
    const entries = [{ idNumber: 'H12345678', name: '陈大文' }];
    expect((await portal.call('seedIdentities', entries)).status).toBe(401);
    const wrong = await portal.call('seedIdentities', entries, 'not-the-admin-token');
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('ADMIN_TOKEN_INVALID');
  });
});
