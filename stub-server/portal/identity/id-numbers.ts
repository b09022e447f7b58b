import type { IdType, Rules } from '../../../rules';
import { isRealDate } from '../../../rules';
import type { FieldCode } from '../problem-codes';

/** A problem with an ID number: a stable code and what is wrong. */
export interface IdProblem { code: FieldCode; message: string }

// GB 11643-1999 (ISO 7064 MOD 11-2): a national standard, not a portal rule, so it lives here.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function residentIdCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/**
 * The number as the portal stores it: trimmed, upper case, and without the permits'
 * 2-digit renewal count, which the applicant is told not to enter (001 §2.1).
 */
export function normalizeIdNumber(type: IdType, raw: string, rules: Rules): string {
  const value = raw.trim().toUpperCase();
  const { hkMacauPermit, taiwanPermitDigits } = rules.identity;
  const renewal = hkMacauPermit.renewalDigits;
  if (type === 'hk-macau-permit' && value.length === 1 + hkMacauPermit.digits + renewal) return value.slice(0, -renewal);
  if (type === 'taiwan-permit' && value.length === taiwanPermitDigits + renewal) return value.slice(0, -renewal);
  return value;
}

/** Checks a normalised ID number against its type's format and check digit. */
export function checkIdNumber(type: IdType, id: string, rules: Rules): IdProblem | null {
  switch (type) {
    case 'resident-id': {
      const problem = checkEighteenDigit(id);
      if (problem) return problem;
      if (rules.identity.residencePermitAreaCodes.includes(id.slice(0, 6))) {
        return { code: 'ID_TYPE_MISMATCH', message: 'this is a residence-permit number (港澳台居民居住证): choose that ID type' };
      }
      return null;
    }
    case 'residence-permit': {
      const problem = checkEighteenDigit(id);
      if (problem) return problem;
      if (!rules.identity.residencePermitAreaCodes.includes(id.slice(0, 6))) {
        return { code: 'ID_AREA_CODE', message: `a residence permit starts with ${rules.identity.residencePermitAreaCodes.join(', ')}` };
      }
      return null;
    }
    case 'hk-macau-permit': {
      const { prefixes, digits } = rules.identity.hkMacauPermit;
      const ok = id.length === 1 + digits && prefixes.includes(id[0]!) && /^\d+$/.test(id.slice(1));
      return ok ? null : { code: 'ID_FORMAT', message: `${prefixes.join(' or ')} followed by ${digits} digits (leave out the renewal count)` };
    }
    case 'taiwan-permit': {
      const digits = rules.identity.taiwanPermitDigits;
      return new RegExp(`^\\d{${digits}}$`).test(id) ? null : { code: 'ID_FORMAT', message: `${digits} digits (leave out the renewal count)` };
    }
  }
}

function checkEighteenDigit(id: string): IdProblem | null {
  if (!/^\d{17}[\dX]$/.test(id)) return { code: 'ID_FORMAT', message: '18 characters: 17 digits and a check digit (0-9 or X)' };
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isRealDate(birth)) return { code: 'ID_BIRTH_DATE', message: `digits 7-14 are not a real birth date (${birth})` };
  if (residentIdCheckDigit(id.slice(0, 17)) !== id[17]) return { code: 'ID_CHECKSUM', message: 'the check digit does not match (GB 11643-1999)' };
  return null;
}

/** The birth date and sex an 18-digit number encodes. */
export function decodeEighteenDigit(id: string): { birthDate: string; gender: 'male' | 'female' } {
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  };
}
