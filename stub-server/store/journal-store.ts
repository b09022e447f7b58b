import { mkdir, open, readdir, readFile, truncate, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { Tables, type Store } from './store';
import type { Change } from './table';

export interface JournalStoreOptions {
  /** The lowdb snapshot file; journal segments sit beside it as `${file}.journal.${n}`. */
  file: string;
  /** Compact once the current journal segment grows past this many bytes (default 64 MiB). */
  compactAfterBytes?: number;
  /** fdatasync every batch before acknowledging it (default true). Off only for throwaway data. */
  fsync?: boolean;
  /** Where the open says what it repaired (a torn last line cut); default stderr. */
  log?: (line: string) => void;
}

const FORMAT = 'jszg-sim/1';
interface Snapshot { format: string; seq: number; tables: Record<string, Record<string, unknown>> }
/** One journal line: `{"s":seq,"t":table,"k":key,"v":value}`, no `v` for a delete. */
interface Entry extends Change { s: number }
/** A change not yet durable, with the row it replaced (`o`, not journaled) to roll it back. */
interface PendingEntry extends Entry { o: unknown }
interface SegmentInfo { n: number; bytes: number }
interface Segment extends SegmentInfo { handle: FileHandle; busy: Promise<unknown> }
interface Waiter { seq: number; resolve: () => void; reject: (err: unknown) => void }

/**
 * A durable store: state lives in memory; each commit batch is appended to a journal and
 * fdatasync'ed before any of its commits resolve (group commit: one write in flight, everything
 * changed meanwhile rides the next one). The journal is folded into the lowdb file in the
 * background, so request cost does not grow with the data; lowdb's temp-file + rename keeps
 * the snapshot whole, and old segments are deleted only once the snapshot is on disk.
 */
export async function openJournalStore(options: JournalStoreOptions): Promise<Store> {
  const { file } = options;
  const dir = dirname(file);
  const limit = options.compactAfterBytes ?? 64 * 1024 * 1024;
  const sync = options.fsync ?? true;
  const segPath = (n: number) => `${file}.journal.${n}`;

  let lastSeq = 0;
  let pending: PendingEntry[] = [];
  const tables = new Tables((c, old) => { pending.push({ s: ++lastSeq, t: c.t, k: c.k, v: c.v, o: old }); });

  await mkdir(dir, { recursive: true });
  // Built by hand: JSONFilePreset swaps in an in-memory adapter under NODE_ENV=test.
  const db = new Low<Snapshot>(new JSONFile<Snapshot>(file), { format: FORMAT, seq: 0, tables: {} });
  await db.read();
  if (db.data?.format !== FORMAT || !Number.isSafeInteger(db.data.seq)) {
    throw new Error(`${file}: not a ${FORMAT} snapshot`);
  }
  tables.load(db.data.tables ?? {});
  const found = await replay(file, tables, db.data.seq);
  lastSeq = found.seq;
  if (found.cut) (options.log ?? ((line) => process.stderr.write(`${line}\n`)))(`${found.cut}: cut a torn last line (a write never acknowledged)`);

  // Append to the newest segment (its torn tail, if any, was cut); the others await compaction.
  const retired: SegmentInfo[] = found.segments.slice(0, -1);
  const newest = found.segments.at(-1);
  let cur = await openSegment(newest?.n ?? 1, newest?.bytes ?? 0);

  let durableSeq = lastSeq;
  let pumping: Promise<void> | undefined;
  let compacting: Promise<void> | undefined;
  let closing: Promise<void> | undefined;
  let closed = false;
  let broken: unknown; // the journal could not be repaired after a failed write: refuse commits
  let epoch = 0; // rollbacks so far (Store.epoch)
  let inFlight: PendingEntry[] = []; // the batch being written
  let degraded = false; // the last write failed, and none has succeeded since
  const waiters: Waiter[] = [];
  const counts = { commits: 0, batches: 0, compactions: 0, compactionFailures: 0 };

  async function openSegment(n: number, bytes: number): Promise<Segment> {
    const handle = await open(segPath(n), 'a');
    if (sync && bytes === 0) await syncPath(dir); // make the new name itself durable
    return { n, bytes, handle, busy: Promise.resolve() };
  }

  /** Resolves or rejects, in order, every waiter whose changes are all at or below `upTo`. */
  function settle(upTo: number, fn: (w: Waiter) => void): void {
    let i = 0;
    while (i < waiters.length && waiters[i]!.seq <= upTo) i++;
    for (const w of waiters.splice(0, i)) fn(w);
  }

  async function append(seg: Segment, batch: PendingEntry[]): Promise<void> {
    try {
      // Serialized now, not at set(): rows are replaced, never mutated, so this is what was set.
      const buf = Buffer.from(batch.map((e) => JSON.stringify({ s: e.s, t: e.t, k: e.k, v: e.v })).join('\n') + '\n');
      for (let off = 0; off < buf.length; ) off += (await seg.handle.write(buf, off)).bytesWritten;
      if (sync) await seg.handle.datasync();
      seg.bytes += buf.length;
    } catch (err) {
      // Cut the partial batch so no torn line ever sits before a good one; it is retried next time.
      await seg.handle.truncate(seg.bytes).catch((e: unknown) => { broken = e; });
      throw err;
    }
  }

  async function run(): Promise<void> {
    while (waiters.length > 0) {
      if (broken !== undefined) return settle(Infinity, (w) => w.reject(broken));
      const batch = pending;
      pending = [];
      // Nothing pending at the loop top means everything up to lastSeq is durable.
      if (batch.length === 0) { settle(durableSeq, (w) => w.resolve()); continue; }
      const upTo = batch.at(-1)!.s;
      const seg = cur;
      inFlight = batch;
      const write = append(seg, batch);
      seg.busy = write.catch(() => {});
      try {
        await write;
        durableSeq = upTo;
        degraded = false;
        counts.batches++;
        settle(upTo, (w) => w.resolve());
      } catch (err) {
        rollBack(batch.concat(pending));
        settle(Infinity, (w) => w.reject(err));
      }
      inFlight = [];
      if (!closed && !compacting && cur.bytes > limit) {
        // Off the request path: commits keep flowing into the new segment meanwhile.
        compacting = compact(false)
          .catch(() => { counts.compactionFailures++; })
          .finally(() => { compacting = undefined; });
      }
    }
  }

  /**
   * Undoes every change not yet durable, newest first, so memory holds only what the journal
   * does: a refused write leaves nothing behind that a restart would not have. Their callers are
   * answered 503; one that changed something but has not committed yet finds `epoch` moved.
   */
  function rollBack(entries: PendingEntry[]): void {
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i]!;
      tables.get(e.t).apply({ t: e.t, k: e.k, v: e.o });
    }
    pending = [];
    lastSeq = durableSeq; // the journal's sequence stays gapless
    epoch++;
    degraded = true;
  }

  /** A degraded store's own small write (a probe file, written, synced and removed): recovered when it succeeds. */
  async function probe(): Promise<void> {
    const path = `${file}.probe`;
    try {
      const handle = await open(path, 'w');
      try { await handle.write('probe'); if (sync) await handle.datasync(); } finally { await handle.close(); }
      await unlink(path);
      degraded = false;
    } catch {
      await unlink(path).catch(() => {});
    }
  }

  function pump(): void {
    // Re-check after finishing: a waiter may have arrived between the loop's end and here.
    pumping ??= run().finally(() => { pumping = undefined; if (waiters.length > 0) pump(); });
  }

  /** Folds every segment up to the current one into the lowdb file, then deletes them. */
  async function compact(final: boolean): Promise<void> {
    const old = cur;
    if (!final) {
      cur = await openSegment(old.n + 1, 0);
      retired.push(old);
    }
    await old.busy; // a batch may still be writing to it
    await old.handle.close();
    // In the background, only what is durable: the changes still being written or pending are
    // taken out of the copy (a write that then fails rolls them back). At close, everything.
    const notDurable = final ? [] : inFlight.concat(pending);
    const data = tables.snapshot();
    for (let i = notDurable.length - 1; i >= 0; i--) {
      const e = notDurable[i]!;
      const rows = (data[e.t] ??= {});
      if (e.o === undefined) delete rows[e.k];
      else rows[e.k] = e.o;
    }
    db.data = { format: FORMAT, seq: final ? lastSeq : durableSeq, tables: data };
    await db.write();
    if (sync) { await syncPath(file); await syncPath(dir); }
    const done = retired.splice(0);
    if (final) { done.push({ n: old.n, bytes: old.bytes }); old.bytes = 0; }
    // Stale segments left by a failed unlink only hold lines the snapshot covers.
    await Promise.all(done.map((s) => unlink(segPath(s.n)).catch(() => {})));
    counts.compactions++;
  }

  return {
    table: (name) => tables.get(name),
    get epoch() { return epoch; },
    commit(since?: number): Promise<void> {
      counts.commits++;
      if (closed) return Promise.reject(new Error(`${file}: store is closed`));
      if (since !== undefined && since !== epoch) return Promise.reject(new Error(`${file}: a write failed, and the changes since were rolled back`));
      if (durableSeq >= lastSeq) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        waiters.push({ seq: lastSeq, resolve, reject });
        pump();
      });
    },
    async health() {
      if (degraded && broken === undefined && pending.length === 0 && !pumping) await probe();
      return degraded || broken !== undefined ? 'degraded' : 'ok';
    },
    close(): Promise<void> {
      closing ??= (async () => {
        closed = true;
        while (pumping) await pumping;
        while (compacting) await compacting;
        await compact(true); // the next open reads just the lowdb file
      })();
      return closing;
    },
    stats: () => {
      let rows = 0;
      for (const table of tables.all().values()) rows += table.size;
      const journalBytes = retired.reduce((sum, s) => sum + s.bytes, cur.bytes);
      return { tables: tables.all().size, rows, seq: lastSeq, journalBytes, compacting: compacting ? 1 : 0, ...counts };
    },
  };
}

/**
 * Replays journal lines newer than the snapshot. Only the journal's very last line may be
 * unreadable, and only when it lacks its newline (a batch torn by a crash before its fsync, so
 * never acknowledged); it is cut off so later appends start on a clean line. The open refuses,
 * naming the file and line, a complete line that is not an entry, and entries that do not
 * continue the snapshot's sequence one by one (a snapshot deleted or replaced by an older one).
 */
async function replay(file: string, tables: Tables, fromSeq: number): Promise<{ seq: number; segments: SegmentInfo[]; cut?: string }> {
  const prefix = `${basename(file)}.journal.`;
  const ns = (await readdir(dirname(file)))
    .filter((name) => name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length)))
    .map((name) => Number(name.slice(prefix.length)))
    .sort((a, b) => a - b);
  let seq = fromSeq;
  let next = fromSeq + 1;
  let torn: { segment: SegmentInfo; at: number; line: number } | undefined;
  const segments: SegmentInfo[] = [];
  for (const n of ns) {
    const buf = await readFile(`${file}.journal.${n}`);
    const segment = { n, bytes: buf.length };
    segments.push(segment);
    for (let at = 0, line = 1; at < buf.length; line++) {
      if (torn) throw new Error(`${file}.journal.${torn.segment.n}:${torn.line}: unreadable journal line`);
      const nl = buf.indexOf(0x0a, at);
      const end = nl < 0 ? buf.length : nl;
      // A line without its newline was cut mid-write, whatever it parses as.
      const entry = nl < 0 ? undefined : parseEntry(buf.toString('utf8', at, end));
      const where = `${file}.journal.${n}:${line}`;
      if (nl < 0) torn = { segment, at, line };
      else if (!entry) throw new Error(`${where}: a complete journal line is corrupt; refusing to start (restore the file, or move it away to lose what it holds)`);
      else if (entry.s > fromSeq) {
        if (entry.s !== next) {
          throw new Error(`${where}: journal entry ${entry.s} does not continue the snapshot ${file} (sequence ${fromSeq}, so ${next} was due next); `
            + 'refusing to start: was the snapshot deleted or replaced by an older one?');
        }
        next += 1;
        tables.get(entry.t).apply(entry);
        seq = entry.s;
      }
      at = end + 1;
    }
  }
  if (!torn) return { seq, segments };
  await truncate(`${file}.journal.${torn.segment.n}`, torn.at);
  torn.segment.bytes = torn.at;
  return { seq, segments, cut: `${file}.journal.${torn.segment.n}:${torn.line}` };
}

function parseEntry(text: string): Entry | undefined {
  try {
    const e = JSON.parse(text) as Entry | null;
    const ok = typeof e === 'object' && e !== null && Number.isSafeInteger(e.s) && typeof e.t === 'string' && typeof e.k === 'string';
    return ok ? e : undefined;
  } catch {
    return undefined;
  }
}

/** fsync a file or directory (a directory's fsync makes renames, creations and deletions durable). */
async function syncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try { await handle.sync(); } finally { await handle.close(); }
}
