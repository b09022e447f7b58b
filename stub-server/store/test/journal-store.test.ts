import { appendFile, mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openJournalStore, type Store } from '../index';

interface Account { id: string; region: string; name: string }

let dir: string;
let file: string;
// Stores we "crash" (drop without close) stay referenced for the whole run, so Node does not
// warn about closing their file handles on garbage collection.
const abandoned: Store[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'journal-store-'));
  file = join(dir, 'db.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const account = (i: number): Account => ({ id: `a${i}`, region: `r${i % 3}`, name: `name-${i}`.padEnd(60, '.') });
const segments = async () => (await readdir(dir)).filter((f) => f.startsWith('db.json.journal.')).sort();
const rowsOf = (store: Store, table: string) => Object.fromEntries(store.table(table).entries());

/** A store that committed `rows` to table t and then crashed: the path of its journal segment. */
async function journalOf(rows: Record<string, number>): Promise<string> {
  const store = await openJournalStore({ file });
  abandoned.push(store);
  for (const [k, v] of Object.entries(rows)) store.table('t').set(k, v);
  await store.commit();
  const [segment] = await segments();
  return join(dir, segment!);
}

describe('openJournalStore', () => {
  it('keeps writes and deletes across close and reopen, leaving only the lowdb file', async () => {
    const store = await openJournalStore({ file });
    const accounts = store.table<Account>('accounts');
    for (let i = 0; i < 5; i++) accounts.set(`a${i}`, account(i));
    accounts.delete('a1');
    store.table('sessions').set('s1', { user: 'a0' });
    await store.commit();
    accounts.set('a2', { ...account(2), name: 'renamed' });
    await store.close();
    await store.close(); // idempotent

    expect(await segments()).toEqual([]);
    const snapshot = JSON.parse(await readFile(file, 'utf8'));
    expect(snapshot).toMatchObject({ format: 'jszg-sim/1', seq: 8 });
    expect(Object.keys(snapshot.tables.accounts).sort()).toEqual(['a0', 'a2', 'a3', 'a4']);

    const again = await openJournalStore({ file });
    expect(again.table<Account>('accounts').get('a1')).toBeUndefined();
    expect(again.table<Account>('accounts').get('a2')?.name).toBe('renamed');
    expect(again.table('sessions').get('s1')).toEqual({ user: 'a0' });
    expect(again.stats()).toMatchObject({ tables: 2, rows: 5, seq: 8 });
    await again.close();
  });

  it('recovers everything committed when reopened without close (crash)', async () => {
    const store = await openJournalStore({ file });
    abandoned.push(store);
    const accounts = store.table<Account>('accounts');
    for (let i = 0; i < 20; i++) accounts.set(`a${i}`, account(i));
    await store.commit();
    accounts.delete('a3');
    accounts.set('a4', { ...account(4), region: 'moved' });
    await store.commit();

    const recovered = await openJournalStore({ file });
    expect(rowsOf(recovered, 'accounts')).toEqual(rowsOf(store, 'accounts'));
    expect(recovered.stats().seq).toBe(22);
    // Sequence numbering continues after the recovered journal.
    recovered.table<Account>('accounts').set('a99', account(99));
    await recovered.commit();
    expect(recovered.stats().seq).toBe(23);
    await recovered.close();
    const again = await openJournalStore({ file });
    expect(again.table('accounts').has('a99')).toBe(true);
    await again.close();
  });

  it('ignores a torn last journal line, and appends cleanly after it', async () => {
    const path = await journalOf({ a: 1, b: 2 });
    await appendFile(path, '{"s":3,"t":"t","k":"x","v":{"half":');

    const said: string[] = [];
    const recovered = await openJournalStore({ file, log: (line) => said.push(line) });
    abandoned.push(recovered);
    expect(rowsOf(recovered, 't')).toEqual({ a: 1, b: 2 });
    expect(said).toEqual([`${path}:3: cut a torn last line (a write never acknowledged)`]);
    recovered.table('t').set('c', 3);
    await recovered.commit();

    const again = await openJournalStore({ file });
    expect(rowsOf(again, 't')).toEqual({ a: 1, b: 2, c: 3 });
    await again.close();
  });

  it('refuses to open a journal with a bad line before good ones, naming file and line', async () => {
    const path = await journalOf({ a: 1 });
    await writeFile(path, `${await readFile(path, 'utf8')}not json\n{"s":9,"t":"t","k":"b","v":2}\n`);
    await expect(openJournalStore({ file })).rejects.toThrow(`${path}:2`);
  });

  it('refuses a complete last line that is corrupt: it was acknowledged, so it is not cut as if torn', async () => {
    const path = await journalOf({ a: 1, b: 2 });
    await writeFile(path, (await readFile(path, 'utf8')).replace('"k":"b"', '"k":"b"}{'));
    await expect(openJournalStore({ file })).rejects.toThrow(`${path}:2: a complete journal line is corrupt`);
  });

  it('refuses a journal that does not continue the snapshot: the snapshot deleted, or replaced by an older one', async () => {
    const first = await openJournalStore({ file });
    first.table('t').set('a', 1);
    await first.close(); // snapshot at sequence 1
    const older = await readFile(file, 'utf8');
    const second = await openJournalStore({ file });
    for (let i = 0; i < 5; i++) { second.table('t').set(`k${i}`, i); await second.commit(); }
    await second.close(); // snapshot at sequence 6
    const third = await openJournalStore({ file });
    abandoned.push(third);
    third.table('t').set('late', 1);
    await third.commit(); // journal entry 7, then a crash
    await writeFile(file, older);
    await expect(openJournalStore({ file })).rejects.toThrow(/journal entry 7 does not continue the snapshot .*db\.json \(sequence 1, so 2 was due next\)/);
    await rm(file);
    await expect(openJournalStore({ file })).rejects.toThrow(/journal entry 7 does not continue the snapshot .*\(sequence 0, so 1 was due next\)/);
  });

  it('rolls back a write it cannot make durable (disk full): reads go on, nothing refused appears after a restart, and it recovers', async () => {
    // Every file write fails while `full` is set, as on a full disk.
    const probe = await open(join(dir, 'x'), 'w');
    const handleProto = Object.getPrototypeOf(probe) as { write: (...args: unknown[]) => Promise<unknown> };
    await probe.close();
    let full = false;
    const realWrite = handleProto.write;
    const spy = vi.spyOn(handleProto, 'write').mockImplementation(function (this: unknown, ...args: unknown[]) {
      if (full) return Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
      return realWrite.apply(this, args);
    });
    try {
      const store = await openJournalStore({ file });
      abandoned.push(store);
      const t = store.table<number>('t');
      t.set('a', 1);
      await store.commit();
      full = true;
      const before = store.epoch;
      t.set('a', 2);
      t.set('b', 2);
      await expect(store.commit()).rejects.toThrow(/ENOSPC/);
      expect(rowsOf(store, 't')).toEqual({ a: 1 }); // rolled back; reads still work
      await expect(store.commit(before)).rejects.toThrow(/rolled back/);
      expect(await store.health()).toBe('degraded');
      full = false;
      expect(await store.health()).toBe('ok');
      t.set('c', 3);
      await store.commit(store.epoch);
      const restarted = await openJournalStore({ file });
      expect(rowsOf(restarted, 't')).toEqual({ a: 1, c: 3 });
      await restarted.close();
    } finally {
      spy.mockRestore();
    }
  });

  it('loads despite a leftover lowdb temp file, and creates a missing directory', async () => {
    const nested = join(dir, 'deep', 'er', 'db.json');
    const store = await openJournalStore({ file: nested });
    store.table('t').set('a', 1);
    await store.close();
    await writeFile(join(dir, 'deep', 'er', '.db.json.tmp'), '{"format":"jszg-sim/1","se');
    const again = await openJournalStore({ file: nested });
    expect(again.table('t').get('a')).toBe(1);
    await again.close();
  });

  it('compacts the journal into the lowdb file past the threshold, state unchanged', async () => {
    const store = await openJournalStore({ file, compactAfterBytes: 4096 });
    abandoned.push(store);
    const accounts = store.table<Account>('accounts');
    for (let i = 0; i < 400; i++) {
      accounts.set(`a${i % 150}`, { ...account(i), id: `a${i % 150}` });
      if (i % 7 === 0) accounts.delete(`a${(i * 13) % 150}`);
      await store.commit();
    }
    await vi.waitFor(() => expect(store.stats()).toMatchObject({ compacting: 0, compactions: expect.any(Number) }));
    expect(store.stats().compactions).toBeGreaterThan(2);
    const expected = rowsOf(store, 'accounts');
    expect(store.stats().journalBytes).toBeLessThan(3 * 4096);
    const snapshot = JSON.parse(await readFile(file, 'utf8'));
    expect(snapshot.seq).toBeGreaterThan(0);
    expect(Object.keys(snapshot.tables.accounts).length).toBeGreaterThan(50);

    // A crash now: snapshot + remaining journal give the same state.
    const recovered = await openJournalStore({ file, compactAfterBytes: 4096 });
    expect(rowsOf(recovered, 'accounts')).toEqual(expected);
    await recovered.close();
    expect(await segments()).toEqual([]);
    const reopened = await openJournalStore({ file });
    expect(rowsOf(reopened, 'accounts')).toEqual(expected);
    await reopened.close();
  });

  it('coalesces concurrent commits into few batches (group commit)', async () => {
    const store = await openJournalStore({ file });
    const accounts = store.table<Account>('accounts');
    await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        accounts.set(`a${i}`, account(i));
        await store.commit();
      }),
    );
    const { commits, batches } = store.stats();
    expect(commits).toBe(100);
    expect(batches).toBeGreaterThan(0);
    expect(batches).toBeLessThan(10);
    await store.close();
    const again = await openJournalStore({ file });
    expect(again.table('accounts').size).toBe(100);
    await again.close();
  });

  it('resolves a commit with nothing to write at once, and refuses commits after close', async () => {
    const store = await openJournalStore({ file });
    await store.commit();
    expect(store.stats().batches).toBe(0);
    await store.close();
    await expect(store.commit()).rejects.toThrow(/closed/);
  });

  it('builds indexes over recovered rows, after close and after a crash', async () => {
    const store = await openJournalStore({ file });
    abandoned.push(store);
    const accounts = store.table<Account>('accounts');
    for (let i = 0; i < 9; i++) accounts.set(`a${i}`, account(i));
    accounts.delete('a0');
    await store.commit();

    const crashed = await openJournalStore({ file });
    const byRegion = crashed.table<Account>('accounts').index('region', (a) => a.region);
    expect(byRegion.lookup('region', 'r0').map((a) => a.id).sort()).toEqual(['a3', 'a6']);
    byRegion.set('a3', { ...account(3), region: 'r1' });
    expect(byRegion.lookup('region', 'r0').map((a) => a.id)).toEqual(['a6']);
    await crashed.close();

    const closed = await openJournalStore({ file });
    const again = closed.table<Account>('accounts').index('region', (a) => a.region);
    expect(again.lookup('region', 'r1').map((a) => a.id).sort()).toEqual(['a1', 'a3', 'a4', 'a7']);
    await closed.close();
  });
});
