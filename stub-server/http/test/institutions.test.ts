import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultRules } from '../../../rules';
import { TestPortal } from '../../../test/harness';
import { DEMO_CERTIFICATES, loadDemoData } from '../../portal/demo/demo-data';

const institution = (id: string, over: Record<string, unknown> = {}, city = '福州市') => ({
  id, name: `${id} 教育局`, province: '35', city, stages: ['小学', '初中'], qualificationTypes: ['小学教师资格', '初级中学教师资格'],
  window: { from: '2026-09-11', to: '2026-11-15' },
  confirmationPoints: [
    { id: `${id}-1`, name: '小学确认点', scope: { stages: ['小学'], description: '小学教师' } },
    { id: `${id}-2`, name: '初中确认点', scope: { stages: ['初中'], cities: [city], description: `${city}初中教师` } },
  ],
  ...over,
});

let portal: TestPortal;
beforeEach(async () => { portal = await TestPortal.start({ now: '2026-09-14T10:00:00+08:00' }); });
afterEach(() => portal.close());

const ids = (list: { institutionId?: string; id?: string }[]) => list.map((i) => i.institutionId ?? i.id);

describe('the must-read notice (SPEC §6)', () => {
  it('carries scope, conditions with the training hours of the rules, first-registration conditions, materials', async () => {
    const notice = (await portal.call('getRegistrationNotice')).body;
    expect(notice.trainingHoursPerPeriod).toBe(defaultRules.registration.trainingHoursPerPeriod);
    expect(notice.conditions.join()).toContain(`${defaultRules.registration.trainingHoursPerPeriod}个培训学时`);
    expect(notice.scope.mandatory).toHaveLength(3);
    expect(notice.firstRegistrationConditions).toContain('首次任教人员须试用期满且考核合格');
    expect(notice.materials.length).toBeGreaterThan(0);
    expect(notice.agreement).toHaveLength(7);
  });

  it('words the conditions and the agreement as the seeds do (002/003 §3.1.1, step 1)', async () => {
    const notice = (await portal.call('getRegistrationNotice')).body;
    expect(notice.conditions[0]).toBe('遵守国家法律法规和《中小学教师职业道德规范》，达到省级教育行政部门规定的师德考核评价标准，有良好的师德表现');
    expect(notice.conditions[2]).toBe(`每个注册有效期内完成不少于国家规定的${defaultRules.registration.trainingHoursPerPeriod}个培训学时或省级教育行政部门规定的等量学分`);
    expect(notice.agreement[5]).toBe('申请人同意本申报系统对个人申报信息进行在线核验。核验信息包括但不限于申请人拥有的教师资格信息、遵守师德规范信息、年度考核信息和继续教育培训学时信息等。');
  });
});

describe('window lookup (SPEC §6)', () => {
  beforeEach(async () => {
    await portal.admin('seedInstitutions', [
      institution('OPEN'),
      institution('LATER', { window: { from: '2026-10-12', to: '2026-11-30' } }, '厦门市'),
      institution('OVER', { window: { from: '2026-07-01', to: '2026-09-13' } }),
      institution('NEXT-YEAR', { window: { from: '2027-09-11', to: '2027-11-15' } }),
      institution('HIGH', { stages: ['高中'], qualificationTypes: ['高级中学教师资格'], subjects: ['物理'], confirmationPoints: [{ id: 'H1', name: '高中确认点', scope: { stages: ['高中'], description: '高中教师' } }] }),
    ]);
  });
  const search = (query: Record<string, string>) => portal.call('searchRegistrationWindows', query);

  it('lists windows open or upcoming this season, with points and their scope', async () => {
    const res = await search({ province: '35' });
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual(['HIGH', 'LATER', 'OPEN']);
    const open = res.body.find((w: { institutionId: string }) => w.institutionId === 'OPEN');
    expect(open).toMatchObject({ status: 'open', window: { from: '2026-09-11', to: '2026-11-15' } });
    expect(open.confirmationPoints[1]).toEqual({ id: 'OPEN-2', name: '初中确认点', scope: { stages: ['初中'], cities: ['福州市'], description: '福州市初中教师' } });
    expect(res.body.find((w: { institutionId: string }) => w.institutionId === 'LATER').status).toBe('upcoming');
  });

  it('narrows by city, stage and institution; the points by the stage', async () => {
    expect(ids((await search({ province: '35', city: '厦门市' })).body)).toEqual(['LATER']);
    const primary = (await search({ province: '35', city: '福州市', stage: '小学' })).body;
    expect(ids(primary)).toEqual(['OPEN']);
    expect(primary[0].confirmationPoints.map((p: { id: string }) => p.id)).toEqual(['OPEN-1']);
    expect(ids((await search({ province: '35', institution: 'LATER 教育局' })).body)).toEqual(['LATER']);
  });

  it('answers an empty list where nothing has opened', async () => {
    expect((await search({ province: '45' })).body).toEqual([]);
  });

  it('has no entrance in the first half of the year', async () => {
    await portal.at('2026-06-30T23:59:59+08:00');
    const res = await search({ province: '35' });
    expect([res.status, res.body.code]).toEqual([409, 'REGISTRATION_SEASON_CLOSED']);
    await portal.at('2026-07-01T00:00:00+08:00');
    expect((await search({ province: '35' })).status).toBe(200);
  });

  it('finds institutions with the right for a qualification type, stage and subject', async () => {
    const find = async (query: Record<string, string>) => ids((await portal.call('searchInstitutions', query)).body);
    expect(await find({ province: '35', qualificationType: '高级中学教师资格', subject: '物理' })).toEqual(['HIGH']);
    expect(await find({ province: '35', qualificationType: '高级中学教师资格', subject: '化学' })).toEqual([]);
    expect(await find({ province: '35', city: '福州市', qualificationType: '小学教师资格', stage: '小学' })).toEqual(['NEXT-YEAR', 'OPEN', 'OVER']);
  });
});

describe('seeding institutions', () => {
  it('refuses a window outside the open months', async () => {
    const res = await portal.admin('seedInstitutions', [institution('A'), institution('B', { window: { from: '2026-06-20', to: '2026-07-15' } })]);
    expect([res.status, res.body.errors]).toEqual([422, [expect.objectContaining({ field: '1.window', code: 'WINDOW_NOT_IN_SEASON' })]]);
    expect((await portal.admin('seedInstitutions', [institution('C', { window: { from: '2026-12-01', to: '2027-01-10' } })])).body.code).toBe('WINDOW_NOT_IN_SEASON');
    expect((await portal.call('searchInstitutions', { province: '35' })).body).toEqual([]);
  });
});

describe('graduating schools (SPEC §6)', () => {
  it('adds a school once, then finds it by a part of its name', async () => {
    const a = await portal.verifiedApplicant();
    const added = await portal.call('addSchool', { name: '福建师范大学', type: '普通高等学校', province: '35' }, a.token);
    expect(added.status).toBe(201);
    const again = await portal.call('addSchool', { name: '福建 师范大学', type: '普通高等学校' }, a.token);
    expect([again.status, again.body.code, again.body.existingId]).toEqual([409, 'SCHOOL_EXISTS', added.body.id]);
    expect((await portal.call('searchSchools', { q: '师范' })).body).toEqual([{ id: added.body.id, name: '福建师范大学', type: '普通高等学校', province: '35' }]);
    expect((await portal.call('searchSchools', { q: '师范', province: '11' })).body).toEqual([]);
  });

  it('answers one page of matches', async () => {
    const a = await portal.verifiedApplicant();
    for (let i = 0; i < 22; i += 1) await portal.call('addSchool', { name: `第${i}师范学院`, type: '普通高等学校' }, a.token);
    expect((await portal.call('searchSchools', { q: '师范学院' })).body).toHaveLength(20);
  });

  it('needs a completed profile to add one', async () => {
    const a = await portal.signUp();
    expect((await portal.call('addSchool', { name: '闽江学院', type: '普通高等学校' }, a.token)).body.code).toBe('PROFILE_INCOMPLETE');
  });
});

describe('the demo dataset', () => {
  it('loads idempotently and shows each sync case', async () => {
    const first = await loadDemoData(portal.server.portal);
    expect(await loadDemoData(portal.server.portal)).toEqual(first);
    expect(ids((await portal.call('searchRegistrationWindows', { province: '35' })).body)).toEqual(['FJ-FZ-GL', 'FJ-XM']);
    expect((await portal.call('searchSchools', { q: '师范大学' })).body).toHaveLength(5);
    const guangxi = DEMO_CERTIFICATES.filter((c) => c.holderName === '黄海');
    const holder = await portal.verifiedApplicant({ idNumber: guangxi[0]!.idNumber, name: '黄海' });
    const mine = (await portal.call('listMyCertificates', {}, holder.token)).body;
    expect(mine.map((c: { issueDate: string }) => c.issueDate)).toEqual(['2014-07-10']); // the 2010 one does not sync
  });
});
