/**
 * docs/journey.md is generated from the machines (npm run docs:journey): the committed file
 * must be the script's current output, so the diagrams cannot go stale.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { AnyStateNode } from 'xstate';
import { renderJourneyDoc } from '../../scripts/journey-diagrams';
import { coverableNodes, MACHINES } from './model';

it('docs/journey.md is what npm run docs:journey generates from the machines today', () => {
  const committed = readFileSync(new URL('../../docs/journey.md', import.meta.url), 'utf8');
  expect(committed === renderJourneyDoc(), 'docs/journey.md is stale: run npm run docs:journey').toBe(true);
});

it('draws every state of both machines: each step in its diagram, each end as an exit', () => {
  const doc = renderJourneyDoc();
  expect(doc.match(/```mermaid\nstateDiagram-v2/g)).toHaveLength(6);
  for (const machine of Object.values(MACHINES)) {
    for (const node of coverableNodes(machine) as AnyStateNode[]) {
      if (node.type === 'compound' || node.key === 'interrupted') continue;
      // Steps are drawn below their phase (journey) or below `active` (certificate query).
      const below = node.path[0] === 'active' ? node.path.slice(machine === MACHINES.journey ? 2 : 1) : undefined;
      expect(doc).toContain(below ? `state "${below.join(' › ')}" as` : `state "${node.key} ▶" as`);
    }
  }
});
