import { z } from 'zod';
import { adminOperation } from '../operation';
import { requiredText } from '../fields';
import { conflict } from '../problem';
import { anyRegistration, lazyRegistrationDetail } from './read';
import { assertAllowed, record, transition } from './transitions';
import { messageAnswer, registrationDetailAnswer } from './answers';

const applicationNumber = () => requiredText(40);
const reason = () => requiredText(500).optional();

export const confirmOnSite = adminOperation({
  operationId: 'confirmOnSite',
  output: registrationDetailAnswer,
  refuses: ['REGISTRATION_NOT_FOUND', 'INVALID_TRANSITION'],
  summary: 'On-site confirmation (现场确认) at the confirmation point: pass → 待注册审批, fail → 确认未通过',
  section: '§6, §8',
  input: () => z.object({ applicationNumber: applicationNumber(), result: z.enum(['pass', 'fail']), reason: reason() }),
  run: ({ ctx, input, now }) => {
    const reg = anyRegistration(ctx, input.applicationNumber);
    // Only 网报待确认 leads to either result: the table refuses confirming anything else.
    return lazyRegistrationDetail(ctx, transition(ctx, reg, input.result === 'pass' ? '待注册审批' : '确认未通过', now, { reason: input.reason }));
  },
});

export const decideRegistration = adminOperation({
  operationId: 'decideRegistration',
  output: registrationDetailAnswer,
  refuses: ['REGISTRATION_NOT_FOUND', 'INVALID_TRANSITION', 'TIER_OUT_OF_ORDER'],
  summary: 'Approval by the registration body: 注册合格, 暂缓注册 or 注册不合格; with a tier (初审 → 复核 → 终审, in order) a 注册合格 before the last tier records the tier and stays 待注册审批; without a tier the decision is final',
  section: '§6, §8',
  input: (rules) => z.object({
    applicationNumber: applicationNumber(),
    conclusion: z.enum(['注册合格', '暂缓注册', '注册不合格']),
    tier: z.enum(rules.registration.approvalTiers as [string, ...string[]]).optional(),
    reason: reason(),
  }),
  run: ({ ctx, input, now }) => {
    const reg = anyRegistration(ctx, input.applicationNumber);
    // The outcomes follow 待注册审批 only (table), also when a tier pass keeps it there.
    assertAllowed(reg, input.conclusion);
    const { reason: why, tier } = input;
    if (tier === undefined) return lazyRegistrationDetail(ctx, transition(ctx, reg, input.conclusion, now, { reason: why }));
    const tiers = ctx.rules.registration.approvalTiers;
    const expected = tiers[reg.tiersPassed.length];
    if (tier !== expected) {
      throw conflict('TIER_OUT_OF_ORDER', `the next tier of this application is ${expected ?? '(none)'}, not ${tier}`, { expectedTier: expected ?? null, tiersPassed: reg.tiersPassed });
    }
    const tiersPassed = [...reg.tiersPassed, tier];
    const lastTier = tiersPassed.length === tiers.length;
    // A pass before the last tier moves the file on to the next tier; any refusal, or the last pass, is final.
    if (input.conclusion === '注册合格' && !lastTier) {
      return lazyRegistrationDetail(ctx, record(ctx, reg, '待注册审批', now, { reason: why, tier, tiersPassed }));
    }
    return lazyRegistrationDetail(ctx, transition(ctx, reg, input.conclusion, now, { reason: why, tier, tiersPassed }));
  },
});

export const revertToPending = adminOperation({
  operationId: 'revertToPending',
  output: registrationDetailAnswer,
  refuses: ['REGISTRATION_NOT_FOUND', 'INVALID_TRANSITION'],
  summary: 'The institution sets an application back to 网报待确认 (from 确认未通过 or 待注册审批) so that the applicant can modify it; tiers passed are cleared',
  section: '§6',
  input: () => z.object({ applicationNumber: applicationNumber(), reason: reason() }),
  run: ({ ctx, input, now }) => {
    const reg = anyRegistration(ctx, input.applicationNumber);
    return lazyRegistrationDetail(ctx, transition(ctx, reg, '网报待确认', now, { reason: input.reason, tiersPassed: [] }));
  },
});

export const postRegistrationMessage = adminOperation({
  operationId: 'postRegistrationMessage',
  output: messageAnswer.extend({ applicationNumber: z.string() }),
  refuses: ['REGISTRATION_NOT_FOUND'],
  summary: 'Leave a message (留言) on an application, from the confirmation point or the institution',
  section: '§6',
  input: () => z.object({ applicationNumber: applicationNumber(), from: z.enum(['confirmation-point', 'institution']), text: requiredText(1000) }),
  run: ({ ctx, input, now }) => {
    const reg = anyRegistration(ctx, input.applicationNumber);
    const message = { at: now, from: input.from, text: input.text };
    ctx.state.registrations.set(reg.applicationNumber, { ...reg, messages: [...reg.messages, message] });
    return { applicationNumber: reg.applicationNumber, ...message, at: ctx.iso(now) };
  },
});
