/** Drawing one applicant's persona from the mix, through the applicant's own stream. */
import type { Distribution, Persona } from '../../../machines';
import { pickWeighted, sample, type Rng } from '../../random';
import type { HourProfile, PersonaMix } from './mix';

/** What the persona takes from the rest of the applicant rather than from the mix. */
export interface PersonaFacts { staleRecord: boolean; handAddedCertificate: boolean }

export class PersonaDrawer {
  private readonly profiles: HourProfile[];
  private readonly profileWeights: number[];

  constructor(private readonly mix: PersonaMix) {
    this.profiles = Object.values(mix.hourProfiles);
    this.profileWeights = this.profiles.map((p) => p.weight);
    for (const p of this.profiles) if (p.hours.length !== 24) throw new RangeError('an hour profile has 24 weights, hour 0 to 23');
  }

  draw(rng: Rng, facts: PersonaFacts): Persona {
    const m = this.mix;
    const hasAccount = rng.chance(m.hasAccount);
    const persona: Persona = {
      hasAccount,
      accountBefore2019: hasAccount && rng.chance(m.accountBefore2019),
      forgotPassword: hasAccount && rng.chance(m.forgotPassword),
      resetMethod: pickWeighted(rng, m.resetMethod),
      wechatBound: hasAccount && rng.chance(m.wechatBound),
      codeChannel: pickWeighted(rng, m.codeChannel),
      typoRate: share(rng, m.typoRate),
      wrongPasswordRate: share(rng, m.wrongPasswordRate),
      captchaMissRate: share(rng, m.captchaMissRate),
      photoCompliance: share(rng, m.photoCompliance),
      photoFaults: m.photoFaults,
      leaveWizardRate: share(rng, m.leaveWizardRate),
      disagreeRate: share(rng, m.disagreeRate),
      patience: {
        retries: count(rng, m.retries),
        waitDays: count(rng, m.waitDays),
        reviewChecks: count(rng, m.reviewChecks),
        statusChecks: count(rng, m.statusChecks),
        answerSeconds: Math.max(1, draw(rng, m.answerSeconds)),
        pressAgain: 0,
      },
      thinkTimeSeconds: { kind: 'lognormal', median: Math.max(1, draw(rng, m.thinkTimeMedianSeconds)), sigma: m.thinkTimeSigma },
      minThinkSeconds: m.minThinkSeconds,
      checkEveryDays: Math.max(1, count(rng, m.checkEveryDays)),
      preferredHours: this.profiles[rng.weighted(this.profileWeights)]!.hours,
      // Drawn after the others: a mix that varies it leaves them as they were.
      comeBackAfterMinutes: Math.max(1, draw(rng, m.comeBackAfterMinutes)),
      pressAgainSeconds: 0,
      staleRecord: facts.staleRecord,
      handAddedCertificate: facts.handAddedCertificate,
    };
    // Drawn after the rest, so mixes from before them give every applicant the same traits.
    persona.patience.pressAgain = count(rng, m.pressAgain);
    persona.pressAgainSeconds = Math.max(m.minThinkSeconds, draw(rng, m.pressAgainSeconds));
    return persona;
  }
}

const draw = (rng: Rng, d: Distribution | number) => (typeof d === 'number' ? d : sample(d, rng));
/** A chance or a position: kept within [0, 1] whatever the distribution's tails do. */
const share = (rng: Rng, d: Distribution | number) => Math.min(1, Math.max(0, draw(rng, d)));
const count = (rng: Rng, d: Distribution | number) => Math.max(0, Math.round(draw(rng, d)));
