import { z } from 'zod';
import type { Rules } from '../../../rules';

/** A teacher-certificate number: digits only, of one of the lengths the rules allow (15 or 17). */
export const certificateNumber = (rules: Rules) =>
  z.string().trim().max(32).superRefine((v, ctx) => {
    const { numberLengths } = rules.certificates;
    if (!/^\d+$/.test(v) || !numberLengths.includes(v.length)) {
      ctx.addIssue({ code: 'custom', params: { code: 'CERTIFICATE_NUMBER_FORMAT' }, message: `${numberLengths.join(' or ')} digits` });
    }
  });

/**
 * Registry certificates are kept under their number; hand-added ones under a key of their own,
 * so that an applicant's entry never overwrites what the registry holds for that number.
 */
export const registryKey = (number: string) => number;
export const handAddedKey = (number: string) => `hand-added|${number}`;
