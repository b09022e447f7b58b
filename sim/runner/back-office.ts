import type { Rules } from '../../rules';
import { andThen, type MaybeLater } from '../../stub-server/portal';
import type { BackOfficeConfig } from '../scenario';
import { DailyDesk, OfficeHours, ReviewDesk } from '../back-office';
import type { PortalAnswer } from '../clients';
import type { Simulation } from '../engine';
import { sample, type Rng } from '../random';
import type { RunMetrics } from './run-metrics';

/** An application at a desk; `draws`: the applicant's stream for the desks' decisions on it. */
interface Pending { applicationNumber: string; institutionId: string; tier: number; draws: Rng }

/**
 * The back office of a run: reviewers deciding manual reviews, confirmation points confirming
 * (or leaving a message asking for a change), registration bodies approving tier by tier (or
 * sending an application back to 网报待确认 with a message).
 * Every decision goes to the portal as the admin operation a person would use.
 */
export class BackOffice {
  readonly reviews: ReviewDesk;
  readonly confirmation: DailyDesk<Pending>;
  readonly approval: DailyDesk<Pending>;
  private readonly desks: OfficeHours;

  constructor(deps: {
    places: { points: number; institutions: number }; sim: Simulation; rules: Rules; config: BackOfficeConfig; rng: Rng; metrics: RunMetrics;
    /** The admin operations a person at a desk would use (answered now, later in the run, or over HTTP). */
    client: { admin(operationId: string, input?: unknown): MaybeLater<PortalAnswer> };
    track: (work: MaybeLater<unknown>) => void; resume: (then: () => void) => void;
    /**
     * Acts on a review's decision at its moment `at`, known when it was submitted: at that moment
     * of this run by default; a run over many cores sends it ahead to the applicant's shard.
     */
    decideAt?: (at: number, act: () => void) => void;
  }) {
    const { places, sim, client, rules, config, rng, metrics, track, resume } = deps;
    const decideAt = deps.decideAt ?? ((at, act) => { sim.scheduleAt(at, act); });
    const after = (work: MaybeLater<PortalAnswer>, then: (answer: PortalAnswer) => void) => track(andThen<PortalAnswer, void>(work, (answer) => resume(() => then(answer))));
    const office = new OfficeHours(rules, config.reviewers.hours, config.reviewers.continuous);
    const desks = (this.desks = new OfficeHours(rules, [9, 17]));
    const tiers = rules.registration.approvalTiers;
    const outcomes = Object.entries(config.approval.outcomes);

    // Each applicant's registration is decided on draws from their own stream when it brings one
    // (see toConfirmation), so the desks' order of work shifts no one's outcome.
    this.reviews = new ReviewDesk(sim, office, config.reviewers, (d, stream = rng) => sample(d, stream), (p, stream = rng) => stream.chance(p), (reviewId, approve, at) => {
      decideAt(at, () => after(client.admin('decideManualReview', { reviewId, decision: approve ? 'approve' : 'reject', reason: approve ? undefined : '照片不清晰，请重新上传' }), (answer) => {
        if (answer.status !== 200) return;
        metrics.reviewDecided(approve, answer.body.workingDaysTaken, answer.body.withinSla);
      }));
    });

    const recordWait = (desk: 'confirmation' | 'approval', addedAt: number) => metrics.desks.waits[desk].add(desks.workingDaysBetween(addedAt, sim.now()));
    /** A message on the application (留言) asking the applicant for a change. */
    const askForChange = (applicationNumber: string, from: 'confirmation-point' | 'institution', text: string) =>
      track(client.admin('postRegistrationMessage', { applicationNumber, from, text }));

    this.confirmation = new DailyDesk<Pending>(sim, desks, config.confirmation.perPointPerDay, places.points, (_point, item, addedAt) => {
      recordWait('confirmation', addedAt);
      const { applicationNumber, draws } = item;
      if (draws.chance(config.confirmation.messageRate)) {
        metrics.desks.messages += 1;
        askForChange(applicationNumber, 'confirmation-point', '请补充修改个人照片和通讯地址后重新打印申请表');
        return;
      }
      const pass = draws.chance(config.confirmation.passRate);
      after(client.admin('confirmOnSite', { applicationNumber, result: pass ? 'pass' : 'fail', reason: pass ? undefined : '材料不齐全' }), (answer) => {
        if (answer.status !== 200) return;
        if (!pass) { metrics.desks.confirmationFailed += 1; return; }
        metrics.desks.confirmed += 1;
        this.approval.add(item.institutionId, { ...item, tier: 0 });
      });
    });

    this.approval = new DailyDesk<Pending>(sim, desks, config.approval.perInstitutionPerDay, places.institutions, (institutionId, item, addedAt) => {
      recordWait('approval', addedAt);
      const { applicationNumber, draws } = item;
      if (draws.chance(config.approval.revertRate)) {
        // Sent back for a change: the applicant reads the message, modifies, prints the form and is confirmed again.
        metrics.desks.reverted += 1;
        askForChange(applicationNumber, 'institution', '请核对任职学校信息并修改后重新确认');
        track(client.admin('revertToPending', { applicationNumber, reason: '信息需修改' }));
        return;
      }
      const final = item.tier >= tiers.length - 1;
      const conclusion = final ? outcomes[draws.weighted(outcomes.map(([, w]) => w))]![0] : '注册合格';
      after(client.admin('decideRegistration', { applicationNumber, conclusion, tier: tiers[item.tier] }), (answer) => {
        if (answer.status !== 200) return;
        if (final) metrics.desks.decided.add(conclusion);
        else this.approval.add(institutionId, { ...item, tier: item.tier + 1 });
      });
    });
  }

  /** The desks' next round after `now` (they work through their queues as the office opens). */
  nextRound(now: number): number { return this.desks.nextOpening(now); }

  /**
   * The waits still running at `now`, in working days so far, by desk: the run's end cuts them
   * off, so they are censored (at least this long), not finished waits.
   */
  censoredWaits(now: number): Record<'manualReview' | 'confirmation' | 'approval', number[]> {
    const soFar = (since: number[]) => since.map((at) => this.desks.workingDaysBetween(at, now));
    return { manualReview: soFar(this.reviews.waitingSince()), confirmation: soFar(this.confirmation.waitingSince()), approval: soFar(this.approval.waitingSince()) };
  }

  /** The back office's queues, from the run's start to `now`. */
  queues(now: number) {
    return { manualReview: this.reviews.figures(now), confirmation: this.confirmation.figures(now), approval: this.approval.figures(now) };
  }

  /**
   * The applicant downloaded the form: they bring it to their confirmation point. `draws` is
   * the applicant's own stream for the desks' decisions on it: the same one each time they come
   * back (an application sent back and confirmed again draws on, it does not start over).
   */
  toConfirmation(applicationNumber: string, pointId: string, institutionId: string, draws: Rng): void {
    this.confirmation.add(pointId, { applicationNumber, institutionId, tier: 0, draws });
  }
}
