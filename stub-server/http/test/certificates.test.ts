import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultRules } from '../../../rules';
import { residentId, TestPortal, type Applicant } from '../../../test/harness';
import { makeJpeg, toBase64 } from '../../../test/jpeg-fixtures';

const { photoMaxBytes, syncedFromYear, syncedFromYearByProvince } = defaultRules.certificates;
const GUANGXI = '45';

let portal: TestPortal;
beforeEach(async () => { portal = await TestPortal.start(); });
afterEach(() => portal.close());

let serial = 0;
/** A 17-digit certificate number (year, province, body, type, sex, serial) unique in this file. */
const number17 = (year: number, province: string) => `${year}${province}001210${String((serial += 1)).padStart(5, '0')}`;

const registryCert = (holder: { name: string; idNumber: string }, issueDate: string, province = '35', extra: object = {}) => ({
  number: number17(Number(issueDate.slice(0, 4)), province), holderName: holder.name, idNumber: holder.idNumber,
  qualificationType: '小学教师资格', subject: '语文', province, certifyingBody: '某市教育局', issueDate, ...extra,
});
const seed = async (certs: object[]) => {
  const res = await portal.admin('seedCertificates', certs);
  expect(res.body).toEqual({ seeded: certs.length });
};
const mine = async (token: string) => ((await portal.call('listMyCertificates', {}, token)).body as { certificateNumber: string }[]).map((c) => c.certificateNumber).sort();

describe('certificate sync (SPEC §5, §6)', () => {
  it('links certificates from the sync year on, Guangxi from its own year, older ones with a first registration; exact name only', async () => {
    expect([syncedFromYear, syncedFromYearByProvince[GUANGXI]]).toEqual([2008, 2012]);
    const a = await portal.verifiedApplicant();
    const linked = [
      registryCert(a, '2008-01-01'),
      registryCert(a, '2012-01-01', GUANGXI),
      registryCert(a, '2005-06-30', '35', { lastRegistration: { date: '2021-10-20', conclusion: '注册合格' } }),
    ];
    const unlinked = [
      registryCert(a, '2007-12-31'),
      registryCert(a, '2011-12-31', GUANGXI),
      registryCert({ ...a, name: '张卫' }, '2015-07-01'), // the name differs by one character
    ];
    await seed([...linked, ...unlinked]);
    expect(await mine(a.token)).toEqual(linked.map((c) => c.number).sort());
    const listed = (await portal.call('listMyCertificates', {}, a.token)).body;
    expect(listed.find((c: { certificateNumber: string }) => c.certificateNumber === linked[2]!.number))
      .toMatchObject({ lastRegistration: { date: '2021-10-20', conclusion: '注册合格' }, source: 'registry' });
  });

  it('follows the rule set: a later sync year unlinks 2008 certificates', async () => {
    await portal.close();
    portal = await TestPortal.start({ rules: { certificates: { syncedFromYear: 2009 } } });
    const a = await portal.verifiedApplicant();
    await seed([registryCert(a, '2008-06-01')]);
    expect(await mine(a.token)).toEqual([]);
  });

  it('refuses registry entries with a malformed certificate number', async () => {
    const res = await portal.admin('seedCertificates', [{ ...registryCert({ name: '李娜', idNumber: residentId() }, '2010-01-01'), number: '1234567890123456' }]);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: '0.number', code: 'CERTIFICATE_NUMBER_FORMAT' })]);
  });
});

describe('certificate query by others (SPEC §5)', () => {
  const ask = async (phone: string) => {
    await portal.call('requestSmsCode', { phone, purpose: 'certificate-query', captchaToken: await portal.captchaToken() });
    return portal.lastCode(phone);
  };
  const query = async (fields: object) => portal.call('queryCertificate', { ...fields, captchaToken: await portal.captchaToken() });

  it('finds a synced certificate by exact name, ID and number, with the asker’s SMS code used only on success', async () => {
    const holder = { name: '李娜', idNumber: residentId('350102', '19900101', 22) };
    const synced = registryCert(holder, '2015-07-01');
    const old = registryCert(holder, '2003-07-01');
    await seed([synced, old]);
    const phone = '13912345678';
    const code = await ask(phone);
    const base = { name: holder.name, idNumber: holder.idNumber, phone, code };
    for (const wrong of [{ name: '李那' }, { idNumber: residentId('350102', '19900101', 23) }, { certificateNumber: old.number }]) {
      const res = await query({ ...base, certificateNumber: synced.number, ...wrong });
      expect([res.status, res.body.code]).toEqual([404, 'CERTIFICATE_NOT_FOUND']);
    }
    const found = await query({ ...base, certificateNumber: synced.number });
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ certificateNumber: synced.number, holderName: '李娜', qualificationType: '小学教师资格', issueDate: '2015-07-01' });
    expect((await query({ ...base, certificateNumber: synced.number })).body.code).toBe('CODE_INVALID');
  });

  it('needs a captcha token', async () => {
    const res = await portal.call('queryCertificate', { name: '李娜', idNumber: residentId(), certificateNumber: number17(2015, '35'), phone: '13912345670', code: '123456', captchaToken: 'forged' });
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'captchaToken', code: 'CAPTCHA_INVALID' })]);
  });
});

describe('hand-added certificates (SPEC §6)', () => {
  const certPhoto = (bytes = 60_000) => toBase64(makeJpeg(300, 400, bytes));
  const form = (a: Applicant, over: Record<string, unknown> = {}) => ({
    holderName: a.name, idNumber: a.idNumber, certificateNumber: `2005350012${String((serial += 1)).padStart(5, '0')}`, issueDate: '2005-06-30',
    province: '35', city: '福州市', qualificationType: '小学教师资格', subject: '数学', certifyingBody: '福州市教育局', certificatePhoto: certPhoto(), ...over,
  });
  const add = (a: Applicant & { token: string }, over: Record<string, unknown> = {}) => portal.call('addCertificate', form(a, over), a.token);

  it('adds an older certificate without a first registration, once', async () => {
    const a = await portal.verifiedApplicant();
    const body = form(a, { extraPhotos: [certPhoto(20_000), certPhoto(30_000)] });
    const added = await portal.call('addCertificate', body, a.token);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ certificateNumber: body.certificateNumber, source: 'hand-added', issueDate: '2005-06-30' });
    expect(await mine(a.token)).toEqual([body.certificateNumber]);
    const again = await portal.call('addCertificate', body, a.token);
    expect([again.status, again.body.code]).toEqual([409, 'CERTIFICATE_EXISTS']);
  });

  it('refuses what syncs by itself: from 2008 (Guangxi 2012), or an older certificate with a first registration', async () => {
    const a = await portal.verifiedApplicant();
    expect((await add(a, { issueDate: '2008-01-01' })).body.code).toBe('CERTIFICATE_SYNCED_NOT_ADDABLE');
    expect((await add(a, { issueDate: '2012-01-01', province: GUANGXI })).body.code).toBe('CERTIFICATE_SYNCED_NOT_ADDABLE');
    expect((await add(a, { issueDate: '2011-12-31', province: GUANGXI })).status).toBe(201);
    const firstRegistered = registryCert(a, '2005-06-30', '35', { lastRegistration: { date: '2021-10-20', conclusion: '注册合格' } });
    const unsynced = registryCert(a, '2010-08-01', GUANGXI);
    await seed([firstRegistered, unsynced]);
    const refused = await add(a, { certificateNumber: firstRegistered.number });
    expect([refused.status, refused.body.code]).toEqual([409, 'CERTIFICATE_SYNCED_NOT_ADDABLE']);
    // The registry's Guangxi 2010 entry does not sync: that is exactly the one to add by hand.
    expect((await add(a, { certificateNumber: unsynced.number, issueDate: '2010-08-01', province: GUANGXI })).status).toBe(201);
  });

  it('needs the account’s exact name, a second-generation ID, a 15- or 17-digit number', async () => {
    const a = await portal.verifiedApplicant();
    const res = await add(a, { holderName: '张卫', idNumber: '350102880601001', certificateNumber: '1234567890123456' });
    expect(res.status).toBe(422);
    expect(Object.fromEntries(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])))
      .toEqual({ certificateNumber: 'CERTIFICATE_NUMBER_FORMAT' });
    const identity = await add(a, { holderName: '张卫', idNumber: '350102880601001' });
    expect(Object.fromEntries(identity.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])))
      .toEqual({ holderName: 'HOLDER_MISMATCH', idNumber: 'ID_NOT_SECOND_GENERATION' });
    expect((await add(a, { idNumber: residentId('350102', '19880601', 999) })).body.errors[0].code).toBe('HOLDER_MISMATCH');
  });

  it('takes a certificate photo JPG under the limit, and at most five extra photos', async () => {
    const a = await portal.verifiedApplicant();
    const large = await add(a, { certificatePhoto: certPhoto(photoMaxBytes) });
    expect(large.body.errors).toEqual([expect.objectContaining({ field: 'certificatePhoto', code: 'PHOTO_TOO_LARGE' })]);
    expect((await add(a, { certificatePhoto: certPhoto(photoMaxBytes - 1) })).status).toBe(201);
    const six = Array.from({ length: 6 }, () => certPhoto(15_000));
    expect((await add(a, { extraPhotos: six })).body.errors[0].field).toBe('extraPhotos');
  });

  it('needs real-name verification', async () => {
    const a = await portal.signUp();
    await portal.call('completeProfile', { ethnicity: '汉族' }, a.token);
    const res = await add(a);
    expect([res.status, res.body.code]).toEqual([403, 'REAL_NAME_REQUIRED']);
  });
});

describe('only certificates certified in the system (2008 on; Guangxi 2012) are shown outside the wizard (002/003 §1.1.2, §2.2)', () => {
  it('answers the other query and the personal-information module for them only; the wizard\'s list keeps older ones with a first registration', async () => {
    const a = await portal.verifiedApplicant();
    const firstRegistration = { lastRegistration: { date: '2021-10-20', conclusion: '注册合格' } };
    const inSystem = [registryCert(a, '2008-01-01'), registryCert(a, '2012-01-01', GUANGXI)];
    const older = [registryCert(a, '2005-06-30', '35', firstRegistration), registryCert(a, '2011-06-30', GUANGXI, firstRegistration)];
    await seed([...inSystem, ...older]);
    expect(await mine(a.token)).toEqual([...inSystem, ...older].map((c) => c.number).sort());
    const info = (await portal.call('getPersonalInfo', {}, a.token)).body;
    expect(info.teacherCertificates.map((c: { certificateNumber: string }) => c.certificateNumber).sort()).toEqual(inSystem.map((c) => c.number).sort());

    const phone = '13912340001';
    for (const cert of [...inSystem, ...older]) {
      await portal.call('requestSmsCode', { phone, purpose: 'certificate-query', captchaToken: await portal.captchaToken() });
      const code = await portal.lastCode(phone);
      const res = await portal.call('queryCertificate', { name: a.name, idNumber: a.idNumber, certificateNumber: cert.number, phone, code, captchaToken: await portal.captchaToken() });
      expect([cert.issueDate, res.status]).toEqual([cert.issueDate, inSystem.includes(cert) ? 200 : 404]);
      await portal.advance(24 * 3_600_000); // a new day: the phone's SMS quota again
    }
  });
});
