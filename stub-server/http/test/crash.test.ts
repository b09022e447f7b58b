import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FAST_HASH, type PortalClient } from '../../../test/harness';
import { application, INSTITUTION, readyApplicant, type Ready } from '../../../test/registration-fixtures';
import { spawnServer, type SpawnedServer } from '../../../test/spawn-server';

const dir = mkdtempSync(join(tmpdir(), 'jszg-crash-'));
const db = join(dir, 'portal.json');
const rulesFile = join(dir, 'rules.json');
writeFileSync(rulesFile, JSON.stringify(FAST_HASH));
let server: SpawnedServer | undefined;
afterEach(async () => { await server?.kill(); });

/** `jszg-sim serve` on the same lowdb file each time, as an operator would restart it. */
async function startServer(): Promise<PortalClient> {
  server = await spawnServer(['--db', db, '--clock', 'settable', '--clock-start', '2026-09-14T10:00:00+08:00', '--rules', rulesFile]);
  return server.client;
}

describe('crash safety (kill -9 under a write load)', () => {
  it('keeps every application number it answered, across repeated kills', async () => {
    let portal = await startServer();
    await portal.admin('seedInstitutions', [INSTITUTION]);
    const applicants: Ready[] = [];
    for (let i = 0; i < 45; i += 1) applicants.push(await readyApplicant(portal));
    const answered = new Map<string, Ready>();

    for (const [round, killAfterMs] of [[0, 0], [1, 10], [2, 30]] as const) {
      const batch = applicants.slice(round * 15, round * 15 + 15);
      // Fire the batch and kill the server while answers are still coming: shortly after the
      // first one (not after a fixed time, which a busy machine may spend before any answer).
      let firstAnswer!: () => void;
      const answeredOnce = new Promise<void>((resolve) => { firstAnswer = resolve; });
      const submissions = batch.map(async (a) => {
        const res = await portal.call('submitRegistration', application(a), a.token).catch(() => undefined);
        if (res?.status === 201) { answered.set(res.body.applicationNumber, a); firstAnswer(); }
      });
      await Promise.race([answeredOnce, Promise.all(submissions)]);
      await new Promise((resolve) => setTimeout(resolve, killAfterMs));
      await server!.kill();
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
