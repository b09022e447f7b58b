import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const bin = new URL('../bin/jszg-sim.js', import.meta.url).pathname;

/** Runs `jszg-sim <args>` as a user would (quiet, as under CI): its exit code and output, whether it failed or not. */
export const cli = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
  promisify(execFile)(process.execPath, [bin, ...args], { env: { ...process.env, CI: 'true' } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
