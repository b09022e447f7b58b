/**
 * What bench:windows watches in a run, recorded by hooks on the simulator's prototypes: every
 * event's time, every step's calls, the calls a shard could not answer alone (the school calls
 * among them, and the daily desks' rounds), and the servers' admissions. Each hook passes every
 * argument on as it came and returns what the original returns, so the watched run is the run
 * `jszg-sim run` makes (test/watch.test.ts holds it to that): one argument dropped would measure
 * another run.
 */
import { Simulation } from '../../sim/engine';
import { ApplicationServers } from '../../sim/capacity';
import { JourneyDriver } from '../../sim/runner/journey-driver';
import { ModelledTiming } from '../../sim/runner/timing';
import { StepClient } from '../../sim/runner/step-client';
import { InProcessClient, type PortalAnswer } from '../../sim/clients';
import type { StepTrace } from './admission-rounds';
import type { ServedCall } from './server-budgets';
import type { BackendUse } from './backend-shares';
import type { SchoolCall } from './school-calls';

export interface Watched {
  /** Every event's virtual time, in the order they ran. */
  times: number[];
  steps: StepTrace[];
  /** Calls that read what other applicants did before them, so a sharded run must order them across shards. */
  ordered: { applicationNumbers: number; schoolSearches: number };
  /** The school searches and adds the portal answered (not refused on their input), in the run's order. */
  schoolCalls: SchoolCall[];
  /** The moments at which the daily desks (confirmation points, registration bodies) acted: their rounds. */
  deskRounds: Set<number>;
  /** When a call did not find a server free (it waited, or the backlog was full). */
  queued: number[];
  /** When a call outlasted the gateway's limit: its server stays busy after the applicant had the 504. */
  timedOut: number[];
  /** Every call that took a server, with its service (the server whose free time moved). */
  served: ServedCall[];
  /** Every use of a backend's hourly throughput: an SMS sent, a registry check made. */
  backendUses: { smsGateway: BackendUse[]; registry: BackendUse[] };
  /** Takes the hooks off. */
  stop(): void;
}

/** What the daily desks do to an application at their rounds (sim/runner/back-office.ts). */
const DESK_OPS = new Set(['confirmOnSite', 'postRegistrationMessage', 'decideRegistration', 'revertToPending']);

export function watchRuns(): Watched {
  const watched: Omit<Watched, 'stop'> = { times: [], steps: [], ordered: { applicationNumbers: 0, schoolSearches: 0 }, schoolCalls: [], deskRounds: new Set(), queued: [], timedOut: [], served: [], backendUses: { smsGateway: [], registry: [] } };
  const sim = Simulation.prototype as unknown as { fire: () => boolean };
  const driver = JourneyDriver.prototype as unknown as { answered: (live: { record: { index: number } }, ...rest: unknown[]) => void };
  const client = StepClient.prototype as unknown as { call: (this: { order: number; sendAt: number }, ...args: unknown[]) => unknown };
  const { fire } = sim;
  const { answered } = driver;
  const { call } = client;
  const portalCall = InProcessClient.prototype.call;
  const { settle } = ModelledTiming.prototype;
  const { admit } = ApplicationServers.prototype;

  // Whose call is being admitted (a step's client knows its applicant: its order is index + 1),
  // and whose step's calls are being settled (the driver's `answered`, which settles them).
  let applicant = -1;
  let answering = -1;
  // When the call going in now was sent (a step's client knows it): the portal sees it then.
  let sending = 0;
  // The running simulation, for the moment of the back office's calls (made from its own events).
  let running: Simulation | undefined;
  // Every event passes through `fire`; the clock's value after it is the event's time.
  sim.fire = function (this: Simulation) {
    running = this;
    const fired = fire.call(this);
    if (fired) watched.times.push(this.now());
    return fired;
  };
  ModelledTiming.prototype.settle = function (this: ModelledTiming, ...args: Parameters<typeof settle>) {
    const [calls, start] = args;
    const step: { sentAt: number; answeredAt: number }[] = [];
    let elapsed = 0;
    for (const { op, answer } of calls) {
      // When the call was sent, as ModelledTiming.settle reckons it.
      const sentAt = answer.sentAt ?? start + elapsed;
      elapsed += answer.latencyMs ?? 0;
      step.push({ sentAt, answeredAt: sentAt + (answer.latencyMs ?? 0) });
      // A number issued (in time order); a search of the schools others add.
      if (op === 'submitRegistration' && answer.status === 201) watched.ordered.applicationNumbers += 1;
      if (op === 'searchSchools') watched.ordered.schoolSearches += 1;
      // What the backends count: a 200, at the moment it was sent.
      const backend = op === 'requestSmsCode' ? 'smsGateway' : op === 'verifyRealName' ? 'registry' : undefined;
      if (backend && answer.status === 200) watched.backendUses[backend].push({ applicant: answering, at: sentAt });
    }
    if (step.length > 0) watched.steps.push({ applicant: answering, calls: step });
    return settle.apply(this, args);
  };
  driver.answered = function (this: JourneyDriver, ...args: Parameters<typeof answered>) {
    answering = args[0].record.index;
    answered.apply(this, args);
  };
  client.call = function (this: { order: number; sendAt: number }, ...args: unknown[]) {
    applicant = this.order - 1;
    sending = this.sendAt;
    return call.apply(this, args);
  };
  InProcessClient.prototype.call = function (this: InProcessClient, ...args: Parameters<typeof portalCall>) {
    const answer = portalCall.apply(this, args);
    const [op, input] = args as [string, { q?: string; name?: string }];
    if (op === 'searchSchools' || op === 'addSchool') {
      // In process the portal answers at once: what it found is what it had at this moment.
      const { status, body } = answer as PortalAnswer;
      if (op === 'searchSchools' && status === 200) watched.schoolCalls.push({ kind: 'search', at: sending, q: input.q!, found: (body as { name: string }[]).map((s) => s.name) });
      if (op === 'addSchool' && (status === 201 || status === 409)) watched.schoolCalls.push({ kind: 'add', at: sending, name: input.name! });
    }
    if (DESK_OPS.has(op) && running) watched.deskRounds.add(running.now());
    return answer;
  };
  ApplicationServers.prototype.admit = function (this: ApplicationServers, ...args: Parameters<typeof admit>) {
    const now = args[1];
    const { waited, busy } = this.stats;
    const freeAt = (this as unknown as { freeAt: Float64Array }).freeAt;
    const before = Float64Array.from(freeAt);
    const admission = admit.apply(this, args);
    if (this.stats.waited !== waited || this.stats.busy !== busy) watched.queued.push(now);
    if (admission.status === 'timeout') watched.timedOut.push(now);
    const k = freeAt.findIndex((t, i) => t !== before[i]);
    if (k >= 0) watched.served.push({ applicant, start: Math.max(now, before[k]!), end: freeAt[k]! });
    return admission;
  };

  return {
    ...watched,
    stop() {
      sim.fire = fire;
      driver.answered = answered;
      client.call = call;
      InProcessClient.prototype.call = portalCall;
      ModelledTiming.prototype.settle = settle;
      ApplicationServers.prototype.admit = admit;
    },
  };
}
