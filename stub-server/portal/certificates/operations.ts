import { z } from 'zod';
import { adminOperation, applicantOperation, publicOperation, type Operation } from '../operation';
import { captchaToken, code, date, idNumber, personName, phone, requiredText } from '../fields';
import { notFound } from '../problem';
import { takeCode } from '../codes/codes';
import { addCertificate } from './add';
import { certificateNumber, registryKey } from './registry';
import { certificateView, inSystem, myCertificates } from './sync';
import { certificateAnswer } from './answers';
import { seeded } from '../answer-fields';
import { withFields } from '../with-fields';

export const listMyCertificates = applicantOperation({
  operationId: 'listMyCertificates',
  output: z.array(certificateAnswer),
  summary: 'Own query: the certificates linked to this account (synced by ID number and exact name, or added by hand)',
  section: '§5',
  requires: ['profile'],
  input: () => z.object({}),
  run: ({ ctx, account }) => myCertificates(ctx, account).map(certificateView),
});

export const queryCertificate = publicOperation({
  operationId: 'queryCertificate',
  output: certificateAnswer.extend({ holderName: z.string() }),
  refuses: ['CODE_INVALID', 'CODE_EXPIRED', 'CODE_ATTEMPTS_EXCEEDED', 'CERTIFICATE_NOT_FOUND'],
  summary: 'Other query, no account: name + ID number + certificate number, slider captcha, and an SMS code (purpose certificate-query) to the asker’s phone',
  section: '§5',
  captcha: true,
  input: (rules) => z.object({
    name: personName(rules),
    idNumber: idNumber(),
    certificateNumber: certificateNumber(rules),
    phone: phone(rules),
    code: code(rules),
    captchaToken: captchaToken(),
  }),
  run: ({ ctx, input, now }) => {
    const giveBack = takeCode(ctx, [{ channel: 'sms', recipient: input.phone }], 'certificate-query', input.code, now);
    // Only the registry answers (hand-added entries are unverified claims), and only what was certified in
    // the system: an older certificate's first registration does not put it there (002/003 §1.1.2).
    const cert = ctx.state.certificates.get(registryKey(input.certificateNumber));
    const matches = cert !== undefined && inSystem(ctx, cert) && cert.holderName === input.name && cert.idNumber === input.idNumber.toUpperCase();
    // One answer for every mismatch, so the query does not tell which part was wrong.
    if (!matches) { giveBack(); throw notFound('CERTIFICATE_NOT_FOUND', 'no certificate in the system matches this name, ID number and certificate number'); }
    return { ...certificateView(cert), holderName: cert.holderName };
  },
});

const registryCertificate = (rules: Parameters<typeof certificateNumber>[0]) => z.object({
  number: certificateNumber(rules),
  holderName: personName(rules),
  idNumber: idNumber().transform((v) => v.toUpperCase()),
  qualificationType: requiredText(50),
  subject: requiredText(50),
  province: z.string().regex(/^\d{2}$/, 'a 2-digit province code'),
  city: requiredText(50).optional(),
  certifyingBody: requiredText(100),
  issueDate: date(),
  lastRegistration: z.object({ date: date(), conclusion: requiredText(20) }).optional(),
});

type TrustedCertificate = z.input<ReturnType<typeof registryCertificate>>;

export const seedCertificates = adminOperation({
  operationId: 'seedCertificates',
  output: seeded(),
  summary: 'Certificate-registry entries (bare array; adds or replaces by number); they sync to the holder’s account by the sync rule',
  section: 'test control',
  input: (rules) => z.array(registryCertificate(rules)).min(1).max(rules.limits.seedEntries),
  trustedInput: (raw: TrustedCertificate[]) => raw.map((c) => ({
    number: c.number.trim(),
    holderName: c.holderName.trim(),
    idNumber: c.idNumber.trim().toUpperCase(),
    qualificationType: c.qualificationType.trim(),
    subject: c.subject.trim(),
    province: c.province,
    ...('city' in c ? { city: c.city?.trim() } : {}),
    certifyingBody: c.certifyingBody.trim(),
    issueDate: c.issueDate,
    ...('lastRegistration' in c
      ? { lastRegistration: c.lastRegistration && { date: c.lastRegistration.date, conclusion: c.lastRegistration.conclusion.trim() } }
      : {}),
  })),
  run: ({ ctx, input }) => {
    for (const cert of input) ctx.state.certificates.set(registryKey(cert.number), withFields(cert, { source: 'registry' as const }));
    return { seeded: input.length };
  },
});

export const certificateOperations: Operation[] = [listMyCertificates, queryCertificate, addCertificate, seedCertificates];
