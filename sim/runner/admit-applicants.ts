import type { Rules } from '../../rules';
import type { Scenario } from '../scenario';
import { andThen, type MaybePromise } from '../../stub-server/portal';
import type { PortalClient } from '../clients';
import type { Simulation } from '../engine';
import type { RandomStreams } from '../random';
import type { JourneyDriver } from './journey-driver';
import { seasonArrivals } from './season-arrivals';
import { seedApplicant } from './world';

/**
 * Brings a season's applicants in as they arrive: what the portal knew of each (seedApplicant),
 * then their journey. One arrival pending at a time: a season of millions need not sit in the
 * event queue. Arrivals are exact: each province's applicants all come, on the curve's shape.
 * `takes`: the applicants this process runs (a shard of a run over many cores); every arrival
 * is drawn all the same, so each keeps its moment and its streams.
 */
export function admitApplicants(deps: {
  scenario: Scenario; applicants: number; rules: Rules; streams: RandomStreams; from: string;
  sim: Simulation; client: PortalClient; journeys: JourneyDriver;
  track: (work: MaybePromise<unknown>) => void; resume: (then: () => void) => void;
  /** An applicant came (before the portal seeds them), and their journey started. */
  arrived: (now: number) => void; started: (index: number) => void;
  takes?: (index: number) => boolean;
}): void {
  const { scenario, applicants, rules, streams, from, sim, client, journeys, track, resume, takes } = deps;
  const { population, arrivals } = seasonArrivals(scenario, { applicants, rules, streams, from });
  const behaviour = streams.stream('behaviour');
  const accounts = streams.stream('population').fork('accounts');

  const nextArrival = () => {
    let next = arrivals.next();
    while (!next.done && takes && !takes(population.memberOf(next.value.source, next.value.seq))) next = arrivals.next();
    if (next.done) return;
    const { at, source, seq } = next.value;
    const index = population.memberOf(source, seq);
    sim.scheduleAt(Math.max(at, sim.now()), () => {
      const record = population.applicantAt(index);
      deps.arrived(sim.now());
      const draws = accounts.fork(record.index);
      const verifiedAccount = draws.chance(scenario.population.verifiedAccounts);
      const ctidFixes = !draws.chance(scenario.population.ctidFailRate);
      const rng = behaviour.fork(record.index);
      track(andThen(seedApplicant(client, record, { rules, seasonFrom: from }, { verifiedAccount, ctidFixes, draws }), () => resume(() => {
        journeys.start(record, rng);
        deps.started(record.index);
      })));
      nextArrival();
    });
  };
  nextArrival();
}
