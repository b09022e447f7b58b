import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openJournalStore } from '../../store';
import { nextApplicant } from '../../../test/harness';
import { spawnServer } from '../../../test/spawn-server';

let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'bad-rows-')); });
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('a store file with a row of the wrong shape', () => {
  it('is refused at start, naming the table, the row and the field, instead of answering 500 later', async () => {
    const db = join(dir, 'portal.json');
    const store = await openJournalStore({ file: db });
    const a = nextApplicant();
    // An account as a hand edit might leave it: no real-name record.
    store.table('accounts').set(a.idNumber, { idType: a.idType, idNumber: a.idNumber, name: a.name, idValidFrom: a.idValidFrom, idValidTo: a.idValidTo, passwordHash: 'x', email: a.email, phone: a.phone, registeredAt: 0, wechatBound: false, profile: null });
    await store.close();
    await expect(spawnServer(['--db', db, '--clock', 'settable'])).rejects.toThrow(`${db}: table accounts, row "${a.idNumber}": realName:`);
  });
});
