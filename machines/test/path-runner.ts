/**
 * Runs one graph path against a fresh stub: a live actor of the machine, a provoker before
 * each answer, the step performed as the applicant does it, and the stub's actual outcome
 * compared with the path's. The actor is then sent what the stub actually answered, and its
 * state must be the state the path says.
 */
import type { AnyMachineSnapshot } from 'xstate';
import { perform } from '../../sim/applicant';
import { seen, TOO_SLOW } from '../outcomes';
import { accountFromEarlierYear, httpStub, makeApplicant, newSession, setClock, type Stub } from './fixtures';
import { MACHINES, PERSONAS, serializer } from './model';
import { describePath, eventsAlong, type Target } from './paths';
import { prepared, provoke } from './provoke';
import { CannotProvoke, type Scene } from './scene';
import { drive } from './runner';

export interface PathResult {
  target: Target;
  /** Set when the stub disagreed with the path (or the actor went elsewhere). */
  failure?: string;
  /** Set when an outcome on the path cannot be provoked. */
  excluded?: string;
  /** Portal calls made by the performed steps. */
  calls: number;
}

/** Accounts of earlier years: 2025, or 2018 for the accounts that must register again. */
const EARLIER = { recent: '2025-09-15T10:00:00+08:00', before2019: '2018-06-01T10:00:00+08:00' };

export async function runPath(target: Target, makeStub: () => Promise<Stub> = () => httpStub()): Promise<PathResult> {
  const persona = PERSONAS[target.persona]!;
  const machine = MACHINES[target.machine]!;
  const along = eventsAlong(target.path);
  const outcomes = along.flatMap(({ event }) => (event.type === 'ANSWER' ? [event.outcome] : []));
  const stub = await makeStub();
  const result: PathResult = { target, calls: 0 };
  const where = (i: number) => `path (${target.persona}): ${describePath(target.path)}\n  at step ${i + 1}`;
  try {
    // Path-level setup: who the applicant is and what the portal already holds of them.
    const applicant = makeApplicant(1, persona, { idType: outcomes.includes('CTID_RESIDENT_ID_ONLY') ? 'hk-macau-permit' : 'resident-id' });
    const session = newSession(applicant);
    const scene: Scene = { stub, applicant, session, waits: {} };
    if (target.machine === 'journey' && persona.hasAccount) {
      scene.accountBefore2019 = persona.accountBefore2019 || outcomes.includes('REGISTER_AGAIN');
      await accountFromEarlierYear(stub, applicant, session, {
        at: scene.accountBefore2019 ? EARLIER.before2019 : EARLIER.recent,
        bindWechat: persona.wechatBound && !outcomes.includes('WECHAT_NOT_BOUND'),
      });
    }
    const driven = drive(machine, persona, stub, scene.waits);
    const serialize = serializer(machine);
    const check = (i: number, expected: AnyMachineSnapshot) => {
      const actual = driven.actor.getSnapshot() as AnyMachineSnapshot;
      if (actual.status === 'error') throw new Error(`${where(i)}: the actor failed: ${String(actual.error)}`);
      if (serialize(actual) !== serialize(expected)) {
        throw new Error(`${where(i)}: the actor is in\n    ${serialize(actual)}\n  the path expects\n    ${serialize(expected)}`);
      }
    };
    check(-1, target.path.steps[0]!.state);

    for (const [i, { event, state }] of along.entries()) {
      if (event.type === 'ANSWER') {
        const request = driven.takeRequest();
        if (!request) throw new Error(`${where(i)}: the path answers ${event.outcome} but the machine asked nothing`);
        let variant;
        try {
          variant = await provoke(scene, request.step, event.outcome);
        } catch (error) {
          if (!(error instanceof CannotProvoke)) throw error;
          result.excluded = `${request.step} → ${event.outcome}: ${error.message}`;
          return result;
        }
        const started = performance.now();
        const performed = await perform(stub.client, applicant, session, request.step, request.op, variant);
        result.calls += performed.calls.length;
        // Too slow is the applicant's judgement of latency, asked of the paths that expect it: the
        // provoker slows every call, and a step's mean call time never exceeds its slowest page.
        // Over HTTP the delay is real; in process it rides on each answer (injectedDelayMs).
        if (event.outcome === TOO_SLOW) {
          const ms = stub.transport === 'http' ? performance.now() - started : performed.calls.reduce((sum, c) => sum + (c.answer.injectedDelayMs ?? 0), 0);
          performed.outcome = seen(performed.outcome, ms / performed.calls.length, persona.patience);
        }
        if (performed.outcome !== event.outcome) {
          const last = performed.calls.at(-1);
          result.failure = `${where(i)}: step ${request.step} (${request.op}) with ${JSON.stringify(variant)}\n`
            + `  expected outcome ${event.outcome}, the stub answered ${performed.outcome}`
            + (last ? ` (${last.op} → ${last.answer.status} ${JSON.stringify(last.answer.body).slice(0, 300)})` : '')
            + (prepared(request.step, event.outcome) ? '' : `\n  (nothing provokes ${request.step} → ${event.outcome}: add a provoker in machines/test/provoke.ts)`);
          return result;
        }
        driven.actor.send({ type: 'ANSWER', outcome: performed.outcome });
      } else if (event.type === 'WAKE') {
        const timer = driven.clock.only();
        await setClock(stub, { advanceMs: timer.ms });
        driven.clock.fire(timer);
      } else {
        if (!driven.takeView()) throw new Error(`${where(i)}: the path sends ${event.type} but no page is shown`);
        driven.actor.send(event as never);
      }
      check(i, state);
    }
    driven.actor.stop();
    return result;
  } finally {
    await stub.close();
  }
}
