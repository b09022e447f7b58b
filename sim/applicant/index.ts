/** A simulated applicant at the portal: who they are, what they hold, how each step is done. */
export { newSession, type ApplicantRecord, type ApplicantSession, type Variant } from './record';
export { perform, type Performance, type Call } from './performer';
export { photos } from './photos';
export { encodedHere, encodeFixtureAnew, fixturesDirectory, makeJpeg, toBase64 } from './jpeg';
