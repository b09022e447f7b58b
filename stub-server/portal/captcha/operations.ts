import { z } from 'zod';
import { invalidField } from '../problem';
import { publicOperation } from '../operation';
import { text } from '../fields';
import { moment } from '../answer-fields';

export const getCaptcha = publicOperation({
  operationId: 'getCaptcha',
  summary: 'A new slider challenge; `targetX` says where the piece belongs, so automated clients can solve it',
  section: '§1',
  output: z.object({ id: z.string(), targetX: z.number(), trackWidthPx: z.number(), pieceWidthPx: z.number(), expiresAt: moment() }),
  input: () => z.object({}),
  run: ({ ctx, now }) => {
    const { id, targetX, expiresAt } = ctx.captchas.issue(now);
    const { trackWidthPx, pieceWidthPx } = ctx.rules.captcha;
    return { id, targetX, trackWidthPx, pieceWidthPx, expiresAt: ctx.iso(expiresAt) };
  },
});

export const solveCaptcha = publicOperation({
  operationId: 'solveCaptcha',
  summary: 'One attempt at a challenge: a single-use captcha token when the piece lands in its slot',
  section: '§1',
  output: z.object({ captchaToken: z.string(), expiresAt: moment() }),
  refuses: ['CAPTCHA_EXPIRED', 'CAPTCHA_MISMATCH'],
  input: () => z.object({ id: text(100), x: z.number().finite() }),
  run: ({ ctx, input, now }) => {
    const result = ctx.captchas.solve(input.id, input.x, now);
    if (result === 'expired') throw invalidField('id', 'CAPTCHA_EXPIRED', 'this challenge is unknown, used or expired: get a new one');
    if (result === 'mismatch') throw invalidField('x', 'CAPTCHA_MISMATCH', 'the piece did not land in its slot: get a new challenge');
    return { captchaToken: result.token, expiresAt: ctx.iso(result.expiresAt) };
  },
});

export const captchaOperations = [getCaptcha, solveCaptcha];
