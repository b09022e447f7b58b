/**
 * Plays a whole journey for one applicant against a stub: the journey machine with a test
 * driver whose every choice (the applicant's slips, the pages' buttons, the back office's
 * decisions) comes from a seeded sequence, and whose clock moves by exactly each wait. The
 * same seed and applicant give the same choices whatever the transport, as long as the portal
 * answers alike: what the journey did is returned as a trace to compare.
 */
import type { AnyMachineSnapshot } from 'xstate';
import { journeyMachine, type Persona } from '../../../machines';
import {
  accountFromEarlierYear, expectStatus, institution, makeApplicant, newSession, registryCertificate, setClock, signIn, START, type Stub,
} from '../../../machines/test/fixtures';
import { drive } from '../../../machines/test/runner';
import { addDays } from '../../../rules';
import { perform, type ApplicantRecord, type ApplicantSession, type Variant } from '..';

/** A small seeded generator (mulberry32): the same seed, the same sequence. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(rng: () => number, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

/** What the world holds of an applicant before the journey, drawn once per applicant. */
export interface Cast {
  applicant: ApplicantRecord;
  /** The province's online window: open now, or opening in a few days. */
  windowOpensIn: number;
  /** The registry holds another name for them (the real-name check fails: manual review). */
  registryNameDiffers: boolean;
  /** An account from earlier years is already verified. */
  verifiedAccount: boolean;
  seed: number;
}

/** `count` applicants with varied personas, from one seed. */
export function cast(count: number, seed: number): Cast[] {
  const rng = seeded(seed);
  return Array.from({ length: count }, (_, i) => {
    const hasAccount = rng() < 0.4;
    const persona: Persona = {
      hasAccount,
      accountBefore2019: hasAccount && rng() < 0.25,
      forgotPassword: hasAccount && rng() < 0.5,
      resetMethod: pick(rng, ['email', 'sms', 'wechat'] as const),
      wechatBound: rng() < 0.5,
      codeChannel: rng() < 0.3 ? 'wechat' : 'sms',
      typoRate: 0.15, wrongPasswordRate: 0.1, captchaMissRate: 0.1, photoCompliance: 0.85, photoFaults: { tooLarge: 1, tooSmall: 1, tooWide: 1, tooNarrow: 1, tooTall: 1, notJpeg: 1 }, leaveWizardRate: 0.08, disagreeRate: 0.04,
      patience: { retries: 2, waitDays: 2, reviewChecks: 2, statusChecks: 3, answerSeconds: 30, pressAgain: 1 },
      thinkTimeSeconds: { kind: 'constant', value: 5 },
      minThinkSeconds: 1,
      checkEveryDays: 2 + Math.floor(rng() * 3),
      comeBackAfterMinutes: 10,
      pressAgainSeconds: 3,
      preferredHours: [10],
      staleRecord: rng() < 0.2,
      handAddedCertificate: rng() < 0.15,
    };
    const idType = rng() < 0.15 ? 'hk-macau-permit' : 'resident-id';
    return {
      applicant: makeApplicant(i + 1, persona, { idType, province: rng() < 0.5 ? '35' : '44' }),
      windowOpensIn: rng() < 0.2 ? 2 : 0,
      registryNameDiffers: rng() < 0.15,
      verifiedAccount: rng() < 0.5,
      seed: Math.floor(rng() * 2 ** 31),
    };
  });
}

export interface Trace {
  /** Every step with its outcome, every page with the button, every wait, every back-office act. */
  steps: string[];
  /** Where the journey ended, and why if it was given up. */
  final: { value: unknown; abandoned: unknown; tries: unknown; milestones: string[] };
  /** The portal's own account of what it holds and refused (getStats). */
  stats: unknown;
}

/** Puts in the portal what it knew of the applicant before the journey: window, certificate, records, account. */
async function setUp(stub: Stub, c: Cast, session: ApplicantSession): Promise<void> {
  const a = c.applicant;
  const today = START.slice(0, 10);
  const from = addDays(today, c.windowOpensIn);
  await expectStatus(await stub.client.admin('seedInstitutions', [institution(a.province, { from: c.windowOpensIn ? from : '2026-07-01', to: '2026-12-31' })]), 'seedInstitutions', 200);
  if (!a.persona.handAddedCertificate) await expectStatus(await stub.client.admin('seedCertificates', [registryCertificate(a)]), 'seedCertificates', 200);
  if (a.staleRecord || c.registryNameDiffers) {
    await expectStatus(await stub.client.admin('seedIdentities', [{ idNumber: a.idNumber, name: c.registryNameDiffers ? `${a.name}某` : a.name, stale: a.staleRecord }]), 'seedIdentities', 200);
  }
  if (!a.persona.hasAccount) return;
  await accountFromEarlierYear(stub, a, session, {
    at: a.persona.accountBefore2019 ? '2018-06-01T10:00:00+08:00' : '2025-09-15T10:00:00+08:00',
    bindWechat: a.persona.wechatBound,
  });
  if (c.verifiedAccount && !c.registryNameDiffers && !a.staleRecord) {
    const token = await signIn(stub.client, a, session);
    const profile = { ethnicity: a.ethnicity, ...(a.idType === 'resident-id' ? {} : { gender: a.gender, birthDate: a.birthDate, localIdNumber: a.localIdNumber }) };
    await expectStatus(await stub.client.call('completeProfile', profile, { token, address: session.address }), 'completeProfile', 200);
    await expectStatus(await stub.client.call('verifyRealName', {}, { token, address: session.address }), 'verifyRealName', 200);
    session.token = undefined;
  }
}

/** The applicant's slips on this attempt, drawn from the persona (a forgotten password is always wrong). */
const FAULTS = ['tooLarge', 'tooSmall', 'tooWide', 'tooNarrow', 'tooTall', 'notJpeg'] as const;

function slips(rng: () => number, p: Persona, step: string, forgotPassword: boolean): Variant {
  const roll = (chance: number) => rng() < chance;
  return {
    typo: roll(p.typoRate),
    wrongPassword: roll(p.wrongPasswordRate) || (step === 'signIn' && forgotPassword),
    captchaMiss: roll(p.captchaMissRate),
    photoFault: roll(1 - p.photoCompliance) ? FAULTS[Math.floor(rng() * FAULTS.length)] : undefined,
    badCode: roll(0.05),
  };
}

/** The back office at work while the applicant waits: reviews decided, applications confirmed and approved. */
async function backOffice(stub: Stub, rng: () => number, waiting: string, state: { reviews: string[]; decided: Set<string>; application?: string; conclusion?: string }): Promise<string | undefined> {
  const admin = async (op: string, input: Record<string, unknown>) => expectStatus(await stub.client.admin(op, input), op, 200, 201);
  const roll = rng();
  if (waiting === 'reviewWaiting') {
    const reviewId = state.reviews.at(-1);
    if (!reviewId || state.decided.has(reviewId) || roll < 0.15) return undefined;
    const decision = roll < 0.65 ? 'approve' : 'reject';
    await admin('decideManualReview', { reviewId, decision, ...(decision === 'reject' ? { reason: '照片不清晰' } : {}) });
    state.decided.add(reviewId);
    return `review ${decision}`;
  }
  const applicationNumber = state.application;
  if (!applicationNumber) return undefined;
  if (waiting === 'awaitConfirmation' && state.conclusion === '网报待确认') {
    if (roll < 0.45) { await admin('confirmOnSite', { applicationNumber, result: 'pass' }); state.conclusion = '待注册审批'; return 'confirmed'; }
    if (roll < 0.55) { await admin('confirmOnSite', { applicationNumber, result: 'fail', reason: '材料不全' }); state.conclusion = '确认未通过'; return 'not confirmed'; }
    if (roll < 0.75) { await admin('postRegistrationMessage', { applicationNumber, from: 'confirmation-point', text: '请上传白底照片' }); return 'message'; }
    return undefined;
  }
  if (waiting === 'awaitApproval' && state.conclusion === '待注册审批') {
    const conclusion = roll < 0.5 ? '注册合格' : roll < 0.6 ? '暂缓注册' : roll < 0.7 ? '注册不合格' : undefined;
    if (conclusion) { await admin('decideRegistration', { applicationNumber, conclusion }); state.conclusion = conclusion; return conclusion; }
    if (roll < 0.8) { await admin('revertToPending', { applicationNumber, reason: '请修改' }); state.conclusion = '网报待确认'; return 'reverted'; }
  }
  return undefined;
}

const waitingIn = (snapshot: AnyMachineSnapshot) => (snapshot._nodes as { type: string; key: string }[]).filter((n) => n.type === 'atomic').map((n) => n.key)[0] ?? '';

/** Plays the applicant's whole journey against `stub`; at most `maxMoves` moves. */
export async function play(stub: Stub, c: Cast, maxMoves = 400): Promise<Trace> {
  const a = c.applicant;
  const session = newSession(a);
  await setUp(stub, c, session);
  const rng = seeded(c.seed);
  const waits = { windowOpensAt: Date.parse(`${addDays(START.slice(0, 10), c.windowOpensIn)}T00:00:00+08:00`) };
  const office = { reviews: [] as string[], decided: new Set<string>(), application: undefined as string | undefined, conclusion: undefined as string | undefined };
  const driven = drive(journeyMachine, a.persona, stub, waits);
  const steps: string[] = [];
  for (let move = 0; move < maxMoves && driven.actor.getSnapshot().status === 'active'; move += 1) {
    const snapshot = driven.actor.getSnapshot() as AnyMachineSnapshot;
    const request = driven.takeRequest();
    if (request) {
      const variant = slips(rng, a.persona, request.step, snapshot.context.forgotPassword);
      const { outcome, calls } = await perform(stub.client, a, session, request.step, request.op, variant);
      for (const { op, answer } of calls) {
        if (op === 'submitManualReview' && answer.status === 201) office.reviews.push(answer.body.reviewId);
        if (op === 'submitRegistration' && answer.status === 201) { office.application = answer.body.applicationNumber; office.conclusion = '网报待确认'; }
      }
      steps.push(`${request.step}: ${outcome}`);
      driven.actor.send({ type: 'ANSWER', outcome });
      continue;
    }
    const page = driven.takeView();
    if (page) {
      const roll = rng();
      const event = roll < a.persona.leaveWizardRate ? 'LEAVE' : page === 'confirm' && roll < a.persona.leaveWizardRate + a.persona.disagreeRate ? 'DISAGREE' : 'NEXT';
      steps.push(`${page}: ${event}`);
      driven.actor.send({ type: event });
      continue;
    }
    const timer = driven.clock.only();
    const waiting = waitingIn(snapshot);
    const act = await backOffice(stub, rng, waiting, office);
    await setClock(stub, { advanceMs: timer.ms });
    steps.push(`${waiting}: waited ${timer.ms / 60_000} min${act ? `, back office: ${act}` : ''}`);
    driven.clock.fire(timer);
  }
  const end = driven.actor.getSnapshot() as AnyMachineSnapshot;
  driven.actor.stop();
  const stats = (await stub.client.admin('getStats')).body;
  return {
    steps,
    final: { value: end.value, abandoned: end.context.abandoned, tries: end.context.tries, milestones: driven.milestones },
    stats,
  };
}
