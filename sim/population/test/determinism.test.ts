import { describe, expect, it } from 'vitest';
import { resolveRules } from '../../../rules';
import { population } from './helpers';

describe('determinism', () => {
  it('gives the same applicant for the same seed and index, in any order', () => {
    const a = population(21, { size: 10_000, staleRate: 0.05 });
    const b = population(21, { size: 10_000, staleRate: 0.05 });
    const indices = [0, 9_999, 4_321, 17, 4_321, 0];
    const forward = indices.map((i) => a.applicantAt(i));
    const backward = [...indices].reverse().map((i) => b.applicantAt(i)).reverse();
    expect(backward).toEqual(forward);
    expect(a.applicantAt(4_321)).toEqual(forward[2]);
  });

  it('gives other applicants under another seed', () => {
    const a = population(21, { size: 1_000, staleRate: 0.05 }).applicantAt(5);
    const b = population(22, { size: 1_000, staleRate: 0.05 }).applicantAt(5);
    expect(b.idNumber).not.toBe(a.idNumber);
    expect(b.phone).not.toBe(a.phone);
    expect(b.name + b.email).not.toBe(a.name + a.email);
  });

  it('keeps who applicants are and how they behave under another rule set', () => {
    const rules = resolveRules({ account: { password: { minLength: 16 } }, certificates: { syncedFromYearByProvince: {} } });
    const a = population(21, { size: 3_000, staleRate: 0.05, provinces: ['45'] });
    const b = population(21, { size: 3_000, staleRate: 0.05, provinces: ['45'], rules });
    const same = ({ persona, password: _, ...rest }: ReturnType<typeof a.applicantAt>) => ({ ...rest, persona: { ...persona, handAddedCertificate: false } });
    const xs = [...a];
    const ys = [...b];
    expect(ys.map(same)).toEqual(xs.map(same));
    expect(Math.min(...ys.map((y) => y.password.length))).toBeGreaterThanOrEqual(16);
    // The rule change does change what it should: Guangxi 2008-2011 certificates now sync.
    expect(ys.filter((y) => y.persona.handAddedCertificate).length).toBeLessThan(xs.filter((x) => x.persona.handAddedCertificate).length);
  });

  it('refuses indices outside the population', () => {
    const pop = population(21, { size: 10, staleRate: 0 });
    expect(() => pop.applicantAt(10)).toThrow(RangeError);
    expect(() => pop.applicantAt(-1)).toThrow(RangeError);
    expect(() => pop.applicantAt(1.5)).toThrow(RangeError);
  });
});
