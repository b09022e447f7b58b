/** The soak's applicants and the checks it makes of the server's answers. */
import { residentId, type Answer, type Applicant, type PortalClient } from '../../test/harness';
import type { Ready } from '../../test/registration-fixtures';

export async function expectAccount(client: PortalClient, a: Applicant, where = 'at the end') {
  const res = await client.call('startPasswordReset', { idType: a.idType, idNumber: a.idNumber, name: a.name, captchaToken: await client.captchaToken() });
  if (res.status !== 200) throw new Error(`${where}: acknowledged account ${a.idNumber} is missing (${res.status} ${JSON.stringify(res.body)})`);
}

export async function expectApplication(client: PortalClient, applicationNumber: string, a: Ready, where = 'at the end') {
  const res = await client.call('getRegistration', { applicationNumber }, a.token);
  if (res.status !== 200) throw new Error(`${where}: acknowledged application ${applicationNumber} is missing (${res.status} ${JSON.stringify(res.body)})`);
}

export function expectStatus(res: Answer, status: number, what: string) {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
}

export function expectCode(res: Answer, code: string, where: string) {
  if (res.body?.code !== code) throw new Error(`${where}: expected ${code}, got ${res.status} ${JSON.stringify(res.body)}`);
}

let soakSerial = 0;
/** Applicants of the soak: IDs and phones apart from the harness's (area 110105, a birth date per 900). */
export function soakApplicant(): Applicant {
  soakSerial += 1;
  const birth = new Date(Date.UTC(1975, 0, 1) + Math.floor(soakSerial / 900) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  return {
    idType: 'resident-id',
    idNumber: residentId('110105', birth, 100 + (soakSerial % 900)),
    name: '王芳',
    idValidFrom: '2016-01-01',
    idValidTo: '2036-01-01',
    password: 'Soak#2026',
    email: `${300000 + soakSerial}@qq.com`,
    phone: soakPhone('139'),
  };
}

let phoneSerial = 0;
export function soakPhone(prefix: string): string {
  phoneSerial += 1;
  return `${prefix}${String(phoneSerial).padStart(8, '0')}`;
}

export function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
