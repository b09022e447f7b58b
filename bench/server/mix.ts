/**
 * The write-heavy request mix of `npm run bench:server`: an applicant gets a captcha, asks
 * for an SMS code, registers, and an existing applicant signs in. Codes are "000000" and
 * captcha slots sit at the piece width because the bench server injects a zero random source.
 */
import type { Request } from 'autocannon';
import { residentIdCheckDigit } from '../../stub-server/portal';
import type { RulesOverride } from '../../rules';

/** A cheap scrypt: the benchmark measures the stub, not the password hash (a rule, like any). */
export const BENCH_RULES = { account: { scryptCost: 16 } } satisfies RulesOverride;
export const BENCH_CLOCK = Date.parse('2026-09-14T10:00:00+08:00');
export const benchPassword = 'Bench#2026';

const AREA = { preloaded: '110101', registered: '310101' } as const;
const DAY_MS = 86_400_000;

/** A distinct valid resident ID per index: a thousand sequence numbers per birth date. */
export function benchIdNumber(kind: keyof typeof AREA, i: number): string {
  const birth = new Date(Date.UTC(1960, 0, 1) + Math.floor(i / 1000) * DAY_MS).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `${AREA[kind]}${birth}${String(i % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckDigit(first17);
}

interface Ctx { captcha?: { id: string; targetX: number }; captchaToken?: string; n?: number }
const json = (body: unknown) => JSON.stringify(body);
const headers = { 'content-type': 'application/json' };

/** Two requests: a challenge, and its solution; the token lands in the context. */
function captcha(): Request[] {
  return [
    { method: 'POST', path: '/api/captchas', onResponse: (_s, body, ctx: Ctx) => { ctx.captcha = JSON.parse(body); } },
    {
      method: 'POST', path: '/api/captchas/solve', headers,
      setupRequest: (req, ctx: Ctx) => ({ ...req, body: json({ id: ctx.captcha?.id, x: ctx.captcha?.targetX }) }),
      onResponse: (_s, body, ctx: Ctx) => { ctx.captchaToken = JSON.parse(body).captchaToken; },
    },
  ];
}

/** The mix; `preloaded` accounts exist already (sign-ins pick among them). */
export function writeHeavyMix(preloaded: number): Request[] {
  let serial = 0;
  const phone = (n: number) => `136${String(n).padStart(8, '0')}`;
  return [
    ...captcha(),
    {
      method: 'POST', path: '/api/sms-codes', headers,
      setupRequest: (req, ctx: Ctx) => {
        ctx.n = serial++;
        return { ...req, body: json({ phone: phone(ctx.n), purpose: 'register', captchaToken: ctx.captchaToken }) };
      },
    },
    ...captcha(),
    {
      method: 'POST', path: '/api/accounts', headers,
      setupRequest: (req, ctx: Ctx) => ({
        ...req,
        body: json({
          idType: 'resident-id', idNumber: benchIdNumber('registered', ctx.n!), name: '压测', idValidFrom: '2016-01-01',
          idValidTo: '2036-01-01', password: benchPassword, email: `${2000000 + ctx.n!}@qq.com`, phone: phone(ctx.n!),
          code: '000000', captchaToken: ctx.captchaToken, agreementAccepted: true,
        }),
      }),
    },
    ...captcha(),
    {
      method: 'POST', path: '/api/sessions', headers,
      setupRequest: (req, ctx: Ctx) => ({
        ...req, body: json({ idNumber: benchIdNumber('preloaded', (ctx.n! * 7919) % preloaded), password: benchPassword, captchaToken: ctx.captchaToken }),
      }),
    },
  ];
}
