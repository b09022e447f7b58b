import { z } from 'zod';
import { applicantOperation } from '../operation';
import { code, date, password, phone, requiredText, text } from '../fields';
import { conflict, invalid, unauthorized, type FieldError } from '../problem';
import { takeCode } from '../codes/codes';
import { passwordChanged } from '../accounts/password-changed';
import { maskPhone } from '../identity/masks';
import { certificateView, inSystem, myCertificates } from '../certificates/sync';
import type { Account, Profile } from '../records';
import type { PortalContext } from '../context';
import { andThen } from '../maybe-async';
import { done } from '../answer-fields';
import { identityAnswer, personalInfoAnswer } from './answers';
import { withFields } from '../with-fields';


export function identityView(ctx: PortalContext, account: Account) {
  return {
    idType: account.idType,
    idNumber: account.idNumber,
    name: account.name,
    idValidFrom: account.idValidFrom,
    idValidTo: account.idValidTo,
    email: account.email,
    maskedPhone: maskPhone(account.phone),
    registeredAt: ctx.iso(account.registeredAt),
    lastLoginAt: ctx.iso(account.lastLoginAt),
    wechatBound: account.wechatBound,
    profileComplete: account.profile !== null,
    profile: account.profile && { ...account.profile, completedAt: ctx.iso(account.profile.completedAt) },
    realName: { status: account.realName.status, method: account.realName.method ?? null, verifiedAt: ctx.iso(account.realName.verifiedAt) },
  };
}

export const getMe = applicantOperation({
  operationId: 'getMe',
  output: identityAnswer,
  summary: 'The signed-in applicant: identity, profile, real-name status',
  section: '§3',
  requires: [],
  input: () => z.object({}),
  run: ({ ctx, account }) => identityView(ctx, account),
});

const PROFILE_FIELDS = ['ethnicity', 'gender', 'birthDate', 'localIdNumber', 'permitNumber'] as const;

/** The form sent again as it stands edits nothing (a page reloaded and submitted while a review is pending). */
function sameProfile(input: Partial<Record<(typeof PROFILE_FIELDS)[number], string>>, profile: Profile | null): boolean {
  return profile !== null && PROFILE_FIELDS.every((field) => input[field] === profile[field]);
}

export const completeProfile = applicantOperation({
  operationId: 'completeProfile',
  output: identityAnswer,
  summary: 'First-login identity information: ethnicity for all; permit and residence-permit holders also gender, birth date, local ID number; residence permits also the permit number',
  section: '§3',
  requires: [],
  identityEdit: (input, account) => !sameProfile(input, account.profile),
  input: () => z.object({
    ethnicity: requiredText(20),
    gender: z.enum(['male', 'female']).optional(),
    birthDate: date().optional(),
    localIdNumber: requiredText(32).optional(),
    permitNumber: requiredText(32).optional(),
  }),
  run: ({ ctx, input, account, now }) => {
    if (account.idType !== 'resident-id') {
      const errors: FieldError[] = [];
      for (const field of ['gender', 'birthDate', 'localIdNumber'] as const) {
        if (input[field] === undefined) errors.push({ field, code: 'REQUIRED', message: `required for holders of ${account.idType}` });
      }
      if (account.idType === 'residence-permit' && input.permitNumber === undefined) {
        errors.push({ field: 'permitNumber', code: 'REQUIRED', message: 'the matching HK/Macau/Taiwan permit number' });
      }
      if (errors.length > 0) throw invalid(errors);
    }
    const profile = withFields(input, { completedAt: now });
    ctx.state.accounts.set(account.idNumber, { ...account, profile });
    return identityView(ctx, { ...account, profile });
  },
});

export const bindWechat = applicantOperation({
  operationId: 'bindWechat',
  output: done('wechatBound'),
  summary: 'Bind the WeChat service account (enables WeChat password reset)',
  section: '§3',
  requires: [],
  input: () => z.object({}),
  run: ({ ctx, account }) => {
    ctx.state.accounts.set(account.idNumber, { ...account, wechatBound: true });
    return { wechatBound: true };
  },
});

export const changePassword = applicantOperation({
  operationId: 'changePassword',
  output: done('changed'),
  refuses: ['WRONG_CREDENTIALS', 'SESSION_ENDED', 'PASSWORD_CHANGED_MEANWHILE'],
  summary: 'Change the password: the current one, then a new one under the password rule',
  section: '§3',
  requires: [],
  input: (rules) => z.object({ oldPassword: text(200), newPassword: password(rules) }),
  run: ({ ctx, input, account, session }) => andThen(ctx.passwords.verify(input.oldPassword, account.passwordHash), (verified) => {
    if (!verified) throw unauthorized('WRONG_CREDENTIALS', 'the current password is wrong');
    return andThen(ctx.passwords.hash(input.newPassword, ctx.random.token()), (passwordHash) => {
      const current = ctx.state.accounts.get(account.idNumber)!;
      // A change made meanwhile (another change or a reset) wins: the old password this one checked is gone.
      if (!ctx.state.sessions.get(session.token)) throw unauthorized('SESSION_ENDED', 'the session ended while the password was being changed: sign in again');
      if (current.passwordHash !== account.passwordHash) throw conflict('PASSWORD_CHANGED_MEANWHILE', 'the password was changed by another request meanwhile: sign in with the new one');
      ctx.state.accounts.set(account.idNumber, { ...current, passwordHash });
      passwordChanged(ctx, current, session.token);
      return { changed: true };
    });
  }),
});

export const changePhone = applicantOperation({
  operationId: 'changePhone',
  output: z.object({ maskedPhone: z.string() }),
  refuses: ['CODE_INVALID', 'CODE_EXPIRED', 'CODE_ATTEMPTS_EXCEEDED'],
  summary: 'Change the phone number with a code sent to the new number (requestSmsCode purpose change-phone)',
  section: '§3',
  requires: [],
  // The phone is part of what a pending manual review was submitted with (004: 待审核期间无法修改信息).
  identityEdit: true,
  input: (rules) => z.object({ phone: phone(rules), code: code(rules) }),
  run: ({ ctx, input, account, now }) => {
    takeCode(ctx, [{ channel: 'sms', recipient: input.phone }], 'change-phone', input.code, now);
    ctx.state.accounts.set(account.idNumber, { ...account, phone: input.phone });
    return { maskedPhone: maskPhone(input.phone) };
  },
});

export const getPersonalInfo = applicantOperation({
  operationId: 'getPersonalInfo',
  output: personalInfoAnswer,
  summary: 'The personal-information centre: its seven modules',
  section: '§3',
  requires: [],
  input: () => z.object({}),
  run: ({ ctx, account }) => ({
    identity: identityView(ctx, account),
    // The stub holds no exam, Mandarin, education, degree or other records: the modules exist, empty.
    examRecords: [],
    mandarinCertificates: [],
    education: [],
    degrees: [],
    // 002/003 §2.2: the module shows only certificates certified in the system (2008 on; Guangxi 2012).
    teacherCertificates: myCertificates(ctx, account).filter((c) => inSystem(ctx, c)).map(certificateView),
    otherCertificates: [],
  }),
});

export const profileOperations = [getMe, completeProfile, bindWechat, changePassword, changePhone, getPersonalInfo];
