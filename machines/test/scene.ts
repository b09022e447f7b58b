/**
 * A path's world (Scene) and what provokers do in it: the applicant's own calls, the back
 * office's, the registry's and the institutions' seeds, the dates that matter.
 */
import { RULES, beijingDate, expectStatus, institution, signIn, type Stub } from './fixtures';
import type { ApplicantRecord, ApplicantSession } from '../../sim/applicant';
import type { PortalAnswer } from '../../sim/clients';
import type { WaitContext } from './runner';

/** What a path's world holds besides the stub: its applicant and what the test seeded. */
export interface Scene {
  stub: Stub;
  applicant: ApplicantRecord;
  session: ApplicantSession;
  waits: WaitContext;
  /** The public-security entry the test seeded, if any. */
  identity?: { name: string; stale: boolean };
  /** The applicant's account dates from before 2019-03-01 (path setup). */
  accountBefore2019?: boolean;
}

/** Raised when an outcome cannot be provoked: the path fails (what the stub can never give is in INFEASIBLE, left out of the paths). */
export class CannotProvoke extends Error {}

export const ok = (answer: PortalAnswer, what: string) => expectStatus(answer, what, 200, 201);

/** Calls an applicant operation with the session, signing in again first when it has expired. */
export async function own(scene: Scene, op: string, input: unknown = {}): Promise<PortalAnswer> {
  const { stub, applicant: a, session: s } = scene;
  if (!s.token) await signIn(stub.client, a, s);
  let answer = await stub.client.call(op, input, { token: s.token, address: s.address });
  if (answer.status === 401) {
    await signIn(stub.client, a, s);
    answer = await stub.client.call(op, input, { token: s.token, address: s.address });
  }
  return answer;
}

/** Calls a public operation from the applicant's address. */
export const call = async (scene: Scene, op: string, input: unknown = {}) => scene.stub.client.call(op, input, { address: scene.session.address });

export async function captcha(scene: Scene): Promise<string> {
  const challenge = await call(scene, 'getCaptcha');
  return (await call(scene, 'solveCaptcha', { id: challenge.body.id, x: challenge.body.targetX })).body.captchaToken;
}

/** Calls until the answer is a 429 with `code` (a daily or cycle quota spent); at most `max` calls. */
export async function exhaust(what: string, code: string, attempt: () => Promise<PortalAnswer>, max = 20): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    const answer = await attempt();
    if (answer.status === 429 && answer.body.code === code) return;
  }
  throw new CannotProvoke(`${what}: no ${code} after ${max} calls`);
}

export async function seedIdentity(scene: Scene, identity: { name: string; stale: boolean }): Promise<void> {
  await ok(await scene.stub.client.admin('seedIdentities', [{ idNumber: scene.applicant.idNumber, ...identity }]), 'seedIdentities');
  scene.identity = identity;
}

/** The registry answers the applicant's own name, current (resets a CTID opened: a fresh record). */
export async function registryPasses(scene: Scene): Promise<void> {
  if (scene.identity && (scene.identity.stale || scene.identity.name !== scene.applicant.name)) await seedIdentity(scene, { name: scene.applicant.name, stale: false });
}

export const today = (scene: Scene) => beijingDate(scene.stub.now());
export const yearOf = (scene: Scene) => today(scene).slice(0, 4);

export async function seedInstitution(scene: Scene, window: { from: string; to: string }, over: Parameters<typeof institution>[2] = {}, province = scene.applicant.province) {
  const body = { ...institution(scene.applicant.province, window, over), province };
  await ok(await scene.stub.client.admin('seedInstitutions', [body]), 'seedInstitutions');
}

/** The whole season: open today (journeys run in the open months). */
export const seasonWindow = (scene: Scene) => ({ from: `${yearOf(scene)}-07-01`, to: `${yearOf(scene)}-12-31` });

async function latestPendingReview(scene: Scene): Promise<string> {
  const review = await own(scene, 'getManualReview');
  if (review.status !== 200 || review.body.status !== 'pending') throw new CannotProvoke(`no pending manual review to decide (${review.status} ${review.body.status ?? review.body.code})`);
  return review.body.reviewId;
}

export async function decideReview(scene: Scene, decision: 'approve' | 'reject'): Promise<void> {
  const reviewId = await latestPendingReview(scene);
  await ok(await scene.stub.client.admin('decideManualReview', { reviewId, decision, ...(decision === 'reject' ? { reason: '照片不清晰' } : {}) }), 'decideManualReview');
}

export const application = (scene: Scene) => {
  if (!scene.session.applicationNumber) throw new CannotProvoke('no application number yet');
  return scene.session.applicationNumber;
};

async function admin(scene: Scene, op: string, input: Record<string, unknown>): Promise<void> {
  await ok(await scene.stub.client.admin(op, { applicationNumber: application(scene), ...input }), op);
}
export const confirm = (scene: Scene, result: 'pass' | 'fail') => admin(scene, 'confirmOnSite', { result, ...(result === 'fail' ? { reason: '材料不全' } : {}) });
export const decide = (scene: Scene, conclusion: string) => admin(scene, 'decideRegistration', { conclusion });
export const revert = (scene: Scene) => admin(scene, 'revertToPending', { reason: '请修改照片' });
export const message = (scene: Scene) => admin(scene, 'postRegistrationMessage', { from: 'confirmation-point', text: '请上传白底照片' });

/** The next statutory holiday from today on, at 10:00 (the portal is closed on it). */
export function nextHoliday(scene: Scene): string {
  const date = today(scene);
  const days = Object.values(RULES.calendar.holidays).flatMap((y) => y.daysOff.map((d) => d.from)).filter((d) => d >= date).sort();
  if (!days[0]) throw new CannotProvoke(`no statutory holiday after ${date} in the calendar`);
  return `${days[0]}T10:00:00+08:00`;
}

/** A moment in the first half of next year: no registration season. */
export const offSeason = (scene: Scene) => `${Number(yearOf(scene)) + 1}-03-10T10:00:00+08:00`;

