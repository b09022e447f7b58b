/** JPEG fixtures for tests: the simulator's own generator (exact sizes via COM padding). */
export { makeJpeg, toBase64 } from '../sim/applicant/jpeg';
