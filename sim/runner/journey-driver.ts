import { createActor, type Actor, type AnyActorRef, type AnyStateNode, type StateValue, type Subscription } from 'xstate';
import type { MaybePromise } from '../../stub-server/portal';
import { journeyMachine, seen, UNAVAILABLE, type JourneyContext, type Milestone, type Page } from '../../machines';
import { nextLocalMidnight, type Rules } from '../../rules';
import { perform, type ApplicantRecord, type ApplicantSession, type Call, type Variant } from '../applicant';
import type { PortalClient } from '../clients';
import type { Simulation, VirtualClock, XStateClock } from '../engine';
import { sample, type Rng } from '../random';
import type { PortalTiming } from './timing';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** What the driver tells the run about an applicant. */
export interface JourneyObserver {
  milestone(name: Milestone, now: number): void;
  /** Every portal call of a step, with the latency the capacity model gave it. */
  call(call: Call, latencyMs: number, at: number, session: ApplicantSession): void;
  /** A step refused before the portal ran it (the SMS gateway was full). */
  refused(code: string, at: number): void;
  finished(state: string, context: JourneyContext, record: ApplicantRecord): void;
}

type JourneyActor = Actor<typeof journeyMachine>;

interface Live {
  record: ApplicantRecord;
  session: ApplicantSession;
  rng: Rng;
  /** None while asleep (see `sleep`): nothing then keeps the stopped actor alive. */
  actor: JourneyActor | null;
  subscription: Subscription | null;
  /** Set when a delay of days was asked for: the actor is entering a wait that ends then. */
  wakeAt?: number;
  /** The milestones reached so far, a bit each (MILESTONE_BIT). */
  reached: number;
}

/** The funnel counts applicants: a milestone reached again (an application sent back and confirmed anew) counts once. */
const MILESTONE_BIT: Record<Milestone, number> = { arrived: 1, registered: 2, verified: 4, submitted: 8, confirmed: 16, approved: 32 };

/**
 * Runs applicants' journeys in virtual time: one actor of the journey machine each, its
 * `request`s performed at the portal after the persona's think time, answered after the
 * latency the portal's timing gives (modelled or measured), its `after` delays on the simulation's clock.
 * Finished applicants are dropped at once and those waiting days sleep without an actor
 * (`sleep`), so memory follows the applicants doing something.
 */
export class JourneyDriver {
  private readonly live = new Map<AnyActorRef, Live>();
  /** Applicants waiting days with no actor (see `sleep`). */
  private sleeping = 0;
  private readonly machine;
  /** The journey's plain waits by their path in the machine: the event that ends each. */
  private readonly waits: Map<string, string>;
  /** Wall time spent inside XState's `start`, `send` and timers (benchmarks only; see `timed`). */
  xstateMs = 0;
  /** The actors' clock: the simulation's. When timed, what an actor's own timers set off (waits spent awake) counts as XState's time. */
  private readonly clock: XStateClock;

  constructor(private readonly deps: {
    sim: Simulation;
    clock: VirtualClock;
    client: PortalClient;
    timing: PortalTiming;
    rules: Rules;
    track: (work: MaybePromise<unknown>) => void;
    /** Runs what follows a portal answer at the instant it arrived (see Transport.resume). */
    resume: (then: () => void) => void;
    observer: JourneyObserver;
    /** Measure the wall time inside XState (npm run bench); off in ordinary runs. */
    timed?: boolean;
    /** Applicants beginning a wait of days sleep only while at least this many actors are live (see `sleep`). */
    liveActorLimit: number;
  }) {
    const { rules } = deps;
    this.machine = journeyMachine.provide({
      actions: {
        request: ({ self }, params) => this.request(self, params),
        view: ({ self }, params) => this.view(self, params),
        milestone: ({ self }, params) => this.reach(self, params.name),
      },
      delays: {
        untilTomorrow: ({ self }) => this.daysLater(self, 1),
        formDelay: rules.registration.formDelayMinutes * 60_000,
        nextCheck: ({ self, context }) => this.daysLater(self, context.persona.checkEveryDays),
        comeBackLater: ({ self }) => this.daysLater(self, 1),
        untilWindowOpens: ({ self }) => this.daysLater(self, 1),
      },
    });
    this.waits = new Map(waitStates(this.machine.root).map((w) => [w.path, w.ends]));
    const { clock } = deps;
    this.clock = deps.timed ? { setTimeout: (fn, ms) => clock.setTimeout(() => this.xstate(fn), ms), clearTimeout: (id) => clock.clearTimeout(id) } : clock;
  }

  /** Applicants in progress, awake or asleep. */
  get active(): number { return this.live.size + this.sleeping; }

  get asleep(): number { return this.sleeping; }

  /** The delay until `days` Beijing days from today, at an hour the applicant prefers (and a minute in it). */
  private daysLater(self: AnyActorRef, days: number): number {
    const now = this.deps.sim.now();
    const day = nextLocalMidnight(now, this.deps.rules.time.utcOffsetMinutes) + (days - 1) * DAY;
    const live = this.live.get(self);
    if (!live) return day - now;
    const hour = live.rng.weighted(live.record.persona.preferredHours);
    live.wakeAt = day + hour * HOUR + live.rng.int(60) * MINUTE;
    return live.wakeAt - now;
  }

  start(record: ApplicantRecord, rng: Rng): void {
    const actor = createActor(this.machine, { input: { persona: record.persona }, clock: this.clock });
    const live: Live = { record, session: { password: record.password, address: address(record.index) }, rng, actor: null, subscription: null, reached: 0 };
    this.attach(live, actor);
    this.xstate(() => actor.start());
    this.sleep(live);
  }

  private attach(live: Live, actor: JourneyActor): void {
    live.actor = actor;
    live.subscription = actor.subscribe({ complete: () => this.finish(live) });
    this.live.set(actor, live);
  }

  /**
   * An applicant who has just begun a wait of days (a decision, a new day's quota) keeps no
   * actor meanwhile: the actor's snapshot is persisted and the actor stopped, and when the wait
   * is over an actor restored from it takes the wait's own transition. Applicants waiting weeks
   * for the back office then cost a snapshot each, not a live actor (#4's memory budget).
   * Sleeping and waking cost time, though (a persisted snapshot, a restored actor), so it is
   * done only when many actors are live: below `liveActorLimit` the actor waits on its own timer.
   * Either way the applicant takes the same transition at the same moment.
   */
  private sleep(live: Live): void {
    const { wakeAt, actor } = live;
    live.wakeAt = undefined;
    if (wakeAt === undefined || !actor || this.live.size < this.deps.liveActorLimit) return;
    const snapshot = actor.getSnapshot();
    const ends = snapshot.status === 'active' ? this.waits.get(leafPath(snapshot.value)) : undefined;
    if (!ends) return;
    const persisted = actor.getPersistedSnapshot();
    live.subscription?.unsubscribe();
    this.live.delete(actor);
    actor.stop(); // cancels the wait's timer: the wake below replaces it
    live.actor = null;
    live.subscription = null;
    this.sleeping += 1;
    this.deps.sim.scheduleAt(wakeAt, () => {
      this.sleeping -= 1;
      const restored = createActor(this.machine, { snapshot: persisted, input: { persona: live.record.persona }, clock: this.clock });
      this.attach(live, restored);
      this.xstate(() => restored.start());
      // The delayed event XState would have raised (`xstate.after.<delay>.<state>`), named by the machine.
      this.send(live, { type: ends } as never);
    });
  }

  private xstate(fn: () => void): void {
    if (!this.deps.timed) return fn();
    const t = performance.now();
    fn();
    this.xstateMs += performance.now() - t;
  }

  private send(live: Live, event: Parameters<JourneyActor['send']>[0]): void {
    this.xstate(() => awake(live).send(event));
    this.sleep(live);
  }

  private finish(live: Live): void {
    const snapshot = awake(live).getSnapshot();
    this.live.delete(awake(live));
    this.deps.observer.finished(String(snapshot.value), snapshot.context, live.record);
  }

  private reach(self: AnyActorRef, name: Milestone): void {
    const live = this.live.get(self);
    if (!live || live.reached & MILESTONE_BIT[name]) return;
    live.reached |= MILESTONE_BIT[name];
    this.deps.observer.milestone(name, this.deps.sim.now());
  }

  private think(live: Live): number {
    return Math.max(1, sample(live.record.persona.thinkTimeSeconds, live.rng)) * 1000;
  }

  private request(self: AnyActorRef, params: { op: string; step: string }): void {
    const live = this.live.get(self);
    if (!live) return;
    this.deps.sim.schedule(this.think(live), () => this.act(live, params));
  }

  private act(live: Live, params: { op: string; step: string }): void {
    const { sim, timing, observer, client } = this.deps;
    const start = sim.now();
    const refused = timing.refuse(params.op, start);
    if (refused) {
      observer.refused(refused.code, start);
      sim.schedule(refused.latencyMs, () => this.send(live, { type: 'ANSWER', outcome: UNAVAILABLE }));
      return;
    }
    const variant = slips(live, params.step);
    this.deps.track(perform(client, live.record, live.session, params.step, params.op, variant).then(({ outcome, calls }) => this.deps.resume(() => {
      const { elapsed, timedOut, slowestMs } = timing.settle(calls, start, (call, latencyMs, at) => observer.call(call, latencyMs, at, live.session));
      const answer = timedOut ? UNAVAILABLE : seen(outcome, slowestMs, live.record.persona.patience);
      sim.schedule(elapsed, () => this.send(live, { type: 'ANSWER', outcome: answer }));
    })));
  }

  private view(self: AnyActorRef, params: { page: Page }): void {
    const live = this.live.get(self);
    if (!live) return;
    const { persona } = live.record;
    const type = live.rng.chance(persona.leaveWizardRate) ? 'LEAVE'
      : params.page === 'confirm' && live.rng.chance(persona.disagreeRate) ? 'DISAGREE' : 'NEXT';
    this.deps.sim.schedule(this.think(live), () => this.send(live, { type }));
  }
}

/** The slips of this attempt: drawn from the persona; a retry of a step is done right. */
function slips(live: Live, step: string): Variant {
  const { persona } = live.record;
  const { rng } = live;
  const { context } = awake(live).getSnapshot();
  const retrying = (context.tries[step] ?? 0) > 0;
  return {
    typo: !retrying && rng.chance(persona.typoRate),
    wrongPassword: step === 'signIn' && (context.forgotPassword || (!retrying && rng.chance(persona.wrongPasswordRate))),
    captchaMiss: rng.chance(persona.captchaMissRate),
    badPhoto: rng.chance(1 - persona.photoCompliance),
  };
}

function awake(live: Live): JourneyActor {
  if (!live.actor) throw new Error(`applicant ${live.record.index} is asleep`);
  return live.actor;
}

/** The path of the one state a value of a machine without parallel states is in ("" if parallel). */
function leafPath(value: StateValue): string {
  let path = '';
  let node = value;
  while (typeof node === 'object') {
    const keys = Object.keys(node);
    if (keys.length !== 1) return '';
    path += `${keys[0]}.`;
    node = node[keys[0]!]!;
  }
  return path + node;
}

/** The plain waits of a machine: states whose only way on is one delayed transition. */
function waitStates(node: AnyStateNode): { path: string; ends: string }[] {
  const ends = new Set(node.after.map((t) => t.eventType));
  // `on` lists the delayed event too: a plain wait has no other.
  const plain = ends.size === 1 && Object.keys(node.on).every((type) => ends.has(type)) && node.always === undefined;
  const own = plain ? [{ path: node.path.join('.'), ends: [...ends][0]! }] : [];
  return [...own, ...Object.values(node.states).flatMap(waitStates)];
}

/** A distinct private address per applicant, for per-client limits (10.x.y.z). */
function address(index: number): string {
  return `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
}
