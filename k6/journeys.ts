/**
 * The journeys of the script, written out as k6 TypeScript: the main paths of the machines
 * (machines/journey, machines/certificate-query.ts), each step done as sim/applicant/
 * performer.ts does it over HTTP, each applicant's world (certificate, earlier account) seeded
 * as sim/runner/world.ts seeds it. A journey stops at the first answer it did not expect (its
 * check has failed), as an applicant would give up; the branches of the machines (retries,
 * quota waits, manual review) are the simulator's business, not a load test's.
 */

/** Step 2 of the wizard, as sim/applicant/inputs.ts fills it in: plausible constants. */
const WIZARD = {
  agreementAccepted: true, noticesRead: true, commitment: 'agree',
  mandarinCertificate: '二级甲等', highestEducation: '本科', degree: '学士', majorCategory: '师范教育类', major: '教育学',
  graduationDate: '2008-07-01', studyForm: '普通全日制', schoolType: '公办', schoolLocation: '城市',
  firstEmploymentDate: '2008-09-01', currentEmployerStartDate: '2012-09-01', title: '一级教师', postType: '专任教师',
  politicalStatus: '群众', postcode: '350001',
};

/** Helpers the journeys share: think time, captcha, codes, this iteration's applicant and account. */
const HELPERS = String.raw`
const WIZARD = ${JSON.stringify(WIZARD)};

/** This iteration: its province (the k6 scenario), its number (unique across k6 instances) and its random stream. */
function iteration(salt = 0): { province: ProvinceData; n: number; rng: () => number } {
  const province = PROVINCES[exec.scenario.name] ?? PROVINCES[FIRST_PROVINCE]!;
  const n = exec.scenario.iterationInTest;
  const global = n * PROVINCE_COUNT + province.index;
  return { province, n, rng: mulberry32(Math.imul(SEED + 7, 0x27d4eb2d) ^ Math.imul(global + 1, 0x165667b1) ^ salt) };
}

/** Think time before the next page: lognormal around the persona mix's median, compressed by the time scale. */
function think(rng: () => number): void {
  const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  sleep(THINK.medianSeconds * Math.exp(THINK.sigma * z));
}

/** The slider captcha: the stub says where the piece belongs (targetX), as for any automated client. */
function captcha(who: Session): string | null {
  const challenge = call('getCaptcha', {}, who);
  if (!challenge) return null;
  const { id, targetX } = challenge.json<{ id: string; targetX: number }>();
  const solved = call('solveCaptcha', { id, x: targetX }, who);
  return solved ? solved.json<{ captchaToken: string }>().captchaToken : null;
}

function withCaptcha(op: Op, input: Record<string, unknown>, who: Session): Answer | null {
  const captchaToken = captcha(who);
  return captchaToken === null ? null : call(op, { ...input, captchaToken }, who);
}

/**
 * The code an SMS brought, read from the stub's outbox with the admin token (readOutbox, a
 * test-control operation the real portal has not: there the applicant reads their phone).
 */
function smsCode(phone: string): string | null {
  const outbox = call('readOutbox', { recipient: phone, limit: 5 });
  const code = outbox ? outbox.json<{ code?: string }[]>().find((m) => m.code)?.code ?? null : null;
  return check(code, { 'readOutbox holds the code': (c) => c !== null }) ? code : null;
}

/** The account's fields: the registration form (registerAccount), or an earlier year's account (seedAccounts). */
function accountOf(a: Person) {
  return { idType: 'resident-id', idNumber: a.idNumber, name: a.name, idValidFrom: a.idValidFrom, idValidTo: a.idValidTo, password: a.password, email: a.email, phone: a.phone };
}
`;

/**
 * What the journeys share past their first pages, as functions: signed in, the new and the
 * returning applicant go the same way (the machines' signIn outcomes ok-incomplete,
 * ok-unverified, ok), so one text serves both.
 */
export const PARTS: Readonly<Record<'signInAndRegister', string>> = {
  signInAndRegister: String.raw`
/**
 * Signs in and goes on as the login answer says: the first-login profile if it is not complete,
 * real name if it is not verified (machines/journey/verification.ts), then the registration
 * wizard page by page (machines/journey/registration.ts), the submission and its status.
 */
function signInAndRegister(a: Person, province: ProvinceData, who: Session, rng: () => number): void {
  const signedIn = withCaptcha('login', { idNumber: a.idNumber, password: a.password }, who);
  if (!signedIn) return;
  const session = signedIn.json<{ token: string; profileComplete: boolean; realNameStatus: string }>();
  who.token = session.token;
  if (!session.profileComplete) {
    think(rng);
    if (!call('completeProfile', { ethnicity: a.ethnicity }, who)) return;
  }
  if (session.realNameStatus !== 'verified') {
    think(rng);
    const verified = call('verifyRealName', {}, who);
    if (!verified) return;
    // A failed check against the registry is the machines' outcome too (CTID or manual review
    // next, which a load run leaves to the simulator): counted by its reason, the journey ends.
    const result = verified.json<{ status: string; reason?: string }>();
    if (result.status !== 'passed') {
      REFUSALS.add(1, { operationId: 'verifyRealName', code: result.reason ?? 'FAILED' });
      return;
    }
  }
  think(rng);
  if (!call('getRegistrationNotice', {}, who)) return;
  think(rng);
  if (!call('searchRegistrationWindows', { province: province.code }, who)) return;
  think(rng);
  const certificates = call('listMyCertificates', {}, who);
  if (!certificates) return;
  think(rng);
  const schoolName = a.city + '师范学院';
  const schools = call('searchSchools', { q: schoolName }, who);
  if (!schools) return;
  let schoolId: string | undefined = schools.json<{ id: string }[]>()[0]?.id;
  if (schoolId === undefined) {
    const added = call('addSchool', { name: schoolName, type: '普通高等学校', province: province.code }, who);
    if (!added) return;
    const school = added.json<{ id?: string; existingId?: string }>();
    schoolId = school.id ?? school.existingId;
  }
  think(rng);
  const photo = call('uploadPhoto', { photo: PERSONAL_PHOTO }, who);
  if (!photo) return;
  think(rng);
  const { qualificationType, subject } = a.certificate;
  const found = call('searchInstitutions', { province: province.code, qualificationType }, who);
  if (!found) return;
  type Institution = { id: string; stages: string[]; confirmationPoints: { id: string; scope: { stages: string[] } }[] };
  const covers = (stages: string[]) => stages.includes(a.stage);
  const institution = found.json<Institution[]>().find((i) => covers(i.stages) && i.confirmationPoints.some((p) => covers(p.scope.stages)));
  const point = institution?.confirmationPoints.find((p) => covers(p.scope.stages));
  if (!check(point, { 'searchInstitutions offers a confirmation point': (p) => p !== undefined }) || !institution || !point) return;
  think(rng);
  const submitted = call('submitRegistration', {
    ...WIZARD, institutionId: institution.id, confirmationPointId: point.id, certificateNumber: a.certificate.number, stage: a.stage, subject, graduatingSchoolId: schoolId,
    photoId: photo.json<{ photoId: string }>().photoId,
    currentSchool: a.city + '第一中心小学', householdRegistration: a.city, address: a.city + '人民路1号',
  }, who);
  if (!submitted) return;
  const applicationNumber = submitted.json<{ applicationNumber: string }>().applicationNumber;
  think(rng);
  if (!call('getRegistration', { applicationNumber }, who)) return;
  call('logout', {}, who);
}
`,
};

/**
 * One function per journey, exported so a k6 scenario can run one alone (`exec`). Every
 * `think(rng)` is a page the applicant reads: the journey's length in the VU estimate.
 */
export const JOURNEYS: Readonly<Record<'newApplicant' | 'returningApplicant' | 'certificateQuery', string>> = {
  newApplicant: String.raw`
/** A new applicant: registers with an SMS code, then signs in, completes the profile, passes real name and submits the wizard. */
export function newApplicant(): void {
  const { province, n, rng } = iteration();
  const a = person(n, province);
  const who: Session = { address: a.address };
  // The registry knows the teacher's certificate before they come (test control, as the simulator seeds it).
  if (!call('seedCertificates', [a.certificate])) return;
  if (!withCaptcha('requestSmsCode', { phone: a.phone, purpose: 'register' }, who)) return;
  think(rng);
  const code = smsCode(a.phone);
  if (code === null) return;
  if (!withCaptcha('registerAccount', { ...accountOf(a), code, agreementAccepted: true }, who)) return;
  think(rng);
  signInAndRegister(a, province, who, rng);
}
`,
  returningApplicant: String.raw`
/**
 * A returning applicant: has an account from an earlier year (its profile complete, real name
 * verified for the scenario's share), signs in, passes real name if it is not verified yet
 * and submits the wizard, as a new applicant does once signed in.
 */
export function returningApplicant(): void {
  const { province, n, rng } = iteration();
  const a = person(n, province);
  const who: Session = { address: a.address };
  // The registry knows the certificate and the portal the account (test control, as the simulator seeds them).
  if (!call('seedCertificates', [a.certificate])) return;
  const earlier = { ...accountOf(a), registeredAt: EARLIER_ACCOUNT_REGISTERED_AT, wechatBound: false, ethnicity: a.ethnicity, realNameVerified: rng() < VERIFIED_ACCOUNTS };
  if (!call('seedAccounts', [earlier])) return;
  signInAndRegister(a, province, who, rng);
}
`,
  certificateQuery: String.raw`
/** Someone without an account (an employer) checks a teacher's certificate with an SMS code to their own phone. */
export function certificateQuery(): void {
  const { province, n, rng } = iteration();
  const teacher = person(n, province);
  const asker: Session = { address: teacher.address };
  if (!call('seedCertificates', [teacher.certificate])) return;
  if (!withCaptcha('requestSmsCode', { phone: teacher.phone, purpose: 'certificate-query' }, asker)) return;
  think(rng);
  const code = smsCode(teacher.phone);
  if (code === null) return;
  const { number: certificateNumber } = teacher.certificate;
  withCaptcha('queryCertificate', { name: teacher.name, idNumber: teacher.idNumber, certificateNumber, phone: teacher.phone, code }, asker);
}
`,
};

export type JourneyName = keyof typeof JOURNEYS;

/** Pages (think times) in a text, with those of the parts it calls: a page behind a branch counts as shown (the estimate errs long). */
function pagesIn(text: string): number {
  const called = Object.entries(PARTS).filter(([name]) => new RegExp(`(?<!function )\\b${name}\\(`).test(text));
  return text.split('think(rng)').length - 1 + called.reduce((sum, [, part]) => sum + pagesIn(part), 0);
}

/** Pages (think times) of a journey, the shared parts it goes through included. */
export const pagesOf = (journey: JourneyName): number => pagesIn(JOURNEYS[journey]);

/** The journeys' share of iterations; `applicant()` draws one per iteration. */
export type Mix = Record<JourneyName, number>;

export interface JourneyInputs {
  /** The journeys' share of iterations. */
  mix: Mix;
  /** Think time: a lognormal's median (real seconds) and sigma. */
  think: { medianSeconds: number; sigma: number };
  /** The share of returning applicants whose account has passed real name (the scenario's population.verifiedAccounts). */
  verifiedAccounts: number;
}

/** The helpers, parts and journeys, and `applicant()`, the k6 scenarios' entry, drawing a journey by the mix. */
export function journeysSection({ mix, think, verifiedAccounts }: JourneyInputs): string {
  return [
    `const MIX = ${JSON.stringify(mix)};`,
    `const THINK = ${JSON.stringify(think)};`,
    `const VERIFIED_ACCOUNTS = ${JSON.stringify(verifiedAccounts)};`,
    HELPERS.trim(),
    ...Object.values(JOURNEYS).map((j) => j.trim()),
    ...Object.values(PARTS).map((p) => p.trim()),
    String.raw`
/** What every province's k6 scenario runs: one journey per iteration, drawn by the mix. */
export function applicant(): void {
  // Its own stream (salted), so the draw does not repeat the journey's first one.
  const r = iteration(0x5bd1e995).rng();
  if (r < MIX.certificateQuery) certificateQuery();
  else if (r < MIX.certificateQuery + MIX.returningApplicant) returningApplicant();
  else newApplicant();
}`.trim(),
  ].join('\n\n');
}

/** The operations the journeys call by name, in order of first use: the script's route table. */
export function operationsCalled(text: string): string[] {
  return [...new Set([...text.matchAll(/\b(?:call|withCaptcha)\('(\w+)'/g)].map((m) => m[1]!))];
}
