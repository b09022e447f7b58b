import { nextLocalMidnight } from '../../rules';
import { Portal, plainTextHasher } from '../../stub-server/portal';
import { createMemoryStore } from '../../stub-server/store';
import { ApplicationServers } from '../capacity';
import { CallerRandom, InProcessClient } from '../clients';
import { sample } from '../random';
import { ModelledTiming, modelledBackends, stepClockOf } from './timing';
import type { Transport, TransportFactory } from './transport';

/**
 * The portal's domain in this process on the simulation's clock, its capacity modelled
 * (application servers, SMS gateway, public-security registry), its passwords kept as given
 * (a hash is a CPU cost, not a behaviour). Each event's portal calls are awaited before the next event, so every call
 * happens at its own virtual instant and a run repeats byte for byte. It keeps only the
 * applicants still going: finished ones are forgotten, past days' counters swept daily.
 */
export const inProcessTransport: TransportFactory = async ({ sim, clock, rules, streams, scenario }): Promise<Transport> => {
  // The portal draws from each calling applicant's own stream (CallerRandom), the run's otherwise.
  const random = new CallerRandom(streams.stream('portal'));
  const portal = new Portal({ rules, clock, store: createMemoryStore(), random, passwords: plainTextHasher, keepPhotoFiles: false });
  // A call's service time comes from its applicant's own stream (JourneyDriver); this one only
  // serves calls that bring none.
  const serverRng = streams.stream('portal').fork('servers');
  const servers = new ApplicationServers(scenario.capacity.servers, (d, stream) => sample(d, stream ?? serverRng));
  return {
    client: new InProcessClient(portal, random),
    timing: new ModelledTiming(servers, modelledBackends(scenario.capacity), stepClockOf(sim)),
    resume: (then) => then(),
    drive: async ({ sim, end, work, tick, signal }) => {
      const tickEvery = 20_000;
      let sweepAt = sim.now();
      while (sim.peek() <= end && !signal?.aborted) {
        sim.step();
        if (work.busy) await work.drain();
        if (sim.now() >= sweepAt) {
          portal.sweepPastDays(sim.now());
          sweepAt = nextLocalMidnight(sim.now(), rules.time.utcOffsetMinutes);
        }
        if (sim.eventCount % tickEvery === 0) {
          tick();
          // Promises alone never give the event loop a turn: let signals (Ctrl-C) and output in.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    },
    forget: (idNumber) => { portal.forgetApplicant(idNumber); },
    report: () => undefined,
    close: async () => {},
  };
};
