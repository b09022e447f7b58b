import { z } from 'zod';
import { idTypeSchema, isRealDate, type IdType, type Rules } from '../../rules';
import { checkIdNumber, normalizeIdNumber } from './identity/id-numbers';
import { passwordProblem } from './identity/passwords';
import { readUpload } from './photos/upload';
import type { FieldCode } from './problem-codes';

/**
 * The input fields the operations share, built from the rules. Each refusal carries a stable
 * code (the 422 `errors[].code` of API.md).
 */
const fail = (ctx: z.RefinementCtx, code: FieldCode, message: string, path: PropertyKey[] = []) =>
  ctx.addIssue({ code: 'custom', message, params: { code }, path });

/** A bounded string: huge inputs are refused by length before anything else looks at them. */
export const text = (max = 200) => z.string().max(max);
export const requiredText = (max = 200) => z.string().trim().min(1).max(max);

export const idType = () => idTypeSchema;

/** A calendar date YYYY-MM-DD that exists. */
export const date = () =>
  z.string().max(10).superRefine((v, ctx) => { if (!isRealDate(v)) fail(ctx, 'DATE_FORMAT', 'a real date YYYY-MM-DD'); });

/**
 * A person's name: letters of any script (rare characters 生僻字 included), with the
 * separators · and space that minority and foreign names use; no digits or punctuation.
 * The length counts characters, not UTF-16 units: a rare character outside the BMP
 * (extension B, e.g. 𠀀) is one character. Spaces are visible ones only (U+0020, U+3000):
 * `\s` would also let in tabs, line breaks and the invisible U+FEFF.
 */
export const personName = (rules: Rules) =>
  z.string().trim().min(1).superRefine((v, ctx) => {
    const max = rules.identity.nameMaxLength;
    if (v.length === 0) return;
    // The UTF-16 length first: a huge input is refused before it is split into characters.
    if (v.length > 2 * max || [...v].length > max) return fail(ctx, 'TOO_LONG', `at most ${max} characters`);
    if (!/^\p{L}[\p{L}\p{M}·• \u3000]*$/u.test(v)) fail(ctx, 'NAME_FORMAT', 'letters only (· between parts of a name)');
  }).meta({ maxLength: rules.identity.nameMaxLength }); // JSON Schema counts characters too

export const password = (rules: Rules) =>
  z.string().max(200).superRefine((v, ctx) => {
    const problem = passwordProblem(v, rules);
    if (problem) fail(ctx, 'PASSWORD_POLICY', problem);
  });

export const phone = (rules: Rules) => {
  const pattern = new RegExp(rules.account.phonePattern);
  return z.string().max(20).superRefine((v, ctx) => {
    if (!pattern.test(v)) fail(ctx, 'PHONE_FORMAT', '11-digit mobile number starting 13-19');
  });
};

export const email = (rules: Rules) =>
  z.string().max(rules.account.email.maxLength).superRefine((v, ctx) => {
    if (/[。．｡]/.test(v)) return fail(ctx, 'EMAIL_FULLWIDTH_STOP', 'use "." not "。" in the address');
    const match = /^([^\s@]+)@([^\s@]+\.[A-Za-z]{2,})$/.exec(v);
    if (!match) return fail(ctx, 'EMAIL_FORMAT', 'an address like name@example.com');
    const { qqNumericOnly, qqDomains } = rules.account.email;
    if (qqNumericOnly && qqDomains.includes(match[2]!.toLowerCase()) && !/^\d{5,11}$/.test(match[1]!)) {
      fail(ctx, 'EMAIL_QQ_ALIAS', 'a QQ mailbox must use the QQ number before @, not an alias');
    }
  });

export const code = (rules: Rules) => {
  const pattern = new RegExp(`^\\d{${rules.codes.digits}}$`);
  return z.string().max(12).superRefine((v, ctx) => {
    if (!pattern.test(v)) fail(ctx, 'CODE_FORMAT', `${rules.codes.digits} digits`);
  });
};

export const captchaToken = () => z.string().max(100);

/** A raw ID number: its check needs the ID type, so `withIdNumber` checks it on the object. */
export const idNumber = () => z.string().trim().min(1).max(32);

/** What the ID check needs: an ID type it knows, and a number not too long to look at. */
const idCheckable = (v: { idType?: unknown; idNumber?: unknown } | undefined) =>
  idTypeSchema.safeParse(v?.idType).success && typeof v?.idNumber === 'string' && v.idNumber.length <= 32;

/**
 * Schemas with a compilable twin for valid input (`validInputTwin`): the twin accepts exactly
 * what the schema accepts, with the same output, and may name fewer fields when it refuses.
 * The portal parses with the twin first (compiled, zod's fast path) and with the schema itself
 * only to name every failing field.
 */
const twins = new WeakMap<z.ZodType, z.ZodType>();
export const validInputTwin = (schema: z.ZodType): z.ZodType | undefined => twins.get(schema);

/**
 * Checks `idNumber` against `idType` (both fields of the object) and normalises it.
 * Runs even when other fields fail, so a 422 names every failing field (zod cannot compile
 * that: its twin checks the number only once every field has passed).
 */
export function withIdNumber<T extends z.ZodObject<{ idType: z.ZodType<IdType>; idNumber: z.ZodType<string> }>>(schema: T, rules: Rules) {
  const check = (value: z.output<T>, ctx: z.RefinementCtx) => {
    const v = value as { idType: IdType; idNumber: string };
    if (!idCheckable(v)) return;
    const problem = checkIdNumber(v.idType, normalizeIdNumber(v.idType, v.idNumber, rules), rules);
    if (problem) fail(ctx, problem.code, problem.message, ['idNumber']);
  };
  const normalised = (value: z.output<T>) => {
    const v = value as z.output<T> & { idType: IdType; idNumber: string };
    return { ...v, idNumber: normalizeIdNumber(v.idType, v.idNumber, rules) };
  };
  const everyField = schema
    .superRefine(check, { when: (payload) => idCheckable(payload.value as { idType?: unknown; idNumber?: unknown } | undefined) })
    .transform(normalised);
  twins.set(everyField, schema.superRefine(check).transform(normalised));
  return everyField;
}

/** Base64 of an uploaded file (JPEG), bounded by the upload body limit. */
export const base64File = (rules: Rules) =>
  z.string().max(Math.ceil(rules.limits.uploadBodyBytes * 4 / 3)).superRefine((v, ctx) => {
    // Node's decoder skips characters outside the alphabet, so a short decode means a bad one:
    // one native pass, where a regex over a few hundred kilobytes costs far more.
    const padding = v.endsWith('==') ? 2 : v.endsWith('=') ? 1 : 0;
    if (v.length % 4 !== 0 || readUpload(v).bytes !== (v.length / 4) * 3 - padding) {
      fail(ctx, 'BASE64_FORMAT', 'the file as base64');
    }
  });
