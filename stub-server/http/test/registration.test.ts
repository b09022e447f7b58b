import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultRules } from '../../../rules';
import { beijingIso, TestPortal } from '../../../test/harness';
import { application, INSTITUTION, photo, readyApplicant, STEP_TWO, type Ready } from '../../../test/registration-fixtures';

const { personalPhoto: limits, formDelayMinutes, approvalTiers } = defaultRules.registration;
const HOUR = formDelayMinutes * 60_000;

let portal: TestPortal;
const start = async (now = '2026-09-14T10:00:00+08:00', rules = {}) => {
  portal = await TestPortal.start({ now, rules });
  await portal.admin('seedInstitutions', [INSTITUTION]);
};
beforeEach(() => start());
afterEach(() => portal.close());

const ready = () => readyApplicant(portal);
const submit = (a: Ready, over: Record<string, unknown> = {}) => portal.call('submitRegistration', application(a, over), a.token);
const submitted = async (a: Ready) => {
  const res = await submit(a);
  expect(res.status).toBe(201);
  return res.body.applicationNumber as string;
};
const fields = (body: { errors: { field: string; code: string }[] }) => Object.fromEntries(body.errors.map((e) => [e.field, e.code]));

describe('personal photo (SPEC §6: >50 KB <200 KB, width 290–300, height 408–418, exclusive)', () => {
  it('uses the wizard figures by default', () => {
    expect(limits).toEqual({ bytes: { above: 51200, below: 204800 }, widthPx: { above: 290, below: 300 }, heightPx: { above: 408, below: 418 } });
  });
  it.each([
    ['bytes at the lower limit', { bytes: limits.bytes.above }, 'PHOTO_TOO_SMALL'],
    ['bytes just above it', { bytes: limits.bytes.above + 1 }, null],
    ['bytes at the upper limit', { bytes: limits.bytes.below }, 'PHOTO_TOO_LARGE'],
    ['bytes just below it', { bytes: limits.bytes.below - 1 }, null],
    ['width at the lower limit', { width: limits.widthPx.above }, 'PHOTO_WIDTH'],
    ['width just above it', { width: limits.widthPx.above + 1 }, null],
    ['width at the upper limit', { width: limits.widthPx.below }, 'PHOTO_WIDTH'],
    ['width just below it', { width: limits.widthPx.below - 1 }, null],
    ['height at the lower limit', { height: limits.heightPx.above }, 'PHOTO_HEIGHT'],
    ['height just above it', { height: limits.heightPx.above + 1 }, null],
    ['height at the upper limit', { height: limits.heightPx.below }, 'PHOTO_HEIGHT'],
    ['height just below it', { height: limits.heightPx.below - 1 }, null],
  ])('%s', async (_, limit, code) => {
    const over = limit as { width?: number; height?: number; bytes?: number };
    const a = await portal.verifiedApplicant();
    const res = await portal.call('uploadPhoto', { photo: photo(over) }, a.token);
    if (code === null) {
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ bytes: over.bytes ?? expect.any(Number), width: over.width ?? expect.any(Number) });
    } else {
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'photo', code })]);
    }
  });
  it('refuses a file that is not a JPEG', async () => {
    const a = await portal.verifiedApplicant();
    const res = await portal.call('uploadPhoto', { photo: Buffer.from('GIF89a not a jpeg').toString('base64') }, a.token);
    expect(res.body.code).toBe('PHOTO_NOT_JPEG');
  });
});

describe('submitting the wizard (SPEC §6)', () => {
  it('answers an application number (year + province + 8 digits), 网报待确认, the form an hour later', async () => {
    const a = await ready();
    const res = await submit(a);
    expect(res.status).toBe(201);
    expect(res.body.applicationNumber).toMatch(/^202635\d{8}$/);
    expect(res.body).toMatchObject({ conclusion: '网报待确认', formAvailableAt: beijingIso(portal.clock.now() + HOUR) });
    const list = await portal.call('listMyRegistrations', {}, a.token);
    expect(list.body).toEqual([expect.objectContaining({ applicationNumber: res.body.applicationNumber, certificateNumber: a.certificateNumber, stage: '小学', subject: '语文', conclusion: '网报待确认', institution: { id: 'FJ-FZ', name: INSTITUTION.name } })]);
  });

  it('names every failing field at once', async () => {
    const a = await ready();
    const other = await ready();
    const res = await submit(a, { agreementAccepted: false, noticesRead: false, postcode: '3500', graduatingSchoolId: 'nope', photoId: other.photoId, confirmationPointId: 'P-JUNIOR', certificateNumber: other.certificateNumber });
    expect(res.status).toBe(422);
    expect(fields(res.body)).toEqual({
      agreementAccepted: 'AGREEMENT_REQUIRED', noticesRead: 'NOTICES_NOT_READ', postcode: 'POSTCODE_FORMAT',
    });
    const refs = await submit(a, { graduatingSchoolId: 'nope', photoId: other.photoId, confirmationPointId: 'P-JUNIOR', certificateNumber: other.certificateNumber });
    expect(fields(refs.body)).toEqual({
      certificateNumber: 'CERTIFICATE_NOT_LINKED', graduatingSchoolId: 'SCHOOL_NOT_FOUND', photoId: 'PHOTO_NOT_FOUND', confirmationPointId: 'OUTSIDE_POINT_SCOPE',
    });
    const rights = await submit(a, { stage: '幼儿园', confirmationPointId: 'P-PRIMARY' });
    expect(fields(rights.body)).toEqual({ institutionId: 'INSTITUTION_NOT_ENTITLED', confirmationPointId: 'OUTSIDE_POINT_SCOPE' });
  });

  it('abandons the application when the commitment is declined', async () => {
    const a = await ready();
    expect((await submit(a, { commitment: 'disagree' })).body.code).toBe('COMMITMENT_DECLINED');
    expect((await portal.call('listMyRegistrations', {}, a.token)).body).toEqual([]);
  });

  it('refuses in the first half of the year: there is no entrance', async () => {
    await portal.close();
    await start('2026-05-10T10:00:00+08:00');
    const a = await ready();
    const res = await submit(a);
    expect([res.status, res.body.code]).toEqual([409, 'REGISTRATION_SEASON_CLOSED']);
  });

  it('refuses on a statutory holiday while the rule closes the portal', async () => {
    await portal.close();
    await start('2026-10-02T10:00:00+08:00');
    const res = await submit(await ready());
    expect([res.status, res.body.code]).toEqual([409, 'PORTAL_CLOSED_HOLIDAY']);
    await portal.close();
    await start('2026-10-02T10:00:00+08:00', { calendar: { portalClosedOnHolidays: false } });
    expect((await submit(await ready())).status).toBe(201);
  });

  it('refuses outside the institution’s online window', async () => {
    await portal.admin('seedInstitutions', [{ ...INSTITUTION, window: { from: '2026-09-20', to: '2026-11-15' } }]);
    const res = await submit(await ready());
    expect([res.status, res.body.code]).toEqual([409, 'REGISTRATION_WINDOW_CLOSED']);
  });

  it('gives 20 concurrent submissions of the same application exactly one number', async () => {
    const a = await ready();
    const answers = await Promise.all(Array.from({ length: 20 }, () => submit(a)));
    const created = answers.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    expect(answers.filter((r) => r.body.code === 'DUPLICATE_APPLICATION')).toHaveLength(19);
    expect((await portal.call('listMyRegistrations', {}, a.token)).body).toHaveLength(1);
  });

  it('lists only the current season', async () => {
    const a = await ready();
    await submitted(a);
    await portal.at('2027-09-14T10:00:00+08:00');
    expect((await portal.call('listMyRegistrations', {}, await portal.signIn(a))).body).toEqual([]);
  });
});

describe('after submission (SPEC §6)', () => {
  it('serves the form only an hour after submission, and again an hour after a photo change', async () => {
    const a = await ready();
    const applicationNumber = await submitted(a);
    const early = await portal.call('getApplicationForm', { applicationNumber }, a.token);
    expect([early.status, early.body.code, early.headers.get('retry-after')]).toEqual([409, 'FORM_NOT_YET_AVAILABLE', String(HOUR / 1000)]);
    await portal.advance(HOUR - 1000);
    expect((await portal.call('getApplicationForm', { applicationNumber }, a.token)).headers.get('retry-after')).toBe('1');
    await portal.advance(1000);
    const form = await portal.call('getApplicationForm', { applicationNumber }, a.token);
    expect(form.status).toBe(200);
    expect(form.headers.get('content-type')).toBe('application/pdf');
    expect(form.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(form.headers.get('content-disposition')).toContain(`${applicationNumber}.pdf`);
    const newPhoto = (await portal.call('uploadPhoto', { photo: photo({ width: limits.widthPx.below - 1 }) }, a.token)).body.photoId;
    expect((await portal.call('updateRegistration', { applicationNumber, photoId: newPhoto }, a.token)).status).toBe(200);
    const again = await portal.call('getApplicationForm', { applicationNumber }, a.token);
    expect([again.status, again.headers.get('retry-after')]).toEqual([409, String(HOUR / 1000)]);
  });

  it('allows modification only while 网报待确认', async () => {
    const a = await ready();
    const applicationNumber = await submitted(a);
    const edit = await portal.call('updateRegistration', { applicationNumber, address: '福州市鼓楼区五四路2号' }, a.token);
    expect([edit.status, edit.body.details.address]).toEqual([200, '福州市鼓楼区五四路2号']);
    expect(edit.body.formAvailableAt).toBe(beijingIso(portal.clock.now() + HOUR)); // no photo change: unchanged
    await portal.admin('confirmOnSite', { applicationNumber, result: 'pass' });
    const refused = await portal.call('updateRegistration', { applicationNumber, address: 'x路' }, a.token);
    expect([refused.status, refused.body.code]).toEqual([409, 'NOT_PENDING_CONFIRMATION']);
    await portal.admin('revertToPending', { applicationNumber, reason: '材料不全' });
    expect((await portal.call('updateRegistration', { applicationNumber, address: 'x路' }, a.token)).status).toBe(200);
  });

  it('hides an application from another applicant', async () => {
    const a = await ready();
    const other = await portal.verifiedApplicant();
    const applicationNumber = await submitted(a);
    for (const [op, extra] of [['getRegistration', {}], ['updateRegistration', { address: '偷改' }], ['getApplicationForm', {}], ['listRegistrationMessages', {}]] as const) {
      const res = await portal.call(op, { applicationNumber, ...extra }, other.token);
      expect([op, res.status, res.body.code]).toEqual([op, 404, 'REGISTRATION_NOT_FOUND']);
    }
    expect((await portal.call('getRegistration', { applicationNumber }, a.token)).body.details.address).toBe(STEP_TWO.address);
  });

  it('shows messages from the confirmation point and the institution', async () => {
    const a = await ready();
    const applicationNumber = await submitted(a);
    const posted = await portal.admin('postRegistrationMessage', { applicationNumber, from: 'confirmation-point', text: '请携带证书原件于9月20日前来现场确认' });
    expect(posted.status).toBe(201);
    const messages = await portal.call('listRegistrationMessages', { applicationNumber }, a.token);
    expect(messages.body).toEqual([{ from: 'confirmation-point', text: '请携带证书原件于9月20日前来现场确认', at: beijingIso(portal.clock.now()) }]);
  });
});

describe('conclusions (SPEC §6, §8)', () => {
  const decide = (applicationNumber: string, conclusion: string, tier?: string) => portal.admin('decideRegistration', { applicationNumber, conclusion, tier });

  it('goes through confirmation and the approval tiers in order', async () => {
    const a = await ready();
    const applicationNumber = await submitted(a);
    expect((await decide(applicationNumber, '注册合格')).body.code).toBe('INVALID_TRANSITION'); // not confirmed yet
    expect((await portal.admin('confirmOnSite', { applicationNumber, result: 'pass' })).body.conclusion).toBe('待注册审批');
    expect((await decide(applicationNumber, '注册合格', approvalTiers[1])).body.code).toBe('TIER_OUT_OF_ORDER');
    for (const tier of approvalTiers.slice(0, -1)) {
      expect((await decide(applicationNumber, '注册合格', tier)).body).toMatchObject({ conclusion: '待注册审批' });
    }
    const final = await decide(applicationNumber, '注册合格', approvalTiers.at(-1));
    expect(final.body).toMatchObject({ conclusion: '注册合格', tiersPassed: approvalTiers });
    expect(final.body.history.map((h: { to: string }) => h.to)).toEqual(['网报待确认', '待注册审批', ...approvalTiers.slice(0, -1).map(() => '待注册审批'), '注册合格']);
    expect((await portal.admin('revertToPending', { applicationNumber })).body.code).toBe('INVALID_TRANSITION');
    expect((await decide(applicationNumber, '暂缓注册')).status).toBe(409);
  });

  it('reverts a failed confirmation, decides without tiers, and frees the certificate after a final refusal', async () => {
    const a = await ready();
    const applicationNumber = await submitted(a);
    expect((await portal.admin('confirmOnSite', { applicationNumber, result: 'fail', reason: '未携带证书原件' })).body.conclusion).toBe('确认未通过');
    expect((await portal.admin('confirmOnSite', { applicationNumber, result: 'pass' })).body.code).toBe('INVALID_TRANSITION');
    expect((await submit(a)).body.code).toBe('DUPLICATE_APPLICATION'); // 确认未通过 can still be set back
    expect((await portal.admin('revertToPending', { applicationNumber })).body.conclusion).toBe('网报待确认');
    expect((await portal.admin('revertToPending', { applicationNumber })).body.code).toBe('INVALID_TRANSITION');
    await portal.admin('confirmOnSite', { applicationNumber, result: 'pass' });
    await decide(applicationNumber, '注册合格', approvalTiers[0]);
    expect((await portal.admin('revertToPending', { applicationNumber })).body).toMatchObject({ conclusion: '网报待确认', tiersPassed: [] });
    await portal.admin('confirmOnSite', { applicationNumber, result: 'pass' });
    expect((await decide(applicationNumber, '暂缓注册')).body.conclusion).toBe('暂缓注册');
    const detail = await portal.call('getRegistration', { applicationNumber }, a.token);
    expect(detail.body.history).toHaveLength(8);
    expect((await submit(a)).status).toBe(201);
  });
});
