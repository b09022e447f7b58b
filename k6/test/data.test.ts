import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../rules';
import { scenarioByName } from '../../scenarios';
import { checkIdNumber, jpegSize, residentIdCheckDigit } from '../../stub-server/portal';
import { certificateNumber } from '../../stub-server/portal/certificates/registry';
import { email, password, personName, phone } from '../../stub-server/portal/fields';
import { exportK6Script } from '..';
import { dataGenerator, provinces } from './helpers';

/**
 * The data generator as the script carries it, taken out of a script and run: what it makes
 * passes the stub's own field checks, and what must be distinct is.
 */
const script = exportK6Script(scenarioByName('national-season'), { timeScale: 60 });
const { person, idCheckDigit } = dataGenerator(script);
const table = Object.values(provinces(script));
const rules = defaultRules;

describe('the script\'s applicant data', () => {
  it('computes the GB 11643 check digit as the stub does', () => {
    let state = 12345;
    for (let i = 0; i < 2_000; i += 1) {
      const first17 = Array.from({ length: 17 }, () => { state = (state * 1103515245 + 12345) % 2 ** 31; return state % 10; }).join('');
      expect(idCheckDigit(first17)).toBe(residentIdCheckDigit(first17));
    }
  });

  it('makes valid, distinct ID numbers, phones and certificates across provinces and iterations', () => {
    const ids = new Set<string>();
    const phones = new Set<string>();
    const certificates = new Set<string>();
    // A dense start and a far stretch (a large province's last iterations) in each of a few provinces.
    const iterations = [...Array.from({ length: 1_500 }, (_, i) => i), ...Array.from({ length: 500 }, (_, i) => 400_000 + i * 7)];
    for (const province of table.slice(0, 6)) {
      for (const n of iterations) {
        const a = person(n, province);
        expect(checkIdNumber('resident-id', a.idNumber, rules), a.idNumber).toBeNull();
        expect(a.idNumber.slice(0, 2)).toBe((province as { code: string }).code);
        ids.add(a.idNumber);
        phones.add(a.phone);
        certificates.add(a.certificate.number);
      }
    }
    const made = 6 * iterations.length;
    expect(ids.size).toBe(made);
    expect(phones.size).toBe(made);
    expect(certificates.size).toBe(made);
  });

  it('fills every form field so the stub accepts it', () => {
    const fields = { personName: personName(rules), password: password(rules), phone: phone(rules), email: email(rules), certificate: certificateNumber(rules) };
    for (let n = 0; n < 300; n += 1) {
      const a = person(n, table[n % table.length]);
      expect(fields.personName.safeParse(a.name).success, a.name).toBe(true);
      expect(fields.password.safeParse(a.password).success, a.password).toBe(true);
      expect(fields.phone.safeParse(a.phone).success, a.phone).toBe(true);
      expect(fields.email.safeParse(a.email).success, a.email).toBe(true);
      expect(fields.certificate.safeParse(a.certificate.number).success, a.certificate.number).toBe(true);
      expect(a.certificate.holderName).toBe(a.name);
      expect(a.certificate.idNumber).toBe(a.idNumber);
      expect(a.idValidFrom < a.idValidTo).toBe(true);
    }
  });

  it('repeats for a seed and changes with it', () => {
    const again = dataGenerator(exportK6Script(scenarioByName('national-season'), { timeScale: 60 }));
    const other = dataGenerator(exportK6Script(scenarioByName('national-season'), { timeScale: 60, seed: 2 }));
    expect(again.person(17, table[3])).toEqual(person(17, table[3]));
    expect(other.person(17, table[3]).idNumber).not.toBe(person(17, table[3]).idNumber);
  });

  it('carries a personal photo the photo rule accepts', () => {
    const photo = /^const PERSONAL_PHOTO = '([A-Za-z0-9+/=]+)';$/m.exec(script)?.[1];
    const bytes = Buffer.from(photo ?? '', 'base64');
    const size = jpegSize(bytes);
    const limits = rules.registration.personalPhoto;
    expect(size).not.toBeNull();
    expect(size!.width > limits.widthPx.above && size!.width < limits.widthPx.below).toBe(true);
    expect(size!.height > limits.heightPx.above && size!.height < limits.heightPx.below).toBe(true);
    expect(bytes.length > limits.bytes.above && bytes.length < limits.bytes.below).toBe(true);
  });
});
