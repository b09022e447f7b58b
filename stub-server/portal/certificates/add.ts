import { z } from 'zod';
import { applicantOperation } from '../operation';
import { base64File, date, idNumber, personName, requiredText } from '../fields';
import { conflict, invalid, type FieldError } from '../problem';
import { checkPhoto, underBytes } from '../photos/photo-check';
import type { Certificate } from '../records';
import { certificateNumber, handAddedKey, registryKey } from './registry';
import { certificateView, syncedFromYear, syncs } from './sync';
import { certificateAnswer } from './answers';
import { withFields } from '../with-fields';

/** A second-generation (18-character) ID: resident ID or residence permit, never a first-generation 15-digit one. */
const SECOND_GENERATION = /^\d{17}[\dX]$/;

export const addCertificate = applicantOperation({
  operationId: 'addCertificate',
  output: certificateAnswer,
  refuses: ['HOLDER_MISMATCH', 'ID_NOT_SECOND_GENERATION', 'DATE_IN_FUTURE', 'CERTIFICATE_SYNCED_NOT_ADDABLE', 'CERTIFICATE_EXISTS'],
  summary: 'Add by hand a certificate issued before the sync year (2008; Guangxi 2012) that had no first registration: holder and ID must match the account; certificate photo JPG < 190 KB (base64 in JSON)',
  section: '§5, §6',
  requires: ['profile', 'realName'],
  input: (rules) => z.object({
    holderName: personName(rules),
    idNumber: idNumber().transform((v) => v.toUpperCase()),
    certificateNumber: certificateNumber(rules),
    issueDate: date(),
    province: z.string().regex(/^\d{2}$/, 'a 2-digit province code'),
    city: requiredText(50),
    qualificationType: requiredText(50),
    subject: requiredText(50),
    certifyingBody: requiredText(100),
    certificatePhoto: base64File(rules),
    extraPhotos: z.array(base64File(rules)).max(rules.certificates.extraPhotosMax).optional(),
  }),
  run: ({ ctx, input, account, now }) => {
    const { rules } = ctx;
    const errors: FieldError[] = [];
    // 002/003 §3 添加说明 a–b: exact name and ID, and the ID must be a second-generation one.
    if (input.holderName !== account.name) errors.push({ field: 'holderName', code: 'HOLDER_MISMATCH', message: 'the holder must be the account holder, exactly as registered' });
    if (!SECOND_GENERATION.test(input.idNumber)) {
      errors.push({ field: 'idNumber', code: 'ID_NOT_SECOND_GENERATION', message: 'a certificate must be linked to an 18-character (second-generation) ID: ask the certifying body to change it first' });
    } else if (input.idNumber !== account.idNumber) {
      errors.push({ field: 'idNumber', code: 'HOLDER_MISMATCH', message: 'the ID number must be the account’s' });
    }
    if (input.issueDate > ctx.dateOf(now)) errors.push({ field: 'issueDate', code: 'DATE_IN_FUTURE', message: 'the issue date lies in the future' });
    if (errors.length > 0) throw invalid(errors);
    const photo = checkPhoto(input.certificatePhoto, underBytes(rules.certificates.photoMaxBytes), 'certificatePhoto');
    const extraPhotos = (input.extraPhotos ?? []).map((p, i) => checkPhoto(p, underBytes(rules.certificates.photoMaxBytes), `extraPhotos.${i}`));

    const fromYear = syncedFromYear(ctx, input.province);
    if (Number(input.issueDate.slice(0, 4)) >= fromYear) {
      throw conflict('CERTIFICATE_SYNCED_NOT_ADDABLE', `certificates from ${fromYear} on are in the system and sync by themselves; they may not be added by hand`, { syncedFromYear: fromYear });
    }
    const registered = ctx.state.certificates.get(registryKey(input.certificateNumber));
    if (registered && syncs(ctx, registered)) {
      throw conflict('CERTIFICATE_SYNCED_NOT_ADDABLE', 'this certificate had a first registration: that record syncs and the certificate may not be added by hand');
    }
    if (ctx.state.certificates.has(handAddedKey(input.certificateNumber))) {
      throw conflict('CERTIFICATE_EXISTS', 'this certificate number has already been added');
    }
    const { certificatePhoto: _photo, extraPhotos: _extra, certificateNumber: number, ...fields } = input;
    const cert: Certificate = withFields(fields, { number, source: 'hand-added' as const, photo, extraPhotos, addedAt: now });
    ctx.state.certificates.set(handAddedKey(number), cert);
    return certificateView(cert);
  },
});
