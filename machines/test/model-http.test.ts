/**
 * Model-based test over HTTP: the journey machines' graphs give a shortest path to every state
 * and, beyond that, to every answer the graph holds (a step and an outcome, i.e. one behaviour
 * of the stub); each path runs against a fresh stub server on 127.0.0.1 with a live actor.
 * Before each answer the path expects, a provoker puts the stub in the state that gives it;
 * the step is performed as the applicant does it, and the stub's actual outcome must be the
 * path's; the actor, sent that outcome, must be in the path's next state.
 *
 * UNAVAILABLE is provoked with the stub's fault injection (setFaults: an outage of a minute on
 * the stub's clock). It is the same mechanism for every step, so beyond the state paths it is
 * not asked for again. So is TOO_SLOW (a latency past the persona's patience), asked once.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../stub-server/http';
import { coverableNodes, MACHINES, traverseAll } from './model';
import { answerTargets, describePath, shortestAnswerTarget, targets, type Target } from './paths';
import { runPath, type PathResult } from './path-runner';
import { infeasible, INFEASIBLE } from './provoke';
import { TOO_SLOW } from '../outcomes';

const traversals = traverseAll();
const stateTargets = targets(traversals, infeasible);
const extraTargets = answerTargets(traversals, { exclude: infeasible, already: stateTargets, skip: (outcome) => outcome === 'UNAVAILABLE' || outcome === TOO_SLOW });
// TOO_SLOW is the applicant's judgement of latency, the same for every step: one path shows it.
const slowTarget = shortestAnswerTarget(traversals, TOO_SLOW, infeasible);
const results: PathResult[] = [];

const title = (t: Target) => `${t.machine}: ${t.node} (${t.path.steps.length - 1} steps)`;

async function check(target: Target): Promise<void> {
  const result = await runPath(target);
  results.push(result);
  // Answers the stub cannot give are left out of the paths (INFEASIBLE); any other is a failure.
  expect(result.excluded, result.excluded).toBeUndefined();
  expect(result.failure, result.failure).toBeUndefined();
}

describe.concurrent('every state, by its shortest path, agrees with the stub over HTTP', () => {
  for (const target of stateTargets) it(title(target), () => check(target));
});

describe.concurrent('every answer the graph holds (step and outcome), by a shortest path, agrees with the stub over HTTP', () => {
  for (const target of extraTargets) it(title(target), () => check(target));
  it(`${title(slowTarget)}: an answer slower than the applicant waits for`, () => check(slowTarget));
});

afterAll(() => {
  const excluded = results.filter((r) => r.excluded);
  const lines = [
    `model over HTTP: ${stateTargets.length} state paths, ${extraTargets.length} answer paths, ${results.reduce((n, r) => n + r.calls, 0)} portal calls`,
    `UNAVAILABLE: ${ROUTES.some((r) => r.operationId === 'setFaults') ? 'provoked by setFaults (an outage)' : 'no setFaults in this stub: those paths fail'}`,
    ...Object.entries(INFEASIBLE).flatMap(([step, outcomes]) => Object.entries(outcomes).map(([outcome, why]) => `excluded: paths answering ${step} → ${outcome}: ${why}`)),
    ...excluded.map((r) => `could not provoke, on ${describePath(r.target.path)}: ${r.excluded}`),
  ];
  console.log(lines.join('\n'));
});

it('has a feasible path to every state of both machines', () => {
  // A state reachable only through an answer the stub cannot give would be missing here.
  const all = Object.entries(MACHINES).flatMap(([name, machine]) => coverableNodes(machine).map((n) => `${name}: ${n.path.join('.')}`));
  expect(stateTargets.map((t) => `${t.machine}: ${t.node}`)).toEqual(all);
});
