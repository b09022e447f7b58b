/**
 * A server for the benchmark, in its own process: `echo` (a bare Express 5 JSON echo, the
 * ceiling), or the stub on `memory` or `lowdb` with N accounts preloaded.
 * Prints `READY <url>` when it listens. Usage: target-server.ts <echo|memory|lowdb> [accounts] [dbFile]
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { resolveRules } from '../../rules';
import { startServer } from '../../stub-server/http';
import { hashPassword, SettableClock, type Account } from '../../stub-server/portal';
import { createMemoryStore, openJournalStore, type Store } from '../../stub-server/store';
import { echoApp } from '../shared/echo';
import { BENCH_CLOCK, BENCH_RULES, benchPassword, benchIdNumber } from './mix';

const [mode = 'memory', accountsArg = '100000', dbFile = 'out/bench/lowdb/portal.json'] = process.argv.slice(2);

async function preload(store: Store, count: number): Promise<void> {
  // One hash for every preloaded account: the bench measures the stub, not scrypt.
  const passwordHash = await hashPassword(benchPassword, 'bench-salt', BENCH_RULES.account.scryptCost);
  const accounts = store.table<Account>('accounts');
  for (let i = 0; i < count; i += 1) {
    const idNumber = benchIdNumber('preloaded', i);
    accounts.set(idNumber, {
      idType: 'resident-id', idNumber, name: '预载', idValidFrom: '2016-01-01', idValidTo: '2036-01-01', passwordHash,
      email: `${1000000 + i}@qq.com`, phone: `135${String(i).padStart(8, '0')}`, registeredAt: BENCH_CLOCK,
      wechatBound: false, profile: null, realName: { status: 'unverified', failedAttempts: 0 },
    });
  }
  await store.commit();
}

async function main(): Promise<void> {
  if (mode === 'echo') {
    const server = echoApp().listen(0, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      console.log(`READY http://127.0.0.1:${address.port}`);
    });
    return;
  }
  const count = Number(accountsArg);
  let store: Store;
  if (mode === 'lowdb') {
    // A fresh folder: a killed earlier run leaves journal segments beside the file.
    rmSync(dirname(dbFile), { recursive: true, force: true });
    mkdirSync(dirname(dbFile), { recursive: true });
    const fresh = await openJournalStore({ file: dbFile });
    await preload(fresh, count);
    await fresh.close(); // compacts into the lowdb file, as a server that has run a while
    store = await openJournalStore({ file: dbFile });
  } else {
    store = createMemoryStore();
    await preload(store, count);
  }
  // Codes and captcha positions come out as zeros so the load generator needs no outbox reads;
  // tokens stay unguessable.
  const random = { token: () => randomBytes(24).toString('base64url'), int: () => 0 };
  const server = await startServer({
    rules: resolveRules(BENCH_RULES), clock: new SettableClock(BENCH_CLOCK), store, random, adminToken: 'bench', port: 0,
  });
  console.log(`READY ${server.url}`);
}

main().catch((error) => { console.error(error); process.exit(1); });
