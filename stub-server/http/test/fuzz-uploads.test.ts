/**
 * Property-based tests of the upload fields and of names: any bytes in a photo field (random,
 * other formats, JPEG headers with garbage, corrupted and truncated JPEGs, oversized files, not
 * base64 at all), and names of rare characters (CJK extension B), full-width digits and marks.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRules } from '../../../rules';
import { nextApplicant, TestPortal, type Applicant } from '../../../test/harness';
import { makeJpeg, toBase64 } from '../../../test/jpeg-fixtures';
import { exchange, expectInvariants, expectWellFormed, nastyString, requestFor, routeOf, SEED } from '../../../test/fuzz-fixtures';
import { buildWorld, keepSessions, type World } from '../../../test/fuzz-world';

const START = '2026-09-14T10:00:00+08:00';
let portal: TestPortal;
let world: World;
/** Profile complete, real-name check failed, no review pending: submitManualReview reaches the photo check. */
let reviewer: Applicant & { token: string };
beforeAll(async () => {
  // Many reviews per cycle, so the quota does not stop the photo check from being reached.
  portal = await TestPortal.start({ now: START, rules: { manualReview: { perCycle: 10_000 } } });
  world = await buildWorld(portal);
  reviewer = await portal.signUp({ name: '欧阳娜娜' });
  await portal.call('completeProfile', { ethnicity: '汉族' }, reviewer.token);
  await portal.admin('seedIdentities', [{ idNumber: reviewer.idNumber, name: '欧阳娜' }]);
  await portal.call('verifyRealName', {}, reviewer.token);
}, 60_000);
afterAll(() => portal.close());

const VALID = makeJpeg(295, 413);
const SMALL = toBase64(makeJpeg(120, 160));
const SIGNATURES = [
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [...Buffer.from('GIF89a')], [...Buffer.from('%PDF-1.4')], [0x50, 0x4b, 0x03, 0x04],
  [...Buffer.from('RIFF\0\0\0\0WEBP')], [0x42, 0x4d], [0xff, 0xd8], [0xff, 0xd8, 0xff], [0xff, 0xd8, 0xff, 0xc0, 0x00, 0x02], [],
];

/** Bytes that are not a good JPEG, or barely one. */
const photoBytes: fc.Arbitrary<Buffer> = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }).map((b) => Buffer.from(b)),
  fc.tuple(fc.constantFrom(...SIGNATURES), fc.uint8Array({ maxLength: 400 })).map(([head, tail]) => Buffer.from([...head, ...tail])),
  // A real JPEG with bytes flipped, or cut short, or its frame header's size set to an edge.
  fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => {
    const b = Buffer.from(VALID);
    for (const [at, value] of flips) b[at % 64] = value;
    return b;
  }),
  fc.nat().map((cut) => VALID.subarray(0, cut % VALID.length)),
  fc.tuple(fc.constantFrom(0, 1, 65535), fc.constantFrom(0, 1, 65535)).map(([w, h]) => {
    const b = Buffer.from(VALID);
    const sof = b.findIndex((v, i) => v === 0xff && b[i + 1] === 0xc0);
    b.writeUInt16BE(h, sof + 5);
    b.writeUInt16BE(w, sof + 7);
    return b;
  }),
  fc.constantFrom(makeJpeg(120, 160, 195 * 1024), makeJpeg(295, 413, 210 * 1024), makeJpeg(295, 413, 51_200), VALID, makeJpeg(120, 160)),
);
/** What a photo field receives: base64 of those bytes, or not base64 at all. */
const photoField: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: photoBytes.map(toBase64) },
  { weight: 1, arbitrary: photoBytes.map((b) => `data:image/jpeg;base64,${toBase64(b)}`) },
  { weight: 1, arbitrary: photoBytes.map((b) => toBase64(b).replace(/(.{76})/g, '$1\n')) },
  { weight: 1, arbitrary: photoBytes.map((b) => b.toString('base64url')) },
  { weight: 1, arbitrary: fc.oneof(nastyString, fc.constantFrom('====', 'A', 'AA=', '/9j/', null, 12, [], {})) },
);

const UPLOADS = [
  { operationId: 'uploadPhoto', base: () => ({}), field: 'photo', who: () => world.A.token },
  { operationId: 'submitManualReview', base: () => ({ note: '补充' }), field: 'photo', who: () => reviewer.token },
  { operationId: 'addCertificate', base: () => certificate(), field: 'certificatePhoto', who: () => world.A.token },
  { operationId: 'addCertificate', base: () => certificate(), field: 'extraPhotos', who: () => world.A.token },
] as const;
let certSerial = 0;
const certificate = () => ({
  holderName: world.A.name, idNumber: world.A.idNumber, certificateNumber: `1999350012${String((certSerial += 1)).padStart(7, '0')}`,
  issueDate: '1999-07-01', province: '35', city: '福州市', qualificationType: '小学教师资格', subject: '语文', certifyingBody: '福州市教育局',
  certificatePhoto: SMALL,
});

describe('fuzzing the photo fields', () => {
  it.each(UPLOADS.map((u) => [`${u.operationId}.${u.field}`, u] as const))('%s takes any bytes without a 5xx', async (_, upload) => {
    await fc.assert(fc.asyncProperty(photoField, async (value) => {
      const body = { ...upload.base(), [upload.field]: upload.field === 'extraPhotos' ? [value] : value };
      const answer = await exchange(portal.url, requestFor(routeOf(upload.operationId), body, upload.who()));
      expectWellFormed(answer);
      if (answer.status === 422) expect(answer.json.errors.map((e: { field: string }) => e.field.split('.')[0]), answer.label).toContain(upload.field);
      if (answer.status === 201 && upload.operationId === 'submitManualReview') {
        // Decided at once, so the next run reaches the photo check again.
        expect((await portal.admin('decideManualReview', { reviewId: answer.json.reviewId, decision: 'reject', reason: '照片不清晰' })).status).toBe(200);
      }
      keepSessions(portal, world);
      await expectInvariants(portal);
    }), { seed: SEED, numRuns: 60 });
  });

  it('refuses an upload over the route’s body limit with 413, and a personal photo over its byte limit with 422', async () => {
    const huge = toBase64(makeJpeg(295, 413, defaultRules.limits.uploadBodyBytes));
    for (const upload of UPLOADS) {
      const answer = await exchange(portal.url, requestFor(routeOf(upload.operationId), { ...upload.base(), [upload.field]: huge }, upload.who()));
      expectWellFormed(answer);
      expect([answer.status, answer.json.code]).toEqual([413, 'BODY_TOO_LARGE']);
    }
    const large = await portal.call('uploadPhoto', { photo: toBase64(makeJpeg(295, 413, defaultRules.registration.personalPhoto.bytes.below)) }, world.A.token);
    expect([large.status, large.body.code]).toEqual([422, 'PHOTO_TOO_LARGE']);
  });
});

/** Letters of a name: common and rare (extension B) characters. */
const HAN = ['张', '伟', '欧', '阳', '娜', '䶮', '𠀀', '𪚥', '𠮷', '𡈽', '𬌗', '龘', '堃', '喆'];
const nameOf = (parts: string[][]) => parts.map((p) => p.join('')).join('·');
let phoneSerial = 0;
async function register(fields: Partial<Applicant>) {
  const a = { ...nextApplicant(), phone: `137${String((phoneSerial += 1)).padStart(8, '0')}`, ...fields };
  await portal.call('requestSmsCode', { phone: a.phone, purpose: 'register', captchaToken: await portal.captchaToken() });
  const res = await portal.call('registerAccount', { ...a, code: await portal.lastCode(a.phone), captchaToken: await portal.captchaToken(), agreementAccepted: true });
  return { a, res };
}

describe('names of rare characters (生僻字)', () => {
  const { nameMaxLength } = defaultRules.identity;
  it(`accepts any name of 1–${nameMaxLength} letters, rare ones included, and verifies it against the registry`, async () => {
    const parts = fc.array(fc.array(fc.constantFrom(...HAN), { minLength: 1, maxLength: 26 }), { minLength: 1, maxLength: 3 })
      .filter((p) => [...nameOf(p)].length <= nameMaxLength);
    await fc.assert(fc.asyncProperty(parts, async (p) => {
      const name = nameOf(p);
      const { a, res } = await register({ name });
      expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(201);
      expect(res.body.name).toBe(name);
      const token = await portal.signIn(a);
      await portal.call('completeProfile', { ethnicity: '汉族' }, token);
      await portal.admin('seedIdentities', [{ idNumber: a.idNumber, name }]);
      expect((await portal.call('verifyRealName', {}, token)).body.status).toBe('passed');
    }), { seed: SEED, numRuns: 25, examples: [[[Array(25).fill('𠀀'), Array(24).fill('𪚥')]], [[Array(50).fill('𬌗')]]] });
  });

  it('refuses names with digits (full-width too), direction marks, invisible or control characters, or no leading letter, naming the field', async () => {
    const bad = fc.tuple(fc.constantFrom(...HAN), fc.constantFrom('３', '3', '\u200f', '\u202e', '\u0000', '。', '\u200b', '@', '\ufeff', '\t', '\u2028'), fc.constantFrom(...HAN))
      .map(([x, mark, y]) => `${x}${mark}${y}`);
    await fc.assert(fc.asyncProperty(fc.oneof(bad, fc.constantFrom('', ' ', '·', '３', '\u0301张', '张\t伟', '张\n伟', 'x'.repeat(nameMaxLength + 1), '𠀀'.repeat(nameMaxLength + 1))), async (name) => {
      const { res } = await register({ name });
      expect(res.status, name).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['name']);
    }), { seed: SEED, numRuns: 25 });
  });

  it('refuses full-width digits and 。 in phone, ID number, code, email and postcode', async () => {
    const full = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))).replace(/\./g, '。');
    await fc.assert(fc.asyncProperty(fc.constantFrom('phone', 'idNumber', 'code', 'email'), async (field) => {
      const a = { ...nextApplicant(), code: '123456', captchaToken: await portal.captchaToken(), agreementAccepted: true };
      const res = await portal.call('registerAccount', { ...a, [field]: full(String(a[field as keyof typeof a])) });
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }), { seed: SEED, numRuns: 8 });
    const update = await portal.call('updateRegistration', { applicationNumber: world.A.applicationNumber, postcode: '３５０００１' }, world.A.token);
    expect([update.status, update.body.errors?.[0]?.code]).toEqual([422, 'POSTCODE_FORMAT']);
  });
});
