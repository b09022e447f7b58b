/**
 * The answers a failing portal gives (UNAVAILABLE: an injected outage; TOO_SLOW: an injected
 * latency past the persona's patience) agree with the machines in process as well as over HTTP
 * (model-http.test.ts): the simulator's in-process runs inject a scenario's faults the same way.
 */
import { describe, expect, it } from 'vitest';
import { TOO_SLOW } from '../outcomes';
import { inProcessStub } from './fixtures';
import { traverseAll } from './model';
import { shortestAnswerTarget } from './paths';
import { runPath } from './path-runner';
import { infeasible } from './provoke';

const traversals = traverseAll();

describe.each(['UNAVAILABLE', TOO_SLOW])('%s in process', (outcome) => {
  it('is provoked by an injected fault and taken as the path expects', async () => {
    const result = await runPath(shortestAnswerTarget(traversals, outcome, infeasible), () => inProcessStub());
    expect(result.excluded, result.excluded).toBeUndefined();
    expect(result.failure, result.failure).toBeUndefined();
  }, 60_000);
});
