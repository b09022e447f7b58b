/**
 * Provokers: for a step the machine asks and the outcome a path expects, put the stub in the
 * state that makes that outcome happen (admin operations, the applicant's own calls, the
 * clock) and choose the applicant's slip (Variant). The step itself is then performed as the
 * applicant does it, and what the stub answers is compared with what the path expects.
 */
import { addDays, localMidnight } from '../../rules';
import type { Variant } from '../../sim/applicant';
import { handAddedCertificate, profileForm, wizardSubmission } from '../../sim/applicant/inputs';
import { photos } from '../../sim/applicant/photos';
import { ROUTES } from '../../stub-server/http';
import { TOO_SLOW } from '../outcomes';
import { expectStatus, institution, registerNow, registryCertificate, RULES, setClock, signIn } from './fixtures';
import type { JourneyPath } from './model';
import { eventsAlong } from './paths';
import { CannotProvoke, application, call, captcha, confirm, decide, decideReview, exhaust, message, nextHoliday, offSeason, ok, own, registryPasses, revert, seasonWindow, seedIdentity, seedInstitution, today, yearOf, type Scene } from './scene';

const SLIPS: Record<string, Variant> = {
  CAPTCHA: { captchaMiss: true },
  INVALID: { typo: true },
  PHOTO_REFUSED: { photoFault: 'tooLarge' },
  CODE_REFUSED: { badCode: true },
  WRONG_CREDENTIALS: { wrongPassword: true },
};

/** A slip that gives one step's outcome: the name mistyped at step 1 of a reset, so no account matches. */
const STEP_SLIPS: Record<string, Record<string, Variant>> = {
  resetStart: { ACCOUNT_NOT_FOUND: { typo: true } },
};

type Provoker = (scene: Scene) => Promise<Variant | void>;

/** The preconditions of each (step, outcome), where the plain call does not already give it. */
const PROVOKERS: Record<string, Record<string, Provoker>> = {
  smsCode: {
    SMS_DAILY_QUOTA_EXCEEDED: (x) => exhaust('SMS quota', 'SMS_DAILY_QUOTA_EXCEEDED', async () => call(x, 'requestSmsCode', { phone: x.applicant.phone, purpose: 'change-phone', captchaToken: await captcha(x) })),
  },
  queryCode: {
    SMS_DAILY_QUOTA_EXCEEDED: (x) => exhaust('SMS quota', 'SMS_DAILY_QUOTA_EXCEEDED', async () => call(x, 'requestSmsCode', { phone: x.applicant.phone, purpose: 'change-phone', captchaToken: await captcha(x) })),
  },
  query: {
    ok: async (x) => { await ok(await x.stub.client.admin('seedCertificates', [registryCertificate(x.applicant)]), 'seedCertificates'); },
  },
  resetSms: {
    SMS_DAILY_QUOTA_EXCEEDED: (x) => exhaust('SMS quota', 'SMS_DAILY_QUOTA_EXCEEDED', async () => call(x, 'requestSmsCode', { phone: x.applicant.phone, purpose: 'change-phone', captchaToken: await captcha(x) })),
  },
  wechatCode: {
    WECHAT_DAILY_QUOTA_EXCEEDED: (x) => exhaust('WeChat quota', 'WECHAT_DAILY_QUOTA_EXCEEDED', async () => call(x, 'requestWechatCode', { idNumber: x.applicant.idNumber, purpose: 'register', captchaToken: await captcha(x) })),
  },
  registerForm: {
    // Someone (the applicant, earlier) registered this ID already: by WeChat, leaving the SMS code alone.
    ACCOUNT_EXISTS: async (x) => { await ok(await registerNow(x.stub.client, x.applicant, x.session), 'registerAccount'); },
  },
  signIn: {
    ok: async (x) => {
      if ((await own(x, 'getMe')).body.profileComplete !== true) await ok(await own(x, 'completeProfile', profileForm(x.applicant, {})), 'completeProfile');
      await registryPasses(x);
      await ok(await own(x, 'verifyRealName'), 'verifyRealName');
      x.session.token = undefined;
    },
    'ok-unverified': async (x) => {
      await ok(await own(x, 'completeProfile', profileForm(x.applicant, {})), 'completeProfile');
      x.session.token = undefined;
    },
    LOGIN_LOCKED: (x) => exhaust('login lock', 'LOGIN_LOCKED', async () => call(x, 'login', { idNumber: x.applicant.idNumber, password: `${x.session.password}x`, captchaToken: await captcha(x) })),
  },
  resetStart: {
    REGISTER_AGAIN: async (x) => {
      if (!x.accountBefore2019) throw new CannotProvoke('REGISTER_AGAIN needs an account from before 2019 (path setup)');
    },
  },
  verify: {
    passed: (x) => registryPasses(x),
    'failed:open-ctid': (x) => seedIdentity(x, { name: x.applicant.name, stale: true }),
    'failed:manual-review': (x) => seedIdentity(x, { name: `${x.applicant.name}某`, stale: false }),
    // Attempts with a name that does not match (a name change that fails) use up the day's quota.
    REAL_NAME_DAILY_QUOTA_EXCEEDED: (x) => exhaust('real-name quota', 'REAL_NAME_DAILY_QUOTA_EXCEEDED', () => own(x, 'verifyRealName', { name: '某某某' })),
    MANUAL_REVIEW_PENDING: async (x) => {
      await expectStatus(await own(x, 'verifyRealName', { name: '某某某' }), 'a failing verifyRealName', 200);
      await ok(await own(x, 'submitManualReview', { photo: photos().document }), 'submitManualReview');
    },
  },
  review: {
    MANUAL_REVIEW_PENDING: async (x) => { await ok(await own(x, 'submitManualReview', { photo: photos().document }), 'submitManualReview'); },
    MANUAL_REVIEW_CYCLE_QUOTA_EXCEEDED: (x) => exhaust('manual-review quota', 'MANUAL_REVIEW_CYCLE_QUOTA_EXCEEDED', async () => {
      const answer = await own(x, 'submitManualReview', { photo: photos().document });
      if (answer.status === 201) await decideReview(x, 'reject');
      return answer;
    }),
    ALREADY_VERIFIED: async (x) => {
      await registryPasses(x);
      await ok(await own(x, 'verifyRealName'), 'verifyRealName');
    },
  },
  reviewCheck: {
    approved: (x) => decideReview(x, 'approve'),
    rejected: (x) => decideReview(x, 'reject'),
  },
  window: {
    open: (x) => seedInstitution(x, seasonWindow(x)),
    upcoming: async (x) => {
      const from = addDays(today(x), 3);
      await seedInstitution(x, { from, to: `${yearOf(x)}-12-31` });
      x.waits.windowOpensAt = localMidnight(from, RULES.time.utcOffsetMinutes);
    },
    // The province's registration body takes part in another province, so none is found here.
    none: (x) => seedInstitution(x, seasonWindow(x), {}, x.applicant.province === '35' ? '44' : '35'),
    REGISTRATION_SEASON_CLOSED: (x) => setClock(x.stub, { now: offSeason(x) }),
  },
  certificate: {
    found: async (x) => { await ok(await x.stub.client.admin('seedCertificates', [registryCertificate(x.applicant)]), 'seedCertificates'); },
  },
  addCertificate: {
    CERTIFICATE_EXISTS: async (x) => { await ok(await own(x, 'addCertificate', handAddedCertificate(x.applicant, photos().document, {})), 'addCertificate'); },
    CERTIFICATE_SYNCED_NOT_ADDABLE: async (x) => { await ok(await x.stub.client.admin('seedCertificates', [registryCertificate(x.applicant)]), 'seedCertificates'); },
  },
  school: {
    found: async (x) => {
      x.session.schoolName ??= `${x.applicant.city}师范学院`;
      await ok(await own(x, 'addSchool', { name: x.session.schoolName, type: '普通高等学校', province: x.applicant.province }), 'addSchool');
    },
  },
  addSchool: {
    SCHOOL_EXISTS: async (x) => { await ok(await own(x, 'addSchool', { name: x.session.schoolName, type: '普通高等学校', province: x.applicant.province }), 'addSchool'); },
  },
  institution: {
    none: (x) => seedInstitution(x, seasonWindow(x), { qualificationTypes: ['高级中学教师资格'], stages: ['高中'] }),
  },
  disagree: {
    PORTAL_CLOSED_HOLIDAY: (x) => setClock(x.stub, { now: nextHoliday(x) }),
  },
  submit: {
    DUPLICATE_APPLICATION: async (x) => { await ok(await own(x, 'submitRegistration', wizardSubmission(x.applicant, x.session, {}, 'agree')), 'submitRegistration'); },
    REGISTRATION_WINDOW_CLOSED: async (x) => {
      const from = addDays(today(x), 1);
      if (from.slice(0, 4) !== yearOf(x)) throw new CannotProvoke('no day left in the season for an upcoming window');
      await seedInstitution(x, { from, to: `${yearOf(x)}-12-31` });
    },
    REGISTRATION_SEASON_CLOSED: (x) => setClock(x.stub, { now: offSeason(x) }),
    PORTAL_CLOSED_HOLIDAY: (x) => setClock(x.stub, { now: nextHoliday(x) }),
  },
  form: {
    // A new photo on the application restarts the hour before the form can be printed.
    FORM_NOT_YET_AVAILABLE: async (x) => {
      const photo = await ok(await own(x, 'uploadPhoto', { photo: photos().personal }), 'uploadPhoto');
      await ok(await own(x, 'updateRegistration', { applicationNumber: application(x), photoId: photo.body.photoId }), 'updateRegistration');
    },
  },
  status: {
    message: (x) => message(x),
    待注册审批: (x) => confirm(x, 'pass'),
    确认未通过: (x) => confirm(x, 'fail'),
    注册合格: async (x) => { await confirm(x, 'pass'); await decide(x, '注册合格'); },
    暂缓注册: async (x) => { await confirm(x, 'pass'); await decide(x, '暂缓注册'); },
    注册不合格: async (x) => { await confirm(x, 'pass'); await decide(x, '注册不合格'); },
  },
  modify: {
    NOT_PENDING_CONFIRMATION: (x) => confirm(x, 'pass'),
    PORTAL_CLOSED_HOLIDAY: (x) => setClock(x.stub, { now: nextHoliday(x) }),
  },
  approvalStatus: {
    注册合格: (x) => decide(x, '注册合格'),
    暂缓注册: (x) => decide(x, '暂缓注册'),
    注册不合格: (x) => decide(x, '注册不合格'),
    网报待确认: (x) => revert(x),
    message: async (x) => { await revert(x); await message(x); },
    确认未通过: async (x) => { await revert(x); await confirm(x, 'fail'); },
  },
};

/**
 * Steps whose outcome the stub can never give, with the reason: paths needing them are
 * excluded (the coverage report still counts the transition as reachable in the machine).
 */
export const INFEASIBLE: Record<string, Record<string, string>> = {
  ctid: {
    CTID_RESIDENT_ID_ONLY: 'the machine reaches ctid only after failed:open-ctid, which the stub answers to resident-ID holders only (real-name/registry.ts); for them openCtid succeeds',
  },
};

/** A path that expects an answer the stub cannot give (INFEASIBLE): left out of the paths run. */
export const infeasible = (path: JourneyPath) =>
  eventsAlong(path).some(({ event, step }) => event.type === 'ANSWER' && step !== undefined && INFEASIBLE[step]?.[event.outcome] !== undefined);

/**
 * A portal outage for the next minute of the stub's clock (setFaults, every public and
 * applicant operation): the step's first call answers 503; the applicant's retry, ten minutes
 * later, finds the portal back. Both transports inject it (InProcessClient as HTTP's front door).
 */
async function outage(scene: Scene): Promise<void> {
  if (!ROUTES.some((r) => r.operationId === 'setFaults')) throw new CannotProvoke('this stub has no fault injection (setFaults)');
  const from = scene.stub.now();
  const window = { from: new Date(from).toISOString(), to: new Date(from + 60_000).toISOString() };
  await ok(await scene.stub.client.admin('setFaults', { operations: { '*': { outage: window } } }), 'setFaults');
}

/**
 * Every call slower than the model personas wait for a page (`answerSeconds`), through the
 * stub's latency fault: the portal answers, too late for the applicant (TOO_SLOW).
 */
async function slowness(scene: Scene): Promise<void> {
  if (!ROUTES.some((r) => r.operationId === 'setFaults')) throw new CannotProvoke('this stub has no fault injection (setFaults)');
  await ok(await scene.stub.client.admin('setFaults', { operations: { '*': { latency: SLOW_ANSWER_MS } } }), 'setFaults');
}

/** Longer than the model personas' patience for a page (machines/test/model.ts). */
export const SLOW_ANSWER_MS = 1500;

/**
 * Prepares the stub for `outcome` of `step` and says how the applicant slips, if at all.
 * UNAVAILABLE is an outage injected through setFaults, TOO_SLOW a latency.
 */
export async function provoke(scene: Scene, step: string, outcome: string): Promise<Variant> {
  const reason = INFEASIBLE[step]?.[outcome];
  if (reason) throw new CannotProvoke(`${step} → ${outcome} cannot happen: ${reason}`);
  if (outcome === 'UNAVAILABLE') {
    await outage(scene);
    return {};
  }
  if (outcome === TOO_SLOW) {
    await slowness(scene);
    return {};
  }
  const provoker = PROVOKERS[step]?.[outcome];
  const variant = (await provoker?.(scene)) ?? {};
  return { ...(STEP_SLIPS[step]?.[outcome] ?? SLIPS[outcome] ?? {}), ...variant };
}

/** Whether anything prepares `outcome` of `step` beyond the plain call (for failure messages). */
export const prepared = (step: string, outcome: string): boolean =>
  outcome === 'UNAVAILABLE' || outcome === TOO_SLOW || PROVOKERS[step]?.[outcome] !== undefined || STEP_SLIPS[step]?.[outcome] !== undefined || SLIPS[outcome] !== undefined;
