import { describe, expect, it } from 'vitest';
import { defaultRules, resolveRules } from '../../../rules';
import { checkIdNumber, decodeEighteenDigit } from '../../../stub-server/portal/identity/id-numbers';
import { passwordProblem } from '../../../stub-server/portal/identity/passwords';
import { all } from './helpers';

const ASOF = '2026-07-01';
/** Permits far more common than in life, so every type is well represented. */
const MIXED = { 'resident-id': 70, 'residence-permit': 10, 'hk-macau-permit': 10, 'taiwan-permit': 10 };

describe('identities', () => {
  const everyone = all(7, { size: 20_000, staleRate: 0.05 });
  const mixed = all(8, { size: 20_000, staleRate: 0.05, idTypes: MIXED });

  it('gives every applicant an ID number valid for its type', () => {
    const invalid = [...everyone, ...mixed].filter((a) => checkIdNumber(a.idType, a.idNumber, defaultRules) !== null);
    expect(invalid.map((a) => [a.idType, a.idNumber])).toEqual([]);
    const types = new Set(mixed.map((a) => a.idType));
    expect(types).toEqual(new Set(Object.keys(MIXED)));
  });

  it('encodes the birth date and sex in 18-digit numbers, of working age', () => {
    const eighteen = mixed.filter((x) => x.idType === 'resident-id' || x.idType === 'residence-permit');
    expect(eighteen.map((a) => decodeEighteenDigit(a.idNumber))).toEqual(eighteen.map((a) => ({ birthDate: a.birthDate, gender: a.gender })));
    const ages = everyone.map((a) => 2026 - Number(a.birthDate.slice(0, 4)));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(22);
    expect(Math.max(...ages)).toBeLessThanOrEqual(59);
  });

  it('uses the province as the birthplace of resident IDs, and the permit areas for residence permits', () => {
    const wrong = mixed.filter((a) => {
      switch (a.idType) {
        case 'resident-id': return a.idNumber.slice(0, 2) !== a.province || a.localIdNumber !== undefined;
        case 'residence-permit': {
          const area = a.idNumber.slice(0, 6);
          const permit = { '810000': /^H\d{8}$/, '820000': /^M\d{8}$/, '830000': /^\d{8}$/ }[area];
          return !permit?.test(a.permitNumber ?? '') || a.localIdNumber === undefined;
        }
        case 'hk-macau-permit': return !/^([A-Z]\d{6}\([0-9A]\)|[157]\d{6}\(\d\))$/.test(a.localIdNumber ?? '');
        case 'taiwan-permit': return !/^[A-Z][12]\d{8}$/.test(a.localIdNumber ?? '');
      }
    });
    expect(wrong).toEqual([]);
  });

  it('never hands out an ID number, a phone or a certificate number twice', () => {
    for (const group of [everyone, mixed]) {
      expect(new Set(group.map((a) => a.idNumber)).size).toBe(group.length);
      expect(new Set(group.map((a) => a.phone)).size).toBe(group.length);
      expect(new Set(group.map((a) => a.certificate.number)).size).toBe(group.length);
    }
  });

  it('stays distinct when a large population is packed into a small province', () => {
    const packed = all(9, { size: 30_000, staleRate: 0, provinces: ['63'], idTypes: MIXED });
    expect(new Set(packed.map((a) => a.idNumber)).size).toBe(packed.length);
    expect(new Set(packed.map((a) => a.certificate.number)).size).toBe(packed.length);
  });

  it('gives mobile numbers of 11 digits starting 13-19', () => {
    const pattern = new RegExp(defaultRules.account.phonePattern);
    expect(everyone.filter((a) => !pattern.test(a.phone))).toEqual([]);
  });

  it('gives ID documents that are current at the season', () => {
    const wrong = mixed.filter((a) => !(a.idValidFrom <= ASOF && a.idValidTo > ASOF && a.idValidFrom > a.birthDate && a.idValidFrom < a.idValidTo));
    expect(wrong.map((a) => [a.idType, a.birthDate, a.idValidFrom, a.idValidTo])).toEqual([]);
    // Older holders of resident IDs carry long-term (长期) cards.
    expect(everyone.some((a) => a.idValidTo === '9999-12-31')).toBe(true);
  });

  it('makes passwords the rules accept, under the default and a stricter rule set', () => {
    expect(everyone.filter((a) => passwordProblem(a.password, defaultRules) !== null).map((a) => a.password)).toEqual([]);
    const strict = resolveRules({ account: { password: { minLength: 14, maxLength: 16, specialCharacters: '#' } } });
    const underStrict = all(7, { size: 2_000, staleRate: 0, rules: strict });
    expect(underStrict.filter((a) => passwordProblem(a.password, strict) !== null).map((a) => a.password)).toEqual([]);
  });

  it('uses numeric QQ mailboxes, never an alias', () => {
    const qq = everyone.filter((a) => defaultRules.account.email.qqDomains.includes(a.email.split('@')[1]!));
    expect(qq.length / everyone.length).toBeGreaterThan(0.45);
    expect(qq.filter((a) => !/^[1-9]\d{4,10}@/.test(a.email)).map((a) => a.email)).toEqual([]);
    expect(everyone.filter((a) => !/^[0-9a-z]+@[a-z0-9.]+\.[a-z]{2,}$/.test(a.email)).map((a) => a.email)).toEqual([]);
  });

  it('gives Chinese names of two to four characters', () => {
    expect(everyone.filter((a) => !/^\p{Script=Han}{2,4}$/u.test(a.name)).map((a) => a.name)).toEqual([]);
    const wang = everyone.filter((a) => a.name.startsWith('王')).length / everyone.length;
    expect(wang).toBeGreaterThan(0.05);
    expect(wang).toBeLessThan(0.1);
  });
});
