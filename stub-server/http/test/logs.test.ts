/**
 * No personal data in logs, and codes and reset links only in the outbox: a full journey (with
 * internal errors induced on purpose) through a server whose `log` lines and console output are
 * captured; none holds an ID number, phone, name, email, code or token, and no answer but
 * readOutbox holds a code or a reset link.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resolveRules } from '../../../rules';
import { startServer, type RunningServer } from '..';
import { cryptoRandom, SettableClock, type PortalRandom } from '../../portal';
import { createMemoryStore, type Store } from '../../store';
import { ADMIN, FAST_HASH, nextApplicant, PortalClient, watchServer, type Answer } from '../../../test/harness';
import { makeJpeg, toBase64 } from '../../../test/jpeg-fixtures';
import { application, INSTITUTION, photo } from '../../../test/registration-fixtures';

/** A client that keeps every answer, to look for codes and links in them afterwards. */
class RecordingClient extends PortalClient {
  readonly answers: { operationId: string; text: string }[] = [];
  override async call<T = any>(operationId: string, input: unknown = {}, token?: string): Promise<Answer<T>> {
    const answer = await super.call<T>(operationId, input, token);
    const body = Buffer.isBuffer(answer.body) ? answer.body.toString('latin1') : JSON.stringify(answer.body);
    this.answers.push({ operationId, text: `${[...answer.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n${body}` });
    return answer;
  }
}

const lines: string[] = [];
const clock = new SettableClock(Date.parse('2026-09-14T10:00:00+08:00'));
/** Faults on demand: the next token draw or the next commit fails, with personal data in the error. */
const faults = { token: undefined as string | undefined, commit: undefined as string | undefined };
const random: PortalRandom = {
  token: () => {
    const message = faults.token;
    faults.token = undefined;
    if (message !== undefined) throw new Error(message);
    return cryptoRandom.token();
  },
  int: (max) => cryptoRandom.int(max),
};
let server: RunningServer;
let portal: RecordingClient;
beforeAll(async () => {
  const memory = createMemoryStore();
  const store: Store = {
    ...memory,
    commit: async () => {
      const message = faults.commit;
      faults.commit = undefined;
      if (message !== undefined) throw new Error(message);
      return memory.commit();
    },
  };
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => { lines.push(args.map(String).join(' ')); });
  }
  const rules = resolveRules(FAST_HASH);
  server = await startServer({ rules, clock, store, random, adminToken: ADMIN, port: 0, log: (line) => lines.push(line) });
  watchServer(server);
  portal = new RecordingClient(server.url);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await server.close();
});

const who = (a: { idType: string; idNumber: string; name: string }) => ({ idType: a.idType, idNumber: a.idNumber, name: a.name });
const linkOf = async (email: string) => (await portal.admin('readOutbox', { recipient: email })).body[0].link as string;

describe('personal data stays out of logs, codes and links out of answers', () => {
  it('holds over a full journey with induced internal errors', async () => {
    const secrets: string[] = [ADMIN];
    // Registration by SMS, sign-in, profile, real-name check with a name change.
    const a = await portal.signUp({ name: '欧阳娜娜', email: '2468013@qq.com' });
    secrets.push(a.idNumber, a.name, a.phone, a.email, a.password, a.token);
    expect((await portal.call('completeProfile', { ethnicity: '汉族' }, a.token)).status).toBe(200);
    expect((await portal.call('verifyRealName', { name: '欧阳娜' }, a.token)).body.status).toBe('failed');
    expect((await portal.call('verifyRealName', {}, a.token)).body.status).toBe('passed');
    // An internal error in the middle of a login that carries personal data in its message.
    const captchaToken = await portal.captchaToken();
    faults.token = `token source failed for ${a.idNumber} ${a.phone} ${a.name}`;
    const broken = await portal.call('login', { idNumber: a.idNumber, password: a.password, captchaToken });
    expect(broken.status).toBe(500);
    // A store that cannot commit, with a path naming the applicant.
    faults.commit = `ENOSPC: no space left writing /data/${a.idNumber}/${a.email}`;
    const unsaved = await portal.call('bindWechat', {}, a.token);
    expect([unsaved.status, unsaved.body.code]).toEqual([503, 'STORE_UNAVAILABLE']);
    expect((await portal.call('bindWechat', {}, a.token)).status).toBe(200);

    // The three password resets, a password change and a phone change.
    await portal.call('sendResetEmail', { ...who(a), captchaToken: await portal.captchaToken() });
    const link = await linkOf(a.email);
    const resetToken = new URL(link, 'http://x').searchParams.get('token')!;
    secrets.push(link, resetToken);
    expect((await portal.call('resetPasswordWithEmailToken', { token: resetToken, newPassword: 'Fresh#2026' })).status).toBe(200);
    await portal.call('requestSmsCode', { purpose: 'reset', ...who(a), captchaToken: await portal.captchaToken() });
    expect((await portal.call('resetPasswordWithSms', { ...who(a), code: await portal.lastCode(a.phone), newPassword: 'BySms#2026' })).status).toBe(200);
    await portal.call('requestWechatCode', { ...who(a), purpose: 'reset', captchaToken: await portal.captchaToken() });
    expect((await portal.call('resetPasswordWithWechat', { ...who(a), code: await portal.lastCode(a.idNumber), newPassword: 'ByWx#2026' })).status).toBe(200);
    const token = await portal.signIn({ idNumber: a.idNumber, password: 'ByWx#2026' });
    secrets.push(token, 'Fresh#2026', 'BySms#2026', 'ByWx#2026');
    expect((await portal.call('changePassword', { oldPassword: 'ByWx#2026', newPassword: 'Teach#2026' }, token)).status).toBe(200);
    const newPhone = '15900000077';
    secrets.push(newPhone);
    await portal.call('requestSmsCode', { phone: newPhone, purpose: 'change-phone', captchaToken: await portal.captchaToken() });
    expect((await portal.call('changePhone', { phone: newPhone, code: await portal.lastCode(newPhone) }, token)).status).toBe(200);

    // Certificates: registry sync, the other query with an SMS code, a hand-added one.
    const certificateNumber = '20123500121077777';
    await portal.admin('seedInstitutions', [INSTITUTION]);
    await portal.admin('seedCertificates', [{ number: certificateNumber, holderName: a.name, idNumber: a.idNumber, qualificationType: '小学教师资格', subject: '语文', province: '35', certifyingBody: '福州市教育局', issueDate: '2012-07-01' }]);
    const asker = '13512345678';
    secrets.push(asker);
    await portal.call('requestSmsCode', { phone: asker, purpose: 'certificate-query', captchaToken: await portal.captchaToken() });
    const query = await portal.call('queryCertificate', { name: a.name, idNumber: a.idNumber, certificateNumber, phone: asker, code: await portal.lastCode(asker), captchaToken: await portal.captchaToken() });
    expect(query.status).toBe(200);
    expect((await portal.call('addCertificate', {
      holderName: a.name, idNumber: a.idNumber, certificateNumber: '19993500121077777', issueDate: '1999-07-01', province: '35', city: '福州市',
      qualificationType: '小学教师资格', subject: '语文', certifyingBody: '福州市教育局', certificatePhoto: toBase64(makeJpeg(120, 160)),
    }, token)).status).toBe(201);

    // Periodic registration to its conclusion, with a message and the form.
    const school = (await portal.call('addSchool', { name: '福建师范大学', type: '普通高等学校' }, token)).body.id;
    const photoId = (await portal.call('uploadPhoto', { photo: photo() }, token)).body.photoId;
    const submitted = await portal.call('submitRegistration', application({ ...a, token, certificateNumber, photoId, schoolId: school }), token);
    expect(submitted.status).toBe(201);
    const { applicationNumber } = submitted.body;
    await portal.admin('postRegistrationMessage', { applicationNumber, from: 'institution', text: '请携带证书原件' });
    await portal.call('listRegistrationMessages', { applicationNumber }, token);
    clock.advance(3_600_000);
    expect((await portal.call('getApplicationForm', { applicationNumber }, token)).status).toBe(200);
    await portal.admin('confirmOnSite', { applicationNumber, result: 'pass' });
    expect((await portal.admin('decideRegistration', { applicationNumber, conclusion: '注册合格' })).status).toBe(200);

    // A second applicant through manual review, by WeChat registration; then a lockout and a logout.
    const b = { ...nextApplicant(), name: '司马光', email: '13579@qq.com' };
    await portal.call('requestWechatCode', { idNumber: b.idNumber, purpose: 'register', captchaToken: await portal.captchaToken() });
    expect((await portal.call('registerAccount', { ...b, code: await portal.lastCode(b.idNumber), captchaToken: await portal.captchaToken(), agreementAccepted: true })).status).toBe(201);
    const bToken = await portal.signIn(b);
    secrets.push(b.idNumber, b.name, b.phone, b.email, bToken);
    await portal.call('completeProfile', { ethnicity: '回族' }, bToken);
    await portal.admin('seedIdentities', [{ idNumber: b.idNumber, name: '司马迁', stale: true }]);
    await portal.call('verifyRealName', {}, bToken);
    const review = await portal.call('submitManualReview', { photo: toBase64(makeJpeg(120, 160)), name: '司马迁', note: '改名' }, bToken);
    expect((await portal.admin('decideManualReview', { reviewId: review.body.reviewId, decision: 'approve' })).status).toBe(200);
    for (let i = 0; i < 6; i += 1) await portal.call('login', { idNumber: b.idNumber, password: 'Wrong#123', captchaToken: await portal.captchaToken() });
    expect((await portal.call('logout', {}, token)).status).toBe(200);
    await portal.admin('getStats');

    // What went out: every code and link, all of them secrets too.
    const outbox = (await portal.admin('readOutbox', { limit: 1000 })).body as { code?: string; link?: string }[];
    const codes = outbox.flatMap((m) => (m.code ? [m.code] : []));
    const links = outbox.flatMap((m) => (m.link ? [m.link, new URL(m.link, 'http://x').searchParams.get('token')!] : []));
    expect(codes.length).toBe(6);
    secrets.push(...codes, ...links, '司马迁');

    expect(lines.length, 'the induced errors were logged').toBeGreaterThanOrEqual(2);
    for (const line of lines) for (const secret of secrets) expect(line, 'a log line holds personal data').not.toContain(secret);

    const answers = portal.answers.filter((x) => x.operationId !== 'readOutbox');
    expect(answers.length).toBeGreaterThan(50);
    for (const { operationId, text } of answers) {
      for (const code of codes) expect(text, `${operationId} showed a code`).not.toMatch(new RegExp(`(^|\\D)${code}(\\D|$)`));
      for (const l of links) expect(text, `${operationId} showed a reset link`).not.toContain(l);
    }
  });
});
