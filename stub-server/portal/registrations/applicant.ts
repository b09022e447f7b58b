import { decodeEighteenDigit } from '../identity/id-numbers';
import type { Account, ApplicantCopy } from '../records';

/**
 * The applicant's identity as an application shows it above step 2 and on its detail page
 * (002/003 step 2, §3.2.2: 姓名、民族、证件类型、性别、证件号码、出生年月). The application keeps
 * this copy: a later change of name shows on it only once the application is submitted again
 * (001: 修改姓名后需重新提交报名信息…以更新报名数据状态).
 */
export function applicantCopy(account: Account): ApplicantCopy {
  const profile = account.profile;
  // A resident ID says the birth date and gender itself; other documents' holders gave them in their profile.
  const decoded = account.idType === 'resident-id' ? decodeEighteenDigit(account.idNumber) : undefined;
  return {
    name: account.name,
    ethnicity: profile?.ethnicity ?? null,
    idType: account.idType,
    idNumber: account.idNumber,
    gender: decoded?.gender ?? profile?.gender ?? null,
    birthDate: decoded?.birthDate ?? profile?.birthDate ?? null,
  };
}
