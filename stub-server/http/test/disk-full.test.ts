/**
 * A real full disk: the journal on a tmpfs of 256 KiB. Needs `mount` (root with CAP_SYS_ADMIN);
 * without it the test says it skipped and why (journal-store.test.ts injects the same failure).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openJournalStore } from '../../store';
import { nextApplicant, TestPortal } from '../../../test/harness';
import { spawnServer } from '../../../test/spawn-server';

/** A tmpfs of `size` on a new folder, or undefined when mounting is not allowed here. */
function mountTmpfs(size: string): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'disk-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    mounts.push(dir);
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}
const mounts: string[] = [];
afterAll(() => {
  for (const dir of mounts) { execFileSync('umount', ['-l', dir]); rmSync(dir, { recursive: true, force: true }); }
});

const dir = mountTmpfs('256k') ?? '';
const mounted = dir !== '';
if (!mounted) console.warn('disk-full.test.ts: skipped, a tmpfs could not be mounted (not root, or no CAP_SYS_ADMIN)');

describe.runIf(mounted)('a full disk under the stub', () => {
  const file = join(dir, 'portal.json');
  let portal: TestPortal;
  beforeAll(async () => { portal = await TestPortal.start({ store: await openJournalStore({ file, compactAfterBytes: 1 << 30 }) }); });

  it('refuses writes with 503 and keeps nothing of them, answers reads, says degraded, and recovers by itself', async () => {
    const acknowledged: string[] = [];
    let refused: { idNumber: string } | undefined;
    for (let i = 0; i < 2_000 && !refused; i += 1) {
      const a = nextApplicant();
      const sms = await portal.call('requestSmsCode', { phone: a.phone, purpose: 'register', captchaToken: await portal.captchaToken() });
      if (sms.status === 503) { refused = a; break; }
      const reg = await portal.call('registerAccount', { ...a, code: await portal.lastCode(a.phone), captchaToken: await portal.captchaToken(), agreementAccepted: true });
      if (reg.status === 503) { refused = a; break; }
      expect(reg.status).toBe(201);
      acknowledged.push(a.idNumber);
    }
    expect(refused, 'the disk never filled').toBeDefined();
    expect(acknowledged.length).toBeGreaterThan(0);
    const health = await fetch(`${portal.url}/healthz`);
    expect([health.status, ((await health.json()) as { status: string }).status]).toEqual([503, 'degraded']);
    // Reads go on.
    expect((await portal.call('getCaptcha')).status).toBe(200);
    // The refused registration is not in memory either.
    expect(portal.server.portal.ctx.state.accounts.get(refused!.idNumber)).toBeUndefined();

    execFileSync('mount', ['-o', 'remount,size=4m', dir]);
    expect((await fetch(`${portal.url}/healthz`)).status).toBe(200);
    const after = await portal.signUp();

    await portal.close();
    // A restart on the same file holds every acknowledged account and nothing refused.
    const reopened = await openJournalStore({ file });
    const accounts = reopened.table('accounts');
    for (const id of [...acknowledged, after.idNumber]) expect(accounts.has(id)).toBe(true);
    expect(accounts.has(refused!.idNumber)).toBe(false);
    await reopened.close();
  });
});

describe.runIf(mounted)('a full disk at shutdown', () => {
  it('ends `serve` with one clear line and exit code 1, the journal kept for the next start', async () => {
    const full = mountTmpfs('192k')!;
    const db = join(full, 'portal.json');
    const server = await spawnServer(['--db', db, '--clock', 'settable']);
    // Fill the disk with journaled registrations until a write is refused.
    for (let i = 0; i < 2_000; i += 1) {
      const a = nextApplicant();
      const sms = await server.client.call('requestSmsCode', { phone: a.phone, purpose: 'register', captchaToken: await server.client.captchaToken() });
      if (sms.status === 503) break;
    }
    await server.stop();
    expect(server.child.exitCode).toBe(1);
    const lines = server.stderr().trim().split('\n').filter((l) => l.startsWith('jszg-sim:'));
    expect(lines).toEqual([expect.stringMatching(/^jszg-sim: the store could not be compacted at shutdown \(.*ENOSPC.*\); every acknowledged change is still in the journal/)]);
    expect(server.stderr()).not.toMatch(/\n\s+at /); // no stack trace
    // With room again, the next start replays the journal and the clean stop compacts it.
    execFileSync('mount', ['-o', 'remount,size=4m', full]);
    const again = await spawnServer(['--db', db, '--clock', 'settable']);
    expect((await fetch(`${again.url}/healthz`)).status).toBe(200);
    await again.stop();
    expect(again.child.exitCode).toBe(0);
  });
});
