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

const dir = mkdtempSync(join(tmpdir(), 'disk-full-'));
const mounted = (() => {
  try { execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', dir], { stdio: 'ignore' }); return true; } catch { return false; }
})();
if (!mounted) console.warn(`disk-full.test.ts: skipped, a tmpfs could not be mounted on ${dir} (not root, or no CAP_SYS_ADMIN)`);
afterAll(() => {
  if (mounted) execFileSync('umount', ['-l', dir]);
  rmSync(dir, { recursive: true, force: true });
});

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
