import type { ApplicantRecord, ApplicantSession, Variant } from './record';

/**
 * What an applicant types into each form, with the mistakes a variant asks for. Values the
 * seeds name (step 2 of the wizard) are plausible constants; what differs per applicant
 * comes from the record.
 */
export const typoed = (value: string) => `${value}。`; // a full-width stop: the commonest slip

export function registrationForm(a: ApplicantRecord, v: Variant) {
  return {
    idType: a.idType, idNumber: a.idNumber, name: a.name, idValidFrom: a.idValidFrom, idValidTo: a.idValidTo,
    password: a.password, email: v.typo ? typoed(a.email) : a.email, phone: a.phone, agreementAccepted: true,
  };
}

export function profileForm(a: ApplicantRecord, v: Variant) {
  const extra = a.idType === 'resident-id' ? {} : {
    gender: a.gender, birthDate: a.birthDate, localIdNumber: a.localIdNumber,
    ...(a.permitNumber !== undefined ? { permitNumber: a.permitNumber } : {}),
  };
  return { ethnicity: v.typo ? '' : a.ethnicity, ...extra };
}

export function identify(a: ApplicantRecord, v: Variant) {
  return { idType: a.idType, idNumber: a.idNumber, name: v.typo ? `${a.name}某` : a.name };
}

/** A new password that follows the rule and differs from the old one. */
export const nextPassword = (old: string) => `${old.replace(/\d+$/, '')}${(Number(/\d+$/.exec(old)?.[0] ?? 0) + 1) % 10_000}`;
/** A new password with a slip: the special characters left out, which the password rule refuses. */
export const weakPassword = (old: string) => nextPassword(old).replace(/[^\p{L}\d]/gu, '');

const STEP_TWO = {
  mandarinCertificate: '二级甲等', highestEducation: '本科', degree: '学士', majorCategory: '师范教育类', major: '教育学',
  graduationDate: '2008-07-01', studyForm: '普通全日制', schoolType: '公办', schoolLocation: '城市',
  firstEmploymentDate: '2008-09-01', currentEmployerStartDate: '2012-09-01', title: '一级教师', postType: '专任教师',
  politicalStatus: '群众', postcode: '350001',
};

export function wizardSubmission(a: ApplicantRecord, s: ApplicantSession, v: Variant, commitment: 'agree' | 'disagree') {
  return {
    agreementAccepted: true, certificateNumber: a.certificate.number, ...STEP_TWO,
    currentSchool: `${a.city}第一中心小学`, householdRegistration: a.city, address: `${a.city}人民路1号`,
    ...(v.typo ? { postcode: '3500' } : {}),
    graduatingSchoolId: s.schoolId, photoId: s.photoId, ...s.choice, noticesRead: true, commitment,
  };
}

export function handAddedCertificate(a: ApplicantRecord, photo: string, v: Variant) {
  const c = a.certificate;
  return {
    holderName: a.name, idNumber: a.idNumber, certificateNumber: v.typo ? c.number.slice(1) : c.number, issueDate: c.issueDate,
    province: c.province, city: a.city, qualificationType: c.qualificationType, subject: c.subject,
    certifyingBody: c.certifyingBody, certificatePhoto: photo,
  };
}
