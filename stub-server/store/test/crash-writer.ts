/**
 * Child process for crash.test.ts: `node --import tsx crash-writer.ts <file> <round>`.
 * Opens the journal store (recovering whatever the last SIGKILL left), prints `open`, then
 * four concurrent writers loop forever: set a key, await commit, print `+key`; now and then
 * print `~key`, delete that earlier key, await commit, print `-key`. `+`/`-` lines are
 * acknowledgements.
 */
import { openJournalStore } from '../journal-store';

const [file, round] = process.argv.slice(2);
if (!file || !round) throw new Error('usage: crash-writer.ts <file> <round>');

// Small threshold so kills also land during compaction.
const store = await openJournalStore({ file, compactAfterBytes: 32 * 1024 });
const keys = store.table<{ key: string; pad: string }>('keys');
const out = (line: string) => process.stdout.write(`${line}\n`);
out('open');

async function writer(w: number): Promise<never> {
  for (let i = 0; ; i++) {
    const key = `r${round}-w${w}-${i}`;
    keys.set(key, { key, pad: key.padEnd(300, '.') });
    await store.commit();
    out(`+${key}`);
    if (i % 7 === 6) {
      const victim = `r${round}-w${w}-${i - 3}`;
      out(`~${victim}`); // about to delete: absent or present are both fine until `-` is printed
      keys.delete(victim);
      await store.commit();
      out(`-${victim}`);
    }
  }
}

await Promise.all([0, 1, 2, 3].map(writer));
