import { z } from 'zod';
import { adminOperation, publicOperation } from '../operation';
import { captchaToken, idNumber, phone, text } from '../fields';
import { conflict, invalidField, notFound } from '../problem';
import { maskPhone } from '../identity/masks';
import { issueCode } from './codes';
import { iso } from '../time-format';

const purpose = () => z.enum(['register', 'reset', 'certificate-query', 'change-phone']);

export const requestSmsCode = publicOperation({
  operationId: 'requestSmsCode',
  summary: 'A 6-digit code by SMS: to `phone`, or for `reset` to the phone registered for `idNumber`; 3 per phone per Beijing day, valid 5 minutes',
  section: '§1, §2',
  captcha: true,
  input: (rules) => z.object({ purpose: purpose(), phone: phone(rules).optional(), idNumber: idNumber().optional(), captchaToken: captchaToken() }),
  run: ({ ctx, input, now }) => {
    let recipient = input.phone;
    if (input.purpose === 'reset') {
      if (!input.idNumber) throw invalidField('idNumber', 'REQUIRED', 'a reset code goes to the phone registered for this ID number');
      const account = ctx.state.accounts.get(input.idNumber.toUpperCase());
      if (!account) throw notFound('ACCOUNT_NOT_FOUND', 'no account for this ID number');
      recipient = account.phone;
    }
    if (!recipient) throw invalidField('phone', 'REQUIRED', 'the phone number to send the code to');
    const { expiresAt, remainingToday } = issueCode(ctx, 'sms', recipient, input.purpose, now);
    return { sentTo: maskPhone(recipient), expiresAt: iso(expiresAt), remainingToday };
  },
});

export const requestWechatCode = publicOperation({
  operationId: 'requestWechatCode',
  summary: 'A code through the WeChat service account, asked for by ID number there; for `reset` only when the account was bound before',
  section: '§1, §2',
  input: () => z.object({ idNumber: idNumber(), purpose: z.enum(['register', 'reset']) }),
  run: ({ ctx, input, now }) => {
    const id = input.idNumber.toUpperCase();
    if (input.purpose === 'reset') {
      const account = ctx.state.accounts.get(id);
      if (!account) throw notFound('ACCOUNT_NOT_FOUND', 'no account for this ID number');
      if (!account.wechatBound) throw conflict('WECHAT_NOT_BOUND', 'WeChat reset works only for accounts bound to the service account before the password was forgotten');
    }
    const { expiresAt, remainingToday } = issueCode(ctx, 'wechat', id, input.purpose, now);
    return { expiresAt: iso(expiresAt), remainingToday };
  },
});

export const readOutbox = adminOperation({
  operationId: 'readOutbox',
  summary: 'Codes, links and messages sent (SMS, email, WeChat), newest first; `recipient` filters',
  section: 'test control',
  input: () => z.object({ recipient: text(100).optional(), limit: z.coerce.number().int().min(1).max(1000).default(100) }),
  run: ({ ctx, input }) => {
    const { outbox } = ctx.state;
    const messages = input.recipient !== undefined ? outbox.lookup('recipient', input.recipient) : [...outbox.values()];
    return messages
      .sort((a, b) => b.seq - a.seq)
      .slice(0, input.limit)
      .map(({ channel, recipient, code, link, text: body, sentAt }) => ({ channel, recipient, code, link, text: body, sentAt: iso(sentAt) }));
  },
});

export const codeOperations = [requestSmsCode, requestWechatCode, readOutbox];
