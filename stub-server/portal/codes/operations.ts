import { z } from 'zod';
import { adminOperation, publicOperation } from '../operation';
import { captchaToken, idNumber, idType, personName, phone, text } from '../fields';
import { conflict, invalidField } from '../problem';
import { maskPhone } from '../identity/masks';
import { resettableAccount } from '../reset-step-one';
import { issueCode } from './codes';
import { moment } from '../answer-fields';

const purpose = () => z.enum(['register', 'reset', 'certificate-query', 'change-phone']);

/** What a reset's code request carries of step 1 (optional for other purposes). */
const resetFields = (rules: Parameters<typeof personName>[0]) => ({ idType: idType().optional(), idNumber: idNumber().optional(), name: personName(rules).optional() });

/** Step 1's three fields, each required for a reset. */
function stepOne(input: { idType?: string; idNumber?: string; name?: string }): { idType: string; idNumber: string; name: string } {
  for (const field of ['idType', 'idNumber', 'name'] as const) {
    if (!input[field]) throw invalidField(field, 'REQUIRED', 'a reset starts with the ID type, ID number and name of the account (step 1)');
  }
  return input as { idType: string; idNumber: string; name: string };
}

export const requestSmsCode = publicOperation({
  operationId: 'requestSmsCode',
  summary: 'A 6-digit code by SMS: to `phone`, or for `reset` to the phone of the account that `idType`, `idNumber` and `name` all match (reset step 1); 3 per phone per Beijing day, valid 5 minutes',
  section: '§1, §2',
  captcha: true,
  output: z.object({ sentTo: z.string().meta({ description: 'the phone, masked' }), expiresAt: moment(), remainingToday: z.number().int() }),
  refuses: ['ACCOUNT_NOT_FOUND', 'REGISTER_AGAIN', 'SMS_DAILY_QUOTA_EXCEEDED', 'SMS_GATEWAY_UNAVAILABLE'],
  input: (rules) => z.object({ purpose: purpose(), phone: phone(rules).optional(), ...resetFields(rules), captchaToken: captchaToken() }),
  run: ({ ctx, input, now }) => {
    const recipient = input.purpose === 'reset' ? resettableAccount(ctx, stepOne(input)).phone : input.phone;
    if (!recipient) throw invalidField('phone', 'REQUIRED', 'the phone number to send the code to');
    const { expiresAt, remainingToday } = issueCode(ctx, 'sms', recipient, input.purpose, now);
    return { sentTo: maskPhone(recipient), expiresAt: ctx.iso(expiresAt), remainingToday };
  },
});

export const requestWechatCode = publicOperation({
  operationId: 'requestWechatCode',
  summary: 'A code through the WeChat service account, asked for by ID number there; for `reset` only after step 1 (`idType` and `name` too) and when the account was bound before',
  section: '§1, §2',
  captcha: true,
  output: z.object({ expiresAt: moment(), remainingToday: z.number().int() }),
  refuses: ['ACCOUNT_NOT_FOUND', 'REGISTER_AGAIN', 'WECHAT_NOT_BOUND', 'WECHAT_DAILY_QUOTA_EXCEEDED'],
  input: (rules) => z.object({ ...resetFields(rules), idNumber: idNumber(), purpose: z.enum(['register', 'reset']), captchaToken: captchaToken() }),
  run: ({ ctx, input, now }) => {
    const id = input.idNumber.toUpperCase();
    if (input.purpose === 'reset') {
      const account = resettableAccount(ctx, stepOne(input));
      if (!account.wechatBound) throw conflict('WECHAT_NOT_BOUND', 'WeChat reset works only for accounts bound to the service account before the password was forgotten');
    }
    const { expiresAt, remainingToday } = issueCode(ctx, 'wechat', id, input.purpose, now);
    return { expiresAt: ctx.iso(expiresAt), remainingToday };
  },
});

export const readOutbox = adminOperation({
  operationId: 'readOutbox',
  summary: 'Codes, links and messages sent (SMS, email, WeChat), newest first; `recipient` and `idNumber` filter',
  section: 'test control',
  output: z.array(z.object({
    channel: z.enum(['sms', 'wechat', 'email']),
    recipient: z.string(),
    code: z.string().optional().meta({ description: 'an SMS or WeChat code: what registerAccount, the resets, changePhone and queryCertificate take as `code`' }),
    link: z.string().optional().meta({ description: 'a reset email\'s link, `/reset-password?token=…`: its `token` is what resetPasswordWithEmailToken takes' }),
    text: z.string(),
    sentAt: moment(),
  })),
  input: () => z.object({
    recipient: text(100).optional(),
    idNumber: idNumber().optional().meta({ description: 'only the reset links for this account: a mailbox two accounts share holds both accounts\' links' }),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  }),
  run: ({ ctx, input }) => {
    const { outbox } = ctx.state;
    const messages = input.idNumber !== undefined
      ? outbox.lookup('account', input.idNumber).filter((m) => input.recipient === undefined || m.recipient === input.recipient)
      : input.recipient !== undefined ? outbox.lookup('recipient', input.recipient) : [...outbox.values()];
    return messages
      .sort((a, b) => b.seq - a.seq)
      .slice(0, input.limit)
      .map(({ channel, recipient, code, link, text: body, sentAt }) => ({ channel, recipient, code, link, text: body, sentAt: ctx.iso(sentAt) }));
  },
});

export const codeOperations = [requestSmsCode, requestWechatCode, readOutbox];
