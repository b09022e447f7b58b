import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { iso, rulesHash } from '../../rules';
import { spawnStub, type StubProcess } from '../../stub-server/spawn';
import { HttpClient } from '../clients';
import { scenarioPeriod, type Transport, type TransportFactory } from '../runner';
import { MeasuredTiming } from './measured-timing';
import { pacedDrive, Waker, type PacedResult } from './paced-drive';
import { syncServerTime } from './server-time';
import { TimedClient } from './timed-client';
import { healthProbe, Watchdog } from './watchdog';
import { WireStats } from './wire-stats';

export interface HttpRunOptions {
  /** A server implementing API.md, on a clock scaled by `timeScale`; without it the stub is started here. */
  target?: string;
  /** One real second is this many simulated seconds (the server's `--clock scaled:N`). */
  timeScale: number;
  /** The target's admin token (back-office decisions, seeding, reading codes from the outbox). */
  adminToken?: string;
  /** A call without an answer after this many real ms counts as a timeout. */
  timeoutMs?: number;
  /** Told where the self-started stub listens. */
  onStub?: (url: string) => void;
  /** Told what may make this run differ from life (a time scale that squeezes the captcha's lifetime). */
  onWarning?: (message: string) => void;
}

/** A captcha is fetched, solved and used in three round trips: each gets under a quarter of its lifetime. */
const CAPTCHA_ROUND_TRIPS = 4;
/** Below this many real ms a round trip, a loaded server's answers expire captchas (×3600 leaves 8.3 ms: measured fine). */
const MIN_ROUND_TRIP_MS = 5;

/** Real seconds between starting the stub and the window opening: the stub's boot and the clock sync. */
const LEAD_SECONDS = 4;

/**
 * A run over real HTTP: the scenario's applicants and back office against a server on a scaled
 * clock, each call's latency measured on the wire, in an open model. Not bit-exact: the
 * server's clock moves while requests fly, so answers land at slightly different instants.
 */
export const httpTransport = (options: HttpRunOptions): TransportFactory => async ({ sim, rules, scenario }): Promise<Transport> => {
  const scale = options.timeScale;
  if (!(scale > 0)) throw new Error(`--time-scale must be a positive number, not ${scale}`);
  const { start, end } = scenarioPeriod(scenario, rules.time.utcOffsetMinutes);
  const perRoundTrip = (rules.captcha.lifetimeSeconds * 1000) / scale / CAPTCHA_ROUND_TRIPS;
  if (perRoundTrip < MIN_ROUND_TRIP_MS) {
    options.onWarning?.(`at ×${scale} a captcha's ${rules.captcha.lifetimeSeconds} s are ${(perRoundTrip * CAPTCHA_ROUND_TRIPS).toFixed(0)} real ms: round trips slower than ${perRoundTrip.toFixed(1)} ms will expire captchas that would not expire in life (lower --time-scale)`);
  }
  let stub: StubProcess | undefined;
  let scratch: string | undefined;
  const adminToken = options.target ? options.adminToken ?? '' : randomBytes(18).toString('base64url');
  let target = options.target?.replace(/\/+$/, '');
  if (!target) {
    // The stub runs the run's own rules, and its clock reaches the window's opening a few real seconds from now.
    scratch = await mkdtemp(join(tmpdir(), 'jszg-http-run-'));
    const rulesFile = join(scratch, 'rules.json');
    await writeFile(rulesFile, JSON.stringify(rules));
    const clockStart = iso(start - LEAD_SECONDS * 1000 * scale, rules.time.utcOffsetMinutes);
    stub = await spawnStub(['--memory', '--clock', `scaled:${scale}`, '--clock-start', clockStart, '--rules', rulesFile], adminToken);
    target = stub.url;
    options.onStub?.(target);
  }
  const http = new HttpClient(target, adminToken, options.timeoutMs ?? 30_000);
  const closeAll = async () => {
    await http.close();
    await stub?.stop();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  };
  let time;
  try {
    time = await syncServerTime(http, scale);
  } catch (error) {
    await closeAll();
    throw error;
  }
  if (time.now() >= end) {
    await closeAll();
    throw new Error(`the server's clock (${iso(time.now(), rules.time.utcOffsetMinutes)}) is past the scenario's end (${iso(end, rules.time.utcOffsetMinutes)}): start it with --clock-start ${iso(start, rules.time.utcOffsetMinutes)}`);
  }
  const lateStartHours = Math.max(0, time.now() - start) / 3_600_000;
  const serverNow = () => Math.max(time.now(), sim.now());
  const wire = new WireStats();
  const waker = new Waker();
  const watchdog = new Watchdog(wire, healthProbe(target), target);
  let paced: PacedResult | undefined;
  let closed = false;

  return {
    client: new TimedClient(http, wire, serverNow),
    timing: new MeasuredTiming(),
    resume: (then) => {
      if (closed) return;
      sim.scheduleAt(serverNow(), then);
      waker.kick();
    },
    drive: async ({ sim: s, end: until, work, tick, signal }) => {
      paced = await pacedDrive({ sim: s, end: until, work, tick, time, waker, watchdog, signal });
      // Answers still in flight at the end (or after the server died) are not waited for long.
      closed = true;
      if (!paced.aborted) await Promise.race([work.drain(), new Promise((resolve) => setTimeout(resolve, options.timeoutMs ?? 30_000).unref())]);
    },
    forget: () => {},
    report: () => ({
      kind: 'http',
      target: stub ? 'stub started by the run' : target,
      timeScale: scale,
      rulesHash: stub ? rulesHash(rules) : 'the target\'s own',
      lateStartHours: Math.round(lateStartHours * 100) / 100,
      wire: wire.toJSON(),
      generatorLagMs: paced?.lagMs ?? { max: 0, mean: 0 },
      ...(paced?.aborted ? { aborted: { at: iso(paced.aborted.at, rules.time.utcOffsetMinutes), reason: paced.aborted.reason, lastError: paced.aborted.lastError, serverStderr: stub?.stderr().slice(-2000) ?? '' } } : {}),
    }),
    close: async () => {
      closed = true;
      await closeAll();
    },
  };
};
