import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, FAST_HASH, PortalClient } from '../../../test/harness';
import { application, INSTITUTION, readyApplicant, type Ready } from '../../../test/registration-fixtures';

const dir = mkdtempSync(join(tmpdir(), 'jszg-crash-'));
const db = join(dir, 'portal.json');
const rulesFile = join(dir, 'rules.json');
writeFileSync(rulesFile, JSON.stringify(FAST_HASH));
let child: ChildProcess | undefined;
afterEach(() => { child?.kill('SIGKILL'); });

/** `jszg-sim serve` on the same lowdb file each time, as an operator would restart it. */
async function startServer(): Promise<PortalClient> {
  child = spawn(process.execPath, [
    '--import', 'tsx', 'cli/main.ts', 'serve', '--port', '0', '--db', db, '--clock', 'settable',
    '--clock-start', '2026-09-14T10:00:00+08:00', '--admin-token', ADMIN, '--rules', rulesFile,
  ], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child!.once('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
    createInterface({ input: child!.stdout! }).on('line', (line) => {
      const match = /listening on (\S+)/.exec(line);
      if (match) resolve(match[1]!);
    });
  });
  child.removeAllListeners('exit');
  return new PortalClient(url);
}

describe('crash safety (kill -9 under a write load)', () => {
  it('keeps every application number it answered, across repeated kills', async () => {
    let portal = await startServer();
    await portal.admin('seedInstitutions', [INSTITUTION]);
    const applicants: Ready[] = [];
    for (let i = 0; i < 45; i += 1) applicants.push(await readyApplicant(portal));
    const answered = new Map<string, Ready>();

    for (const [round, killAfterMs] of [[0, 25], [1, 60], [2, 120]] as const) {
      const batch = applicants.slice(round * 15, round * 15 + 15);
      // Fire the batch and kill the server while answers are still coming.
      const submissions = batch.map(async (a) => {
        const res = await portal.call('submitRegistration', application(a), a.token).catch(() => undefined);
        if (res?.status === 201) answered.set(res.body.applicationNumber, a);
      });
      await new Promise((resolve) => setTimeout(resolve, killAfterMs));
      child!.kill('SIGKILL');
      await Promise.all(submissions);

      portal = await startServer();
      for (const [applicationNumber, a] of answered) {
        const found = await portal.call('getRegistration', { applicationNumber }, a.token);
        expect(found.status, `${applicationNumber} after round ${round}`).toBe(200);
        expect(found.body.conclusion).toBe('网报待确认');
      }
    }
    expect(answered.size).toBeGreaterThan(0);
  }, 120_000);
});
