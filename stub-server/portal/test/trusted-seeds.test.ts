import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../../rules';
import { createPopulation } from '../../../sim/population';
import { RandomStreams } from '../../../sim/random';
import { InProcessClient, type PortalClient } from '../../../sim/clients';
import { seedApplicant } from '../../../sim/runner/world';
import { createMemoryStore } from '../../store';
import { Portal, plainTextHasher, SettableClock, type PortalRandom } from '..';

/**
 * The simulator's own seeds skip validation in process (Portal.seed): for valid input they
 * must write exactly the records the validated admin operations write. The validation itself
 * is tested over HTTP (stub-server/http/test).
 */

/** A portal whose own draws (the password salts) repeat, so two of them can be compared. */
function portal(): Portal {
  let n = 0;
  const random: PortalRandom = { int: (max) => (n += 1) % max, token: () => `token${(n += 1)}` };
  return new Portal({ rules: defaultRules, clock: new SettableClock(Date.parse('2026-07-01T00:00:00+08:00')), store: createMemoryStore(), random, passwords: plainTextHasher });
}

/** What the simulator seeds for its applicants (sim/runner/world.ts), as the admin operations receive it. */
async function simulatorSeeds(size: number): Promise<{ op: string; input: unknown[] }[]> {
  const population = createPopulation({
    rng: new RandomStreams(7).stream('population'), size, staleRate: 0.3, provinces: ['35', '44', '11', '45'],
    // Every ID type, accounts of both eras, some bound to WeChat: every shape of seed.
    idTypes: { 'resident-id': 1, 'hk-macau-permit': 1, 'taiwan-permit': 1, 'residence-permit': 1 },
    persona: { hasAccount: 0.7, accountBefore2019: 0.3, wechatBound: 0.5 },
  });
  const seeds: { op: string; input: unknown[] }[] = [];
  const recorder: PortalClient = {
    call: () => { throw new Error('the world seeds through admin operations'); },
    admin: (op, input) => { seeds.push({ op, input: input as unknown[] }); return { status: 200, body: {} }; },
  };
  let i = 0;
  for (const applicant of population) {
    await seedApplicant(recorder, applicant, { rules: defaultRules, seasonFrom: '2026-07-01' }, { verifiedAccount: i % 2 === 0, ctidFixes: i % 3 !== 0 });
    i += 1;
  }
  return seeds;
}

const tables = (p: Portal) => {
  const { accounts, certificates, identities } = p.ctx.state;
  return { accounts: [...accounts.entries()], certificates: [...certificates.entries()], identities: [...identities.entries()] };
};

describe('trusted seeds (the in-process simulator\'s own records)', () => {
  it('give the input the schema gives, for every seed the simulator writes', async () => {
    const seeds = await simulatorSeeds(400);
    expect(new Set(seeds.map((s) => s.op))).toEqual(new Set(['seedCertificates', 'seedIdentities', 'seedAccounts']));
    const p = portal();
    for (const { op, input } of seeds) {
      const operation = p.operation(op)!;
      expect(operation.trustedInput!(input, defaultRules), op).toStrictEqual(operation.input(defaultRules).parse(input));
    }
  });

  it('write the same records as the validated admin operations, salts drawn in the same order', async () => {
    const seeds = await simulatorSeeds(400);
    const validated = portal();
    const trusted = portal();
    for (const { op, input } of seeds) {
      expect(await validated.invoke(op, input)).toEqual({ seeded: 1 });
      expect(trusted.seed(op, input)).toEqual({ seeded: 1 });
    }
    expect(tables(trusted)).toStrictEqual(tables(validated));
    expect(tables(trusted).accounts.length).toBeGreaterThan(100);
  });

  it('keep the schema\'s transforms: trimming, upper case, defaults, unknown keys left out', () => {
    const p = portal();
    const raw = [{
      number: ' 20253500112345678 ', holderName: ' 张三 ', idNumber: ' 11010519491231002x ', qualificationType: '高级中学教师资格 ', subject: ' 数学',
      province: '35', certifyingBody: ' 福建省教育厅 ', issueDate: '2025-06-30', lastRegistration: { date: '2020-09-01', conclusion: ' 注册合格 ' }, extra: 1,
    }];
    const op = p.operation('seedCertificates')!;
    expect(op.trustedInput!(raw, defaultRules)).toStrictEqual(op.input(defaultRules).parse(raw));
    const identities = [{ idNumber: ' 11010519491231002x ', name: '张三 ' }];
    const identity = p.operation('seedIdentities')!;
    expect(identity.trustedInput!(identities, defaultRules)).toStrictEqual(identity.input(defaultRules).parse(identities));
    const account = {
      idType: 'hk-macau-permit', name: ' 陈大文 ', idValidFrom: '2020-01-01', idValidTo: '2030-01-01', password: 'Teacher#2026',
      email: '12345678@qq.com', phone: '13800000000', registeredAt: '2018-05-01T10:00:00+08:00', extra: 1,
    };
    // A permit typed with its renewal count, in lower case; the optional fields left out, then given.
    const accounts = [{ ...account, idNumber: ' h1234567801 ' }, { ...account, idNumber: 'M87654321', wechatBound: true, ethnicity: ' 汉族 ', realNameVerified: true }];
    const seedAccounts = p.operation('seedAccounts')!;
    expect(seedAccounts.trustedInput!(accounts, defaultRules)).toStrictEqual(seedAccounts.input(defaultRules).parse(accounts));
  });

  it('are for the seed operations only, and the in-process client answers them as the admin operations do', () => {
    const p = portal();
    expect(() => p.seed('login', {})).toThrow(/takes no trusted seeds/);
    expect(() => p.seed('seedInstitutions', [])).toThrow(/takes no trusted seeds/);
    expect(new InProcessClient(p).seed('seedIdentities', [{ idNumber: '110105194912310021', name: '张三' }])).toEqual({ status: 200, body: { seeded: 1 } });
  });
});
