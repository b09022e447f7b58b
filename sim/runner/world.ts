import type { Rules } from '../../rules';
import { hashPassword, type Account, type Portal } from '../../stub-server/portal';
import type { ApplicantRecord } from '../applicant';
import { provinceOf, STAGES } from '../population';
import type { ProvinceWindow } from '../../scenarios/types';

const SEASON_STAGES = STAGES.filter((s) => s.stage !== '高校');

/**
 * The portal's world for a scenario: each province's registration body with its window and
 * a confirmation point per teaching stage; and, as each applicant arrives, what the portal
 * already knew of them (registry certificate, public-security record, an account from
 * earlier years). Written through admin operations, as a test or an operator would.
 */
export async function seedInstitutions(portal: Portal, provinces: readonly ProvinceWindow[]): Promise<void> {
  await portal.invoke('seedInstitutions', provinces.map((p) => {
    const province = provinceOf(p.code);
    return {
      id: institutionId(p.code),
      name: `${province.name}教师资格定期注册机构`,
      province: p.code,
      city: province.cities[0]!.name,
      stages: [...new Set(SEASON_STAGES.map((s) => s.stage))],
      qualificationTypes: SEASON_STAGES.map((s) => s.qualificationType),
      window: p.window,
      confirmationPoints: [...new Set(SEASON_STAGES.map((s) => s.stage))].map((stage) => ({
        id: `${p.code}-P-${stage}`, name: `${province.name}${stage}教师确认点`, scope: { stages: [stage], description: `${stage}教师` },
      })),
    };
  }));
}

export const institutionId = (province: string) => `${province}-REG`;

/** What the portal holds about an applicant before they arrive. */
export async function seedApplicant(portal: Portal, a: ApplicantRecord, options: { verifiedAccount: boolean; ctidFixes: boolean; rules: Rules }): Promise<void> {
  if (!a.persona.handAddedCertificate) {
    await portal.invoke('seedCertificates', [{ ...a.certificate, holderName: a.name, idNumber: a.idNumber }]);
  }
  if (a.staleRecord) await portal.invoke('seedIdentities', [{ idNumber: a.idNumber, name: a.name, stale: true, ctidFixes: options.ctidFixes }]);
  if (!a.persona.hasAccount) return;
  // Accounts from earlier years are state, not traffic: written straight into the domain's table.
  const registeredAt = Date.parse(a.persona.accountBefore2019 ? '2018-06-01T10:00:00+08:00' : '2021-09-15T10:00:00+08:00');
  const account: Account = {
    idType: a.idType, idNumber: a.idNumber, name: a.name, idValidFrom: a.idValidFrom, idValidTo: a.idValidTo,
    passwordHash: await hashPassword(a.password, `seed-${a.index}`, options.rules.account.scryptCost),
    email: a.email, phone: a.phone, registeredAt, wechatBound: a.persona.wechatBound,
    profile: { ethnicity: a.ethnicity, completedAt: registeredAt },
    realName: options.verifiedAccount
      ? { status: 'verified', method: 'registry', verifiedAt: registeredAt, failedAttempts: 0 }
      : { status: 'unverified', failedAttempts: 0 },
  };
  portal.ctx.state.accounts.set(a.idNumber, account);
}
