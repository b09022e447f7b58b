import { secondsUntil } from '../../../rules';
import { applicantOperation, BinaryResult } from '../operation';
import { conflict } from '../problem';
import type { PortalContext } from '../context';
import type { Account, Registration } from '../records';
import { myCertificates } from '../certificates/sync';
import { applicationNumberInput, ownRegistration } from './read';
import { applicantCopy } from './applicant';
import { applicationFormPdf, type FormContent } from './form-pdf';
import type { Details } from './fields';
import { Lazy } from '../lazy';

const GENDER = { male: '男', female: '女' } as const;
const ID_TYPE = { 'resident-id': '居民身份证', 'hk-macau-permit': '港澳居民来往内地通行证', 'taiwan-permit': '台湾居民来往大陆通行证', 'residence-permit': '港澳台居民居住证' } as const;

/** What the form prints of an application: every field the applicant entered, as the portal's form lays them out. */
function formContent(ctx: PortalContext, account: Account, reg: Registration): FormContent {
  const who = reg.applicant ?? applicantCopy(account);
  const d = reg.details as Details;
  const cert = myCertificates(ctx, account).find((c) => c.number === reg.certificateNumber);
  const institution = ctx.state.institutions.get(reg.institutionId);
  const point = institution?.confirmationPoints.find((p) => p.id === reg.confirmationPointId);
  const photo = ctx.state.photos.get(reg.photoId)?.jpeg;
  return {
    title: '教师资格定期注册申请表',
    subtitle: `申请号 ${reg.applicationNumber}    提交时间 ${ctx.iso(reg.submittedAt).slice(0, 16).replace('T', ' ')}（北京时间）`,
    sections: [
      {
        heading: '个人信息',
        fields: [
          ['姓名', who.name], ['性别', who.gender ? GENDER[who.gender] : ''], ['民族', who.ethnicity ?? ''],
          ['出生日期', who.birthDate ?? ''], ['证件类型', ID_TYPE[who.idType]], ['证件号码', who.idNumber],
        ],
      },
      {
        heading: '资格证书信息',
        fields: [
          ['证书号码', reg.certificateNumber], ['资格种类', cert?.qualificationType ?? ''],
          ['任教学科', cert?.subject ?? ''], ['认定机构', cert?.certifyingBody ?? ''], ['认定日期', cert?.issueDate ?? ''],
        ],
      },
      {
        heading: '注册信息',
        fields: [
          ['普通话等级', d.mandarinCertificate], ['最高学历', d.highestEducation], ['学位', d.degree], ['专业类别', d.majorCategory],
          ['所学专业', d.major], ['毕业学校', ctx.state.schools.get(d.graduatingSchoolId)?.name ?? d.graduatingSchoolId],
          ['毕业时间', d.graduationDate], ['学习形式', d.studyForm], ['现任教学校', d.currentSchool], ['学校类型', d.schoolType],
          ['学校所在地', d.schoolLocation], ['参加工作时间', d.firstEmploymentDate], ['现单位任职', d.currentEmployerStartDate], ['职称', d.title],
          ['岗位类型', d.postType], ['政治面貌', d.politicalStatus], ['户籍所在地', d.householdRegistration], ['邮政编码', d.postcode],
          ['通讯地址', d.address],
        ],
      },
      {
        heading: '注册机构与确认点',
        fields: [
          ['任教学段', reg.stage], ['任教学科', reg.subject],
          ['注册机构', institution?.name ?? reg.institutionId], ['确认点', point?.name ?? reg.confirmationPointId],
        ],
      },
    ],
    ...(photo ? { photo: Buffer.from(photo, 'base64') } : {}),
    createdAt: new Date(reg.submittedAt),
  };
}

export const getApplicationForm = applicantOperation({
  operationId: 'getApplicationForm',
  output: { binary: 'application/pdf' },
  refuses: ['REGISTRATION_NOT_FOUND', 'FORM_NOT_YET_AVAILABLE'],
  summary: 'The application form (教师资格定期注册申请表) as PDF, one A4 page with the photo: available 1 hour after submission or after a photo change (409 + Retry-After before)',
  section: '§6',
  requires: ['profile'],
  input: applicationNumberInput,
  run: ({ ctx, input, account, now }) => {
    const reg = ownRegistration(ctx, account, input.applicationNumber);
    if (now < reg.formAvailableAt) {
      const retryAfterSeconds = secondsUntil(now, reg.formAvailableAt);
      throw conflict('FORM_NOT_YET_AVAILABLE', `the form is generated ${ctx.rules.registration.formDelayMinutes} minutes after submission or a photo change`, {
        availableAt: ctx.iso(reg.formAvailableAt), retryAfterSeconds,
      });
    }
    // Built only when read (lazy.ts): in process the simulator downloads it and reads nothing,
    // so even gathering its fields waits; over HTTP it is read at once, as the records are now.
    return new Lazy(() => applicationFormPdf(formContent(ctx, account, reg))
      .then((pdf) => new BinaryResult('application/pdf', pdf, `${reg.applicationNumber}.pdf`)));
  },
});
