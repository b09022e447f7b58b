/** What a registration test needs: an institution, step-2 data, a compliant photo, a ready applicant. */
import { defaultRules } from '../rules';
import type { Applicant, PortalClient } from './harness';
import { makeJpeg, toBase64 } from './jpeg-fixtures';

const { personalPhoto: limits } = defaultRules.registration;

/** A photo inside every limit; `over` replaces one dimension or the byte count. */
export const photo = (over: { width?: number; height?: number; bytes?: number } = {}) => toBase64(makeJpeg(
  over.width ?? limits.widthPx.above + 5, over.height ?? limits.heightPx.above + 5, over.bytes ?? limits.bytes.above + 10_000,
));

export const INSTITUTION = {
  id: 'FJ-FZ', name: '福州市鼓楼区教育局', province: '35', city: '福州市', stages: ['小学', '初中'], qualificationTypes: ['小学教师资格'],
  window: { from: '2026-09-11', to: '2026-11-15' },
  confirmationPoints: [
    { id: 'P-PRIMARY', name: '鼓楼区教师进修学校', scope: { stages: ['小学'], description: '小学教师' } },
    { id: 'P-JUNIOR', name: '鼓楼区第一中学', scope: { stages: ['初中'], description: '初中教师' } },
  ],
};

export const STEP_TWO = {
  mandarinCertificate: '二级甲等', highestEducation: '本科', degree: '学士', majorCategory: '教育学', major: '小学教育',
  graduationDate: '2010-07-01', studyForm: '全日制', currentSchool: '福州市鼓楼第一中心小学', schoolType: '公办', schoolLocation: '城市',
  firstEmploymentDate: '2010-09-01', currentEmployerStartDate: '2015-09-01', title: '一级教师', postType: '专任教师',
  politicalStatus: '群众', householdRegistration: '福建省福州市', address: '福州市鼓楼区杨桥路1号', postcode: '350001',
};

export type Ready = Applicant & { token: string; certificateNumber: string; photoId: string; schoolId: string };

let certSerial = 0;

/** A verified applicant with a synced 2012 certificate, a graduating school and an uploaded photo. */
export async function readyApplicant(portal: PortalClient, photoBase64 = photo()): Promise<Ready> {
  const a = await portal.verifiedApplicant();
  certSerial += 1;
  const certificateNumber = `20123500121${String(certSerial).padStart(6, '0')}`;
  await portal.admin('seedCertificates', [{ number: certificateNumber, holderName: a.name, idNumber: a.idNumber, qualificationType: '小学教师资格', subject: '语文', province: '35', certifyingBody: '福州市教育局', issueDate: '2012-07-01' }]);
  const school = await portal.call('addSchool', { name: '福建师范大学', type: '普通高等学校' }, a.token);
  const schoolId = school.status === 201 ? school.body.id : school.body.existingId;
  const uploaded = await portal.call('uploadPhoto', { photo: photoBase64 }, a.token);
  if (uploaded.status !== 201) throw new Error(`uploadPhoto ${uploaded.status} ${JSON.stringify(uploaded.body)}`);
  return { ...a, certificateNumber, schoolId, photoId: uploaded.body.photoId };
}

/** The seven steps' data for submitRegistration; `over` replaces any field. */
export const application = (a: Ready, over: Record<string, unknown> = {}) => ({
  agreementAccepted: true, certificateNumber: a.certificateNumber, ...STEP_TWO, graduatingSchoolId: a.schoolId, photoId: a.photoId,
  institutionId: INSTITUTION.id, confirmationPointId: 'P-PRIMARY', stage: '小学', subject: '语文', noticesRead: true, commitment: 'agree', ...over,
});
