import { randomBytes } from 'node:crypto';
import { readdir, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { defaultRules, loadRulesFile, rulesHash } from '../rules';
import { UsageError } from './exit-codes';
import { startServer, type RunningServer } from '../stub-server/http';
import { clockFromSpec, RowShapeError } from '../stub-server/portal';
import { loadDemoData } from '../stub-server/portal/demo';
import { createMemoryStore, openJournalStore } from '../stub-server/store';
import { loadFaultsFile } from '../stub-server/portal';
import { positiveNumber } from './options';

export interface ServeOptions {
  port: string;
  host: string;
  db: string;
  memory?: boolean;
  clock: string;
  clockStart?: string;
  adminToken?: string;
  rules?: string;
  faults?: string;
  demo?: boolean;
  sweepSeconds?: string;
}

/** `jszg-sim serve`: the stub on a port, until SIGINT/SIGTERM (which compacts the store). */
export async function serve(options: ServeOptions): Promise<RunningServer> {
  const rules = options.rules ? await loadRulesFile(options.rules) : defaultRules;
  const faults = options.faults ? await loadFaultsFile(options.faults) : undefined;
  const start = options.clockStart ? Date.parse(options.clockStart) : undefined;
  if (start !== undefined && Number.isNaN(start)) throw new UsageError(`--clock-start "${options.clockStart}" is not an ISO 8601 moment`);
  const clock = clockFromSpec(options.clock, start);
  const before = options.memory ? undefined : await storeFiles(options.db);
  const store = options.memory ? createMemoryStore() : await openJournalStore({ file: options.db });
  const adminToken = options.adminToken ?? randomBytes(16).toString('hex');
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${options.port} is not a port number`);
  const running = await startServer({
    rules, clock, store, adminToken, port, host: options.host, faults, sweepEveryMs: 1000 * (positiveNumber('--sweep-seconds', options.sweepSeconds) ?? 60),
    log: (line) => console.error(line),
  }).catch(async (error: unknown) => {
    // A start that fails (the port taken) leaves no file behind that was not there before.
    await store.close().catch(() => {});
    if (before) await removeCreated(options.db, before);
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`${options.host}:${port} is taken (EADDRINUSE): stop what listens there, or choose another --port (0 picks a free one)`);
    }
    // The store's rows are checked as the portal opens them: say which file they came from.
    throw error instanceof RowShapeError && !options.memory ? new Error(`${options.db}: ${error.message}`) : error;
  });
  const demo = options.demo ? await loadDemoData(running.portal) : undefined;
  await store.commit();
  console.log(`jszg-sim stub listening on ${running.url}`);
  console.log(`  store: ${options.memory ? 'memory' : options.db}   clock: ${options.clock}   rules: ${options.rules ?? 'defaults'} (${rulesHash(rules)})`);
  if (options.faults) console.log(`  faults: ${options.faults} (getFaults / setFaults at /admin/faults)`);
  console.log(`  admin token: ${options.adminToken ? '(as given)' : adminToken}`);
  console.log(`  OpenAPI: ${running.url}/openapi.json   health: ${running.url}/healthz`);
  if (demo) {
    const today = running.portal.ctx.dateOf(clock.now());
    const { from, to } = demo.windows;
    // Outside its windows the demo shows no window to apply in: say when they are, and how to get there.
    if (today < from || today > to) {
      console.log(`  demo: its registration windows run ${from} – ${to}; today (${today}) none is open: start with --clock settable --clock-start ${from}T09:00:00+08:00`);
    } else console.log(`  demo: registration windows ${from} – ${to}`);
  }
  // A store that cannot be compacted at shutdown (a full disk) ends with one line and exit 1:
  // its journal is left as it was, and the next start replays it.
  const stop = () => running.close().then(() => process.exit(0), (error: unknown) => {
    console.error(`jszg-sim: the store could not be compacted at shutdown (${error instanceof Error ? error.message : String(error)}); `
      + `every acknowledged change is still in the journal beside ${options.db}, and the next start replays it`);
    process.exit(1);
  });
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.once('SIGHUP', stop);
  // Started by `npm run serve`: npm killed (not only Ctrl-C, which reaches us too) stops the server,
  // which is then left with another parent.
  if (process.env.npm_lifecycle_event) {
    const parent = process.ppid;
    setInterval(() => { if (process.ppid !== parent) void stop(); }, 500).unref();
  }
  return running;
}

/** What of the store is on disk before it opens: its folder, if any, and the files of `db` in it. */
async function storeFiles(db: string): Promise<{ folder: boolean; files: Set<string> }> {
  const names = await readdir(dirname(db)).catch(() => undefined);
  return { folder: names !== undefined, files: new Set((names ?? []).filter((n) => n.startsWith(basename(db)))) };
}

/** Removes what opening the store at `db` created: new files of it, and its folder if it was new. */
async function removeCreated(db: string, before: { folder: boolean; files: Set<string> }): Promise<void> {
  const now = await storeFiles(db);
  for (const name of now.files) if (!before.files.has(name)) await rm(join(dirname(db), name), { force: true });
  if (!before.folder) await rmdir(dirname(db)).catch(() => {});
}
