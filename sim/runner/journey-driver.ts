import { createActor, type Actor, type AnyActorRef, type Snapshot, type Subscription } from 'xstate';
import { andThen, type MaybePromise } from '../../stub-server/portal';
import { journeyMachine, seen, TOO_SLOW, UNAVAILABLE, WAITS, type JourneyContext, type JourneyEvent, type Milestone, type Page, type Wait } from '../../machines';
import { nextLocalMidnight, type Rules } from '../../rules';
import { newSession, perform, type ApplicantRecord, type ApplicantSession, type Performance } from '../applicant';
import type { PortalClient } from '../clients';
import type { Simulation, VirtualClock } from '../engine';
import { sample, type Rng } from '../random';
import type { PortalTiming } from './timing';
import type { JourneyObserver } from './journey-observer';
import { address, answerEvent, PAGE_EVENTS, slips, WAKE } from './journey-events';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type JourneyActor = Actor<typeof journeyMachine>;

interface Live {
  record: ApplicantRecord;
  session: ApplicantSession;
  rng: Rng;
  /**
   * The applicant's own stream for the servers' service times, forked from `rng`: one
   * applicant's extra call shifts no one else's latencies (two rule sets compared on one seed
   * stay in step), and no draw depends on which applicants ran first.
   */
  servers: Rng;
  /** Likewise for what the portal draws on the applicant's calls (codes, tokens, captcha: CallerRandom). */
  portal: Rng;
  /** Likewise for the back office's decisions on the applicant (CallingApplicant.backOffice). */
  backOffice: Rng;
  /** None while asleep (see `sleep`): nothing then keeps the stopped actor alive. */
  actor: JourneyActor | null;
  /** The asleep actor's last snapshot, restored when its wait is over. */
  snapshot?: Snapshot<unknown>;
  subscription: Subscription | null;
  /** Set while the actor enters a wait of days: it may sleep meanwhile (see `sleep`). */
  waitingDays?: boolean;
  /** The milestones reached so far, a bit each (MILESTONE_BIT). */
  reached: number;
  /** The portal failed the last step (down, timed out, too slow): the next one is a retry. */
  failed?: boolean;
  /** ...and no wait came between: the applicant presses again after `pressAgainSeconds`, not a think. */
  pressing?: boolean;
  /** At the portal: from a page or a request until a wait or the end. */
  inSession?: boolean;
}

/** The funnel counts applicants: a milestone reached again (an application sent back and confirmed anew) counts once. */
const MILESTONE_BIT: Record<Milestone, number> = { arrived: 1, registered: 2, verified: 4, submitted: 8, confirmed: 16, approved: 32 };

/**
 * Runs applicants' journeys in virtual time: one actor of the journey machine each, its
 * `request`s performed at the portal after the persona's think time, answered after the
 * latency the portal's timing gives (modelled or measured), each of its waits ended by a WAKE
 * scheduled on the simulation's clock.
 * Finished applicants are dropped at once and those waiting days sleep without an actor
 * (`sleep`), so memory follows the applicants doing something.
 */
export class JourneyDriver {
  private readonly live = new Map<AnyActorRef, Live>();
  /** Applicants waiting days with no actor (see `sleep`). */
  private sleeping = 0;
  /** Applicants at the portal now (Live.inSession). */
  private inSession = 0;
  private readonly machine;
  /** How long each of the machine's waits lasts in virtual time, from the clock, the rules and the persona. */
  private readonly waitLength: Record<Wait, (live: Live, context: JourneyContext) => number>;
  /** Wall time inside XState's calls: making, starting, restoring, feeding and stopping actors (benchmarks only; see `timed`). */
  private insideXStateMs = 0;
  /** Of that, the driver's own work in the machine's actions (requests, views, waits, milestones): harness, not XState. */
  private effectsMs = 0;

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
    const formDelayMs = deps.rules.registration.formDelayMinutes * 60_000;
    this.waitLength = {
      retryLater: (_live, context) => WAITS.retryLater(context),
      untilTomorrow: (live) => this.daysLater(live, 1),
      nextCheck: (live, context) => this.daysLater(live, context.persona.checkEveryDays),
      comeBackLater: (live) => this.daysLater(live, 1),
      formDelay: () => formDelayMs,
      untilWindowOpens: (live) => this.daysLater(live, 1),
    };
    this.machine = journeyMachine.provide({
      actions: {
        request: this.effect(({ self }, params) => this.request(self, params)),
        view: this.effect(({ self }, params) => this.view(self, params)),
        milestone: this.effect(({ self }, params) => this.reach(self, params.name)),
        wait: this.effect(({ self, context }, params) => this.wait(self, context, params.delay)),
      },
    });
  }

  /** Wall time spent in XState itself, the machine's actions left out (benchmarks only; see `timed`). */
  get xstateMs(): number { return this.insideXStateMs - this.effectsMs; }

  /** An action of the machine's, its time counted as the driver's when timed. */
  private effect<A extends unknown[]>(action: (...args: A) => void): (...args: A) => void {
    if (!this.deps.timed) return action;
    return (...args) => {
      const started = performance.now();
      try { action(...args); } finally { this.effectsMs += performance.now() - started; }
    };
  }

  /** Applicants in progress, awake or asleep. */
  get active(): number { return this.live.size + this.sleeping; }

  get asleep(): number { return this.sleeping; }

  /** The delay until `days` Beijing days from today, at an hour the applicant prefers (and a minute in it). */
  private daysLater(live: Live, days: number): number {
    const now = this.deps.sim.now();
    const day = nextLocalMidnight(now, this.deps.rules.time.utcOffsetMinutes) + (days - 1) * DAY;
    const hour = live.rng.weighted(live.record.persona.preferredHours);
    live.waitingDays = true;
    return day + hour * HOUR + live.rng.int(60) * MINUTE - now;
  }

  start(record: ApplicantRecord, rng: Rng): void {
    // Every field from the start: one hidden class, all held in the object (none added later into a property array).
    const live: Live = { record, session: newSession(record.password, address(record.index)), rng, servers: rng.fork('servers'), portal: rng.fork('portal'), backOffice: rng.fork('backOffice'),
      actor: null, subscription: null, reached: 0, snapshot: undefined, waitingDays: undefined, failed: undefined, pressing: undefined, inSession: undefined };
    // XState computes an actor's first state as it makes it: making counts as XState's.
    this.xstate(() => this.attach(live, createActor(this.machine, { input: { persona: record.persona }, clock: this.deps.clock })).start());
    this.sleep(live);
  }

  private attach(live: Live, actor: JourneyActor): JourneyActor {
    live.actor = actor;
    live.subscription = actor.subscribe({ complete: this.effect(() => this.finish(live)) });
    this.live.set(actor, live);
    return actor;
  }

  /** The actor entered a wait: WAKE ends it on the simulation's clock. */
  private wait(self: AnyActorRef, context: JourneyContext, delay: Wait): void {
    const live = this.live.get(self);
    if (!live) return;
    live.pressing = undefined;
    this.leaveSession(live);
    this.deps.sim.schedule(this.waitLength[delay](live, context), () => this.wake(live), order(live));
  }

  private wake(live: Live): void {
    if (!live.actor) {
      this.sleeping -= 1;
      const { snapshot } = live;
      live.snapshot = undefined;
      this.xstate(() => this.attach(live, createActor(this.machine, { snapshot, input: { persona: live.record.persona }, clock: this.deps.clock })).start());
    }
    this.send(live, WAKE);
  }

  /**
   * An applicant who has just begun a wait of days (a decision, a new day's quota) keeps no
   * actor meanwhile: the actor's snapshot is kept and the actor stopped, and when the wait
   * is over an actor restored from it takes the WAKE. Applicants waiting weeks for the back
   * office then cost a snapshot each, not a live actor (#4's memory budget). Sleeping and
   * waking cost time, though (a stopped actor, a restored one), so it is done only when
   * many actors are live: below `liveActorLimit` the actor stays awake. Either way the
   * applicant takes the same transition at the same moment.
   */
  private sleep(live: Live): void {
    const { waitingDays, actor } = live;
    live.waitingDays = undefined;
    if (!waitingDays || !actor || this.live.size < this.deps.liveActorLimit) return;
    // The snapshot as it is, not getPersistedSnapshot(): it never leaves the process, and XState
    // restores from either (a history entry that is a state node is taken as it is). No copy
    // to make and keep: with everyone asleep a season runs about 9% faster, to the same bytes.
    const { subscription } = live;
    this.xstate(() => {
      live.snapshot = actor.getSnapshot();
      subscription?.unsubscribe();
      actor.stop();
    });
    this.live.delete(actor);
    live.actor = null;
    live.subscription = null;
    this.sleeping += 1;
  }

  private xstate(fn: () => void): void {
    if (!this.deps.timed) return fn();
    const t = performance.now();
    fn();
    this.insideXStateMs += performance.now() - t;
  }

  private send(live: Live, event: JourneyEvent): void {
    const actor = awake(live);
    if (this.deps.timed) this.xstate(() => actor.send(event));
    else actor.send(event);
    this.sleep(live);
  }

  private enterSession(live: Live): void {
    if (live.inSession) return;
    live.inSession = true;
    this.inSession += 1;
    this.deps.observer.inSession(this.inSession, true, live.record);
  }

  private leaveSession(live: Live): void {
    if (!live.inSession) return;
    live.inSession = undefined;
    this.inSession -= 1;
    this.deps.observer.inSession(this.inSession, false, live.record);
  }

  private finish(live: Live): void {
    this.leaveSession(live);
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
    const { persona } = live.record;
    return Math.max(persona.minThinkSeconds, sample(persona.thinkTimeSeconds, live.rng)) * 1000;
  }

  private request(self: AnyActorRef, params: { op: string; step: string }): void {
    const live = this.live.get(self);
    if (!live) return;
    this.enterSession(live);
    const delay = live.pressing ? live.record.persona.pressAgainSeconds * 1000 : this.think(live);
    live.pressing = undefined;
    this.deps.sim.scheduleAction(delay, live.record.persona.minThinkSeconds * 1000, () => this.act(live, params), order(live));
  }

  private act(live: Live, params: { op: string; step: string }): void {
    const { sim, timing, observer } = this.deps;
    const start = sim.now();
    const retry = live.failed === true;
    const refused = timing.begin(params.op, start, live.servers);
    if (refused) {
      observer.refused(refused.code, start);
      sim.schedule(refused.latencyMs, () => this.reply(live, UNAVAILABLE), order(live));
      return;
    }
    const variant = slips(live.record.persona, live.rng, awake(live).getSnapshot().context, params.step);
    const performed = perform(timing.step(this.deps.client, start, live, order(live)), live.record, live.session, params.step, params.op, variant);
    // Over HTTP a promise, tracked; in process now, or later in the run (a step's later calls).
    if (performed instanceof Promise) this.deps.track(performed.then((p) => this.deps.resume(() => this.answered(live, start, p, retry))));
    else andThen<Performance, void>(performed, (p) => this.answered(live, start, p, retry));
  }

  /** A step's calls were answered: each gets its latency from the timing, the applicant sees the answer when the last arrives. */
  private answered(live: Live, start: number, { outcome, calls }: Performance, retry: boolean): void {
    const { observer } = this.deps;
    const { elapsed, timedOut, slowestMs } = this.deps.timing.settle(calls, start, (call, latencyMs, at) => observer.call(call, latencyMs, at, live, retry));
    const answer = timedOut ? UNAVAILABLE : seen(outcome, slowestMs, live.record.persona.patience);
    // The step's later calls were made at their own moments: the run may be past the start already.
    const { sim } = this.deps;
    sim.schedule(Math.max(0, start + elapsed - sim.now()), () => this.reply(live, answer), order(live));
  }

  /** The step's answer reaches the applicant; a failure of the portal's makes the next step a retry, pressed again unless a wait comes first. */
  private reply(live: Live, outcome: string): void {
    const failed = outcome === UNAVAILABLE || outcome === TOO_SLOW;
    live.failed = failed || undefined;
    live.pressing = live.failed;
    this.send(live, answerEvent(outcome));
  }

  private view(self: AnyActorRef, params: { page: Page }): void {
    const live = this.live.get(self);
    if (!live) return;
    this.enterSession(live);
    const { persona } = live.record;
    const type = live.rng.chance(persona.leaveWizardRate) ? 'LEAVE'
      : params.page === 'confirm' && live.rng.chance(persona.disagreeRate) ? 'DISAGREE' : 'NEXT';
    this.deps.sim.schedule(this.think(live), () => this.send(live, PAGE_EVENTS[type]), order(live));
  }
}

/** The order of an applicant's events among others at the same instant (Simulation.schedule): by index, after the run's own. */
function order(live: Live): number {
  return live.record.index + 1;
}

function awake(live: Live): JourneyActor {
  if (!live.actor) throw new Error(`applicant ${live.record.index} is asleep`);
  return live.actor;
}
