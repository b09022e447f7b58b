import { classify, type Outcome } from '../../machines';
import type { CallOptions, PortalAnswer, StepCalls } from '../clients';
import { andThen, Later, withFields, type MaybeLater } from '../../stub-server/portal';
import { handAddedCertificate, identify, nextPassword, profileForm, registrationForm, weakPassword, wizardSubmission } from './inputs';
import { documentOf, personalPhotoOf } from './photos';
import type { ApplicantRecord, ApplicantSession, Variant } from './record';

/** One portal call made while performing a step (for latency and refusal metrics). */
export interface Call { op: string; answer: PortalAnswer }
export interface Performance { outcome: Outcome; calls: Call[] }

/**
 * A portal call a step asks for; the step goes on with its answer (see `drive`). An applicant's
 * call carries its session's token and address: the request is the call's options too.
 */
interface Request extends CallOptions { op: string; input: unknown; admin?: true }
/** A step's work: the calls it asks for, one at a time, and the answer it ends with. */
type Doing<T> = Generator<Request, T, PortalAnswer>;

/**
 * Everything a step needs: who the applicant is, what they hold, how they slip. Its methods
 * are generators that yield each portal call: the same step then runs synchronously against
 * the in-process portal and asynchronously over HTTP (`drive`).
 */
class Act {
  readonly calls: Call[] = [];
  constructor(readonly a: ApplicantRecord, readonly s: ApplicantSession, readonly v: Variant) {}

  *call(op: string, input: unknown = {}): Doing<PortalAnswer> {
    const answer = yield this.send(op, input);
    // A session lives two hours; after a wait of days the applicant signs in again first.
    if (answer.status === 401 && this.s.token && op !== 'login' && (yield* this.signInAgain())) return yield this.send(op, input);
    return answer;
  }

  /** An applicant's call, recorded with its answer by `drive`. */
  private send(op: string, input: unknown): Request {
    return { op, input, token: this.s.token, address: this.s.address };
  }

  /** Signs in again with the current password (no slips: the step's variant is for the step). */
  private *signInAgain(): Doing<boolean> {
    const challenge = yield this.send('getCaptcha', {});
    if (challenge.status !== 200) return false;
    const solved = yield this.send('solveCaptcha', { id: challenge.body.id, x: challenge.body.targetX });
    if (solved.status !== 200) return false;
    const login = yield this.send('login', { idNumber: this.a.idNumber, password: this.s.password, captchaToken: solved.body.captchaToken });
    if (login.status !== 201) return false;
    this.s.token = login.body.token;
    return true;
  }

  /** Solves the slider (or misses it); a refusal answer stops the step there. */
  *captcha(): Doing<string | PortalAnswer> {
    const challenge = yield* this.call('getCaptcha');
    if (challenge.status !== 200) return challenge;
    const x = challenge.body.targetX + (this.v.captchaMiss ? challenge.body.pieceWidthPx : 0);
    const solved = yield* this.call('solveCaptcha', { id: challenge.body.id, x });
    return solved.status === 200 ? solved.body.captchaToken as string : solved;
  }

  /** The newest code sent to `recipient` (read where the phone or WeChat would show it). */
  *code(recipient: string): Doing<string> {
    const code = String((yield* this.messages(recipient)).find((m) => m.code)?.code ?? '000000');
    return this.v.badCode ? code.slice(0, -1) + String((Number(code.at(-1)) + 1) % 10) : code;
  }

  /**
   * The newest messages to `recipient`. An outbox that did not answer (an overloaded server) is
   * a message that never came: the applicant then types what they have, and the portal refuses it.
   */
  private *messages(recipient: string, idNumber?: string): Doing<{ code?: string; link?: string }[]> {
    const outbox = yield { op: 'readOutbox', input: { recipient, ...(idNumber ? { idNumber } : {}), limit: 5 }, admin: true };
    return outbox.status === 200 && Array.isArray(outbox.body) ? outbox.body : [];
  }

  /** The link of the newest reset email for this account: the mailbox may be another applicant's too, and the sim's applicants each read only their own mail. */
  *resetLinkToken(): Doing<string> {
    const link = (yield* this.messages(this.a.email, this.a.idNumber)).find((m) => m.link)?.link ?? '';
    return new URL(link, 'http://portal').searchParams.get('token') ?? '';
  }

  /** Calls an operation that needs a captcha token. */
  *withCaptcha(op: string, input: Record<string, unknown>): Doing<PortalAnswer> {
    const token = yield* this.captcha();
    return typeof token === 'string' ? yield* this.call(op, withFields(input, { captchaToken: token })) : token;
  }
}

type StepPerformer = (act: Act) => Doing<PortalAnswer>;


/** How each step of the journey (machines/journey) is done at the portal. */
const STEPS: Record<string, StepPerformer> = {
  smsCode: (x) => x.withCaptcha('requestSmsCode', { phone: x.a.phone, purpose: 'register' }),
  wechatCode: (x) => x.withCaptcha('requestWechatCode', { idNumber: x.a.idNumber, purpose: 'register' }),
  registerForm: function* (x) {
    const recipient = x.a.persona.codeChannel === 'sms' ? x.a.phone : x.a.idNumber;
    return yield* x.withCaptcha('registerAccount', withFields(registrationForm(x.a, x.v), { code: yield* x.code(recipient) }));
  },
  signIn: function* (x) {
    const answer = yield* x.withCaptcha('login', { idNumber: x.a.idNumber, password: x.v.wrongPassword ? `${x.s.password}x` : x.s.password });
    if (answer.status === 201) x.s.token = answer.body.token;
    return answer;
  },
  resetStart: (x) => x.withCaptcha('startPasswordReset', identify(x.a, x.v)),
  // Step 2 of a reset carries the identity step 1 accepted: nothing to mistype.
  resetEmail: (x) => x.withCaptcha('sendResetEmail', identify(x.a, {})),
  // On the reset forms the applicant is already identified (step 1); a slip there is a new
  // password that breaks the rule, refused as a form error (INVALID), as the machine expects.
  resetEmailLink: function* (x) { return newPassword(x, yield* x.call('resetPasswordWithEmailToken', { token: x.v.badCode ? 'expired' : yield* x.resetLinkToken(), newPassword: newPasswordFor(x) })); },
  resetSms: (x) => x.withCaptcha('requestSmsCode', { purpose: 'reset', ...identify(x.a, {}) }),
  resetSmsForm: function* (x) { return newPassword(x, yield* x.call('resetPasswordWithSms', withFields(identify(x.a, {}), { code: yield* x.code(x.a.phone), newPassword: newPasswordFor(x) }))); },
  resetWechat: (x) => x.withCaptcha('requestWechatCode', { purpose: 'reset', ...identify(x.a, {}) }),
  resetWechatForm: function* (x) { return newPassword(x, yield* x.call('resetPasswordWithWechat', withFields(identify(x.a, {}), { code: yield* x.code(x.a.idNumber), newPassword: newPasswordFor(x) }))); },
  profile: function* (x) {
    const answer = yield* x.call('completeProfile', profileForm(x.a, x.v));
    // Binding WeChat is suggested at first login; personas who did it can reset by WeChat later.
    if (answer.status === 200 && x.a.persona.wechatBound) yield* x.call('bindWechat');
    return answer;
  },
  verify: (x) => x.call('verifyRealName'),
  ctid: (x) => x.call('openCtid'),
  review: (x) => x.call('submitManualReview', { photo: documentOf(x.v.photoFault) }),
  reviewCheck: (x) => x.call('getManualReview'),
  notice: (x) => x.call('getRegistrationNotice'),
  window: (x) => x.call('searchRegistrationWindows', { province: x.a.province }),
  certificate: (x) => x.call('listMyCertificates'),
  addCertificate: (x) => x.call('addCertificate', handAddedCertificate(x.a, documentOf(x.v.photoFault), x.v)),
  school: function* (x) {
    x.s.schoolName ??= `${x.a.city}师范学院`;
    const answer = yield* x.call('searchSchools', { q: x.s.schoolName });
    if (answer.status === 200 && answer.body.length > 0) x.s.schoolId = answer.body[0].id;
    return answer;
  },
  addSchool: function* (x) {
    const answer = yield* x.call('addSchool', { name: x.v.typo ? '' : x.s.schoolName, type: '普通高等学校', province: x.a.province });
    x.s.schoolId = answer.status === 201 ? answer.body.id : answer.body.existingId ?? x.s.schoolId;
    return answer;
  },
  photo: function* (x) {
    const answer = yield* x.call('uploadPhoto', { photo: personalPhotoOf(x.v.photoFault) });
    if (answer.status === 201) x.s.photoId = answer.body.photoId;
    return answer;
  },
  institution: function* (x) {
    const { qualificationType, subject } = x.a.certificate;
    const answer = yield* x.call('searchInstitutions', { province: x.a.province, qualificationType });
    if (answer.status !== 200) return answer;
    const { stage } = x.a;
    for (const i of answer.body as { id: string; stages: string[]; confirmationPoints: { id: string; scope: { stages: string[] } }[] }[]) {
      const point = i.stages.includes(stage) ? i.confirmationPoints.find((p) => p.scope.stages.includes(stage)) : undefined;
      if (point) {
        x.s.choice = { institutionId: i.id, confirmationPointId: point.id, stage, subject };
        return answer;
      }
    }
    return { status: 200, body: [] };
  },
  disagree: (x) => x.call('submitRegistration', wizardSubmission(x.a, x.s, x.v, 'disagree')),
  submit: function* (x) {
    const answer = yield* x.call('submitRegistration', wizardSubmission(x.a, x.s, x.v, 'agree'));
    if (answer.status === 201) x.s.applicationNumber = answer.body.applicationNumber;
    if (answer.body?.code === 'DUPLICATE_APPLICATION') x.s.applicationNumber = answer.body.applicationNumber;
    return answer;
  },
  form: (x) => x.call('getApplicationForm', { applicationNumber: x.s.applicationNumber }),
  status: (x) => x.call('getRegistration', { applicationNumber: x.s.applicationNumber }),
  approvalStatus: (x) => x.call('getRegistration', { applicationNumber: x.s.applicationNumber }),
  messages: (x) => x.call('listRegistrationMessages', { applicationNumber: x.s.applicationNumber }),
  modify: function* (x) {
    // Asked to fix something, the applicant retakes the photo and corrects the address.
    const photo = yield* x.call('uploadPhoto', { photo: personalPhotoOf(x.v.photoFault) });
    if (photo.status !== 201) return photo;
    x.s.photoId = photo.body.photoId;
    return yield* x.call('updateRegistration', { applicationNumber: x.s.applicationNumber, photoId: x.s.photoId, address: x.v.typo ? '' : `${x.a.city}人民路2号` });
  },
  queryCode: (x) => x.withCaptcha('requestSmsCode', { phone: x.a.phone, purpose: 'certificate-query' }),
  query: function* (x) { return yield* x.withCaptcha('queryCertificate', {
    name: x.a.name, idNumber: x.a.idNumber, certificateNumber: x.v.typo ? x.a.certificate.number.slice(1) : x.a.certificate.number,
    phone: x.a.phone, code: yield* x.code(x.a.phone),
  }); },
};

const newPasswordFor = (x: Act) => (x.v.typo ? weakPassword(x.s.password) : nextPassword(x.s.password));

function newPassword(x: Act, answer: PortalAnswer): PortalAnswer {
  if (answer.status === 200) x.s.password = nextPassword(x.s.password);
  return answer;
}

/**
 * Does one step of the journey at the portal, as the applicant would (captcha, codes from
 * the phone or mailbox, forms with the variant's slips), and says what came of it.
 */
export function perform(client: StepCalls, applicant: ApplicantRecord, session: ApplicantSession, step: string, op: string, variant: Variant = {}): MaybeLater<Performance> {
  const run = STEPS[step];
  if (!run) throw new Error(`no performer for step ${step}`);
  const act = new Act(applicant, session, variant);
  return andThen<PortalAnswer, Performance>(drive(client, act, run(act)), (answer) => {
    // A refusal on the way (captcha, photo upload) is the step's outcome; classify it by its own call.
    const last = act.calls.at(-1);
    return { outcome: classify(last && last.answer === answer ? last.op : op, answer), calls: act.calls };
  });
}

/**
 * Makes a step's calls in order, each with the previous one's answer: synchronously while the
 * client answers at once (in process), going on when each answer comes otherwise (HTTP).
 */
function drive<T>(client: StepCalls, act: Act, doing: Doing<T>, next = doing.next()): MaybeLater<T> {
  while (!next.done) {
    const request = next.value;
    const answer = request.admin ? client.admin(request.op, request.input) : client.call(request.op, request.input, request);
    if (answer instanceof Promise || answer instanceof Later) return andThen(answer, (a) => drive(client, act, doing, doing.next(record(act, request, a))));
    next = doing.next(record(act, request, answer));
  }
  return next.value;
}

/** An applicant's call goes in the step's calls (for latency and refusals); a look at the outbox does not. */
function record(act: Act, request: Request, answer: PortalAnswer): PortalAnswer {
  if (!request.admin) act.calls.push({ op: request.op, answer });
  return answer;
}
