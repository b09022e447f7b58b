import { randomBytes } from 'node:crypto';
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
  const store = options.memory ? createMemoryStore() : await openJournalStore({ file: options.db });
  const adminToken = options.adminToken ?? randomBytes(16).toString('hex');
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${options.port} is not a port number`);
  const running = await startServer({
    rules, clock, store, adminToken, port, host: options.host, faults, sweepEveryMs: 1000 * (positiveNumber('--sweep-seconds', options.sweepSeconds) ?? 60),
    log: (line) => console.error(line),
  }).catch((error: unknown) => {
    // The store's rows are checked as the portal opens them: say which file they came from.
    throw error instanceof RowShapeError && !options.memory ? new Error(`${options.db}: ${error.message}`) : error;
  });
  if (options.demo) await loadDemoData(running.portal);
  await store.commit();
  console.log(`jszg-sim stub listening on ${running.url}`);
  console.log(`  store: ${options.memory ? 'memory' : options.db}   clock: ${options.clock}   rules: ${options.rules ?? 'defaults'} (${rulesHash(rules)})`);
  if (options.faults) console.log(`  faults: ${options.faults} (getFaults / setFaults at /admin/faults)`);
  console.log(`  admin token: ${options.adminToken ? '(as given)' : adminToken}`);
  console.log(`  OpenAPI: ${running.url}/openapi.json   health: ${running.url}/healthz`);
  // A store that cannot be compacted at shutdown (a full disk) ends with one line and exit 1:
  // its journal is left as it was, and the next start replays it.
  const stop = () => running.close().then(() => process.exit(0), (error: unknown) => {
    console.error(`jszg-sim: the store could not be compacted at shutdown (${error instanceof Error ? error.message : String(error)}); `
      + `every acknowledged change is still in the journal beside ${options.db}, and the next start replays it`);
    process.exit(1);
  });
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return running;
}
