import { describe, expect, it } from 'vitest';
import { defaultRules, resolveRules } from '../../../rules';
import { PROVINCES, STAGES } from '../index';
import { all, population, share } from './helpers';

describe('proportions on 20,000 applicants', () => {
  const everyone = all(11, { size: 20_000, staleRate: 0.1 });

  it('spreads applicants over the provinces by teacher numbers', () => {
    const total = PROVINCES.reduce((sum, p) => sum + p.teachers, 0);
    for (const p of PROVINCES) {
      const expected = p.teachers / total;
      expect(Math.abs(share(everyone, (a) => a.province === p.code) - expected), p.name).toBeLessThan(0.001);
    }
  });

  it('gives nearly everyone a resident ID', () => {
    expect(share(everyone, (a) => a.idType === 'resident-id')).toBeGreaterThan(0.99);
    expect(share(everyone, (a) => a.idType === 'resident-id')).toBeLessThan(1);
  });

  it('is mostly women, more so in the lower stages', () => {
    expect(share(everyone, (a) => a.gender === 'female')).toBeGreaterThan(0.65);
    const women = (stage: string) => share(everyone.filter((a) => a.stage === stage), (a) => a.gender === 'female');
    expect(women('幼儿园')).toBeGreaterThan(0.93);
    expect(women('小学')).toBeGreaterThan(women('高中'));
    const types = new Set(everyone.map((a) => a.certificate.qualificationType));
    expect(types).toEqual(new Set(STAGES.filter((s) => s.weight > 0).map((s) => s.qualificationType)));
  });

  it('respects the stale rate', () => {
    expect(share(everyone, (a) => a.staleRecord)).toBeCloseTo(0.1, 1);
    expect(Math.abs(share(everyone, (a) => a.staleRecord) - 0.1)).toBeLessThan(0.01);
    for (const a of everyone) expect(a.persona.staleRecord).toBe(a.staleRecord);
    expect(all(11, { size: 2_000, staleRate: 0 }).some((a) => a.staleRecord)).toBe(false);
    expect(all(11, { size: 2_000, staleRate: 1 }).every((a) => a.staleRecord)).toBe(true);
  });

  it('draws personas in the configured ranges and shares', () => {
    const personas = everyone.map((a) => a.persona);
    expect(share(personas, (p) => p.hasAccount)).toBeCloseTo(0.9, 1);
    expect(share(personas, (p) => p.codeChannel === 'sms')).toBeCloseTo(0.85, 1);
    expect(share(personas.filter((p) => p.hasAccount), (p) => p.wechatBound)).toBeCloseTo(0.3, 1);
    expect(share(personas.filter((p) => p.hasAccount), (p) => p.forgotPassword)).toBeCloseTo(0.1, 1);
    expect(personas.filter((p) => !p.hasAccount).some((p) => p.accountBefore2019 || p.wechatBound || p.forgotPassword)).toBe(false);
    const range = (values: number[]) => [Math.min(...values), Math.max(...values)];
    const within = (values: number[], lo: number, hi: number) => {
      const [min, max] = range(values);
      expect(min).toBeGreaterThanOrEqual(lo);
      expect(max).toBeLessThanOrEqual(hi);
    };
    within(personas.map((p) => p.typoRate), 0.05, 0.15);
    within(personas.map((p) => p.wrongPasswordRate), 0.05, 0.1);
    within(personas.map((p) => p.captchaMissRate), 0.1, 0.2);
    within(personas.map((p) => p.photoCompliance), 0.7, 0.9);
    within(personas.map((p) => p.patience.retries), 2, 5);
    within(personas.map((p) => p.patience.waitDays), 1, 7);
    within(personas.map((p) => p.patience.reviewChecks), 2, 6);
    within(personas.map((p) => p.patience.statusChecks), 8, 20);
    within(personas.map((p) => p.checkEveryDays), 2, 7);
    within(personas.map((p) => p.preferredHours.length), 24, 24);
    expect(new Set(personas.map((p) => p.thinkTimeSeconds.kind))).toEqual(new Set(['lognormal']));
    within(personas.map((p) => (p.thinkTimeSeconds as { median: number }).median), 30, 60);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(personas.map((p) => p.leaveWizardRate))).toBeCloseTo(0.05, 2);
    expect(mean(personas.map((p) => p.disagreeRate))).toBeCloseTo(0.01, 2);
  });

  it('floors presses again at the least think time, which a mix may raise', () => {
    const slow = all(11, { size: 500, staleRate: 0, persona: { minThinkSeconds: 4 } });
    expect(new Set(slow.map((a) => a.persona.minThinkSeconds))).toEqual(new Set([4]));
    // pressAgainSeconds is uniform(1, 10) by default: some would be under 4.
    expect(Math.min(...slow.map((a) => a.persona.pressAgainSeconds))).toBe(4);
    expect(Math.max(...slow.map((a) => a.persona.pressAgainSeconds))).toBeGreaterThan(4);
  });

  it('takes a partial persona mix, numbers meaning "everyone the same"', () => {
    const custom = all(11, { size: 2_000, staleRate: 0, persona: { hasAccount: 0, typoRate: 0.5, codeChannel: { sms: 0, wechat: 1 } } });
    for (const a of custom) {
      expect(a.persona.hasAccount).toBe(false);
      expect(a.persona.typoRate).toBe(0.5);
      expect(a.persona.codeChannel).toBe('wechat');
      expect(a.persona.captchaMissRate).toBeGreaterThanOrEqual(0.1); // the rest stays default
    }
  });

  it('restricts to given provinces, and finds the k-th applicant of each', () => {
    const pop = population(3, { size: 5_000, staleRate: 0, provinces: { '35': 3, '45': 1 } });
    const sizes = pop.provinceSizes();
    expect(sizes).toEqual(new Map([['35', 3_750], ['45', 1_250]]));
    const seen = new Set<number>();
    for (const [province, n] of sizes) {
      for (let k = 0; k < n; k += 1) {
        const index = pop.memberOf(province, k);
        seen.add(index);
        if (k % 97 === 0) expect(pop.applicantAt(index).province).toBe(province);
      }
    }
    expect(seen.size).toBe(5_000);
    expect(() => pop.memberOf('35', 3_750)).toThrow(RangeError);
    expect(() => pop.memberOf('11', 0)).toThrow(RangeError);
  });
});

describe('certificates', () => {
  const year = (a: { certificate: { issueDate: string } }) => Number(a.certificate.issueDate.slice(0, 4));
  const everyone = all(12, { size: 20_000, staleRate: 0, provinces: ['45', '35', '44'] });

  it('numbers them by the SPEC layout: 17 digits from 2008, 15 before', () => {
    const wrong = everyone.filter((a) => {
      const c = a.certificate;
      const code = String(STAGES.find((s) => s.qualificationType === c.qualificationType)!.code);
      const sex = a.gender === 'male' ? '1' : '2';
      const layout = year(a) >= 2008
        ? /^\d{17}$/.test(c.number) && c.number[9] === code && c.number[10] === sex
        : /^\d{15}$/.test(c.number) && c.number[9] === code;
      return !layout
        || c.number.slice(0, 4) !== String(year(a)) || c.number.slice(4, 6) !== a.province
        || c.holderName !== a.name || c.idNumber !== a.idNumber
        || !(c.issueDate < '2026-07-01') || year(a) - Number(a.birthDate.slice(0, 4)) < 20
        || (c.lastRegistration !== undefined && !(c.lastRegistration.date > c.issueDate));
    });
    expect(wrong.map((a) => a.certificate)).toEqual([]);
  });

  it('issues most from 2008 on, some before', () => {
    const pre = share(everyone, (a) => year(a) < 2008);
    expect(pre).toBeGreaterThan(0.2);
    expect(pre).toBeLessThan(0.4);
  });

  it('adds by hand exactly the certificates that do not sync; Guangxi syncs from 2012', () => {
    const mismatched = everyone.filter((a) => {
      const syncFrom = a.province === '45' ? 2012 : 2008;
      return a.persona.handAddedCertificate !== (year(a) < syncFrom && a.certificate.lastRegistration === undefined);
    });
    expect(mismatched.map((a) => a.certificate)).toEqual([]);
    const guangxi0811 = everyone.filter((a) => a.province === '45' && year(a) >= 2008 && year(a) < 2012);
    expect(guangxi0811.length).toBeGreaterThan(20);
    expect(guangxi0811.some((a) => a.persona.handAddedCertificate)).toBe(true);
    expect(guangxi0811.some((a) => !a.persona.handAddedCertificate)).toBe(true); // first registration synced
    expect(everyone.some((a) => a.province !== '45' && year(a) >= 2008 && a.persona.handAddedCertificate)).toBe(false);
    const handAdded = share(everyone, (a) => a.persona.handAddedCertificate);
    expect(handAdded).toBeGreaterThan(0.02);
    expect(handAdded).toBeLessThan(0.1);
  });

  it('follows the sync years of the rules it is given', () => {
    const rules = resolveRules({ certificates: { syncedFromYearByProvince: {} } });
    const guangxi = all(12, { size: 4_000, staleRate: 0, provinces: ['45'], rules });
    for (const a of guangxi) if (year(a) >= 2008) expect(a.persona.handAddedCertificate).toBe(false);
    expect(defaultRules.certificates.syncedFromYearByProvince['45']).toBe(2012);
  });
});
