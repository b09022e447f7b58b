import type { ApplicantRecord } from '../applicant';
import { takesTrustedSeeds, type PortalAnswer, type PortalClient } from '../clients';
import { andThen, eachInTurn, type MaybePromise } from '../../stub-server/portal';
import { provinceOf, STAGES } from '../population';
import type { Rng } from '../random';
import { addDays, utcOffsetText, type Rules } from '../../rules';
import type { ProvinceWindow } from '../scenario';

const SEASON_STAGES = STAGES.filter((s) => s.stage !== '高校');

/**
 * The portal's world for a scenario: each province's registration body with its window and
 * a confirmation point per teaching stage; and, as each applicant arrives, what the portal
 * already knew of them (registry certificate, public-security record, an account from
 * earlier years). Written through admin operations, as a test or an operator would (the
 * applicants' own records, in process, as trusted seeds: see seedApplicant).
 */
export async function seedInstitutions(client: PortalClient, provinces: readonly ProvinceWindow[]): Promise<void> {
  seeded('seedInstitutions', await client.admin('seedInstitutions', institutionsOf(provinces)));
}

/** The seedInstitutions payload: a registration body per province, a confirmation point per stage (k6 scripts seed the same). */
export function institutionsOf(provinces: readonly ProvinceWindow[]) {
  const stages = [...new Set(SEASON_STAGES.map((s) => s.stage))];
  return provinces.map((p) => {
    const province = provinceOf(p.code);
    return {
      id: institutionId(p.code),
      name: `${province.name}教师资格定期注册机构`,
      province: p.code,
      city: province.cities[0]!.name,
      stages,
      qualificationTypes: SEASON_STAGES.map((s) => s.qualificationType),
      window: p.window,
      confirmationPoints: stages.map((stage) => ({
        id: `${p.code}-P-${stage}`, name: `${province.name}${stage}教师确认点`, scope: { stages: [stage], description: `${stage}教师` },
      })),
    };
  });
}

export const institutionId = (province: string) => `${province}-REG`;

/** The back office's places for a scenario's provinces: its confirmation points and its registration bodies. */
export function deskPlaces(provinces: readonly ProvinceWindow[]): { points: number; institutions: number } {
  const institutions = institutionsOf(provinces);
  return { points: institutions.reduce((n, i) => n + i.confirmationPoints.length, 0), institutions: institutions.length };
}

/**
 * When an account of earlier years was registered: a year before the day from which older
 * accounts must register again (rules.account.passwordResetFrom), or two years after it; and
 * before the season that starts on `seasonFrom` in any case, so a cutoff moved past it (a rule
 * change) leaves only older accounts.
 */
export function earlierAccountRegisteredAt(rules: Rules, beforeCutoff: boolean, seasonFrom: string): string {
  // Two answers a season, asked for every applicant with an account: date arithmetic once.
  const key = `${rules.account.passwordResetFrom}|${beforeCutoff}|${seasonFrom}|${rules.time.utcOffsetMinutes}`;
  let at = registeredAt.get(key);
  if (at === undefined) registeredAt.set(key, (at = registeredAtOf(rules, beforeCutoff, seasonFrom)));
  return at;
}
const registeredAt = new Map<string, string>();

function registeredAtOf(rules: Rules, beforeCutoff: boolean, seasonFrom: string): string {
  const wanted = addDays(rules.account.passwordResetFrom, beforeCutoff ? -365 : 730);
  const latest = addDays(seasonFrom, -1);
  return `${wanted < latest ? wanted : latest}T10:00:00${utcOffsetText(rules.time.utcOffsetMinutes)}`;
}

/**
 * What the portal holds about an applicant before they arrive. The in-process portal takes the
 * simulator's generated records as trusted seeds (written without validation, Portal.seed: they
 * are valid by construction, and validating them was a fifth of the portal's time); any other
 * client seeds through the validated admin operations, as a test or an operator would.
 */
export function seedApplicant(
  client: PortalClient, a: ApplicantRecord, world: { rules: Rules; seasonFrom: string },
  options: { verifiedAccount: boolean; ctidFixes: boolean; /** The applicant's own stream for what the portal draws in seeding them. */ draws?: Rng },
): MaybePromise<void> {
  const seeds: [string, unknown][] = [];
  if (!a.persona.handAddedCertificate) seeds.push(['seedCertificates', [{ ...a.certificate, holderName: a.name, idNumber: a.idNumber }]]);
  if (a.staleRecord) seeds.push(['seedIdentities', [{ idNumber: a.idNumber, name: a.name, stale: true, ctidFixes: options.ctidFixes }]]);
  if (a.persona.hasAccount) {
    seeds.push(['seedAccounts', [{
      idType: a.idType, idNumber: a.idNumber, name: a.name, idValidFrom: a.idValidFrom, idValidTo: a.idValidTo,
      password: a.password, email: a.email, phone: a.phone, wechatBound: a.persona.wechatBound, ethnicity: a.ethnicity,
      registeredAt: earlierAccountRegisteredAt(world.rules, a.persona.accountBefore2019, world.seasonFrom),
      realNameVerified: options.verifiedAccount,
    }]]);
  }
  const trusted = takesTrustedSeeds(client);
  // One after the other, as an operator would: at once in process, each awaited over HTTP.
  return eachInTurn(seeds, ([op, input]) => andThen(trusted ? client.seed(op, input, options.draws) : client.admin(op, input), (answer) => seeded(op, answer)));
}

/**
 * A world the portal refused to take is a broken run, not a slow applicant. A portal that is
 * down (no answer, 5xx) is left to the run's watchdog: the applicant will find it down too.
 */
function seeded(op: string, answer: PortalAnswer): void {
  if (answer.status < 400 || answer.status >= 500) return;
  throw new Error(`${op} refused (${answer.status}): ${answer.body?.detail ?? answer.body?.code ?? 'no answer'}`);
}
