/**
 * The journey machines as graphs (xstate/graph): events read from the machines themselves,
 * traversed with personas that together reach every state. Asserts 100% of states for both
 * machines and prints state and transition coverage.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { and, type AnyStateNode } from 'xstate';
import { certificateQueryMachine, journeyMachine } from '../index';
import { coverableNodes, eventsOf, guardsOf, MACHINES, outcomesOf, PERSONAS, replayer, traverseAll } from './model';
import { coverage, type Coverage } from './paths';

const traversals = traverseAll();
const report: Coverage[] = [];

describe('events read from the machine', () => {
  it('finds the outcomes of plain and and() guards', () => {
    expect(outcomesOf({ type: 'outcome', params: { is: 'ok' } })).toEqual(['ok']);
    expect(outcomesOf(and([{ type: 'outcome', params: { is: 'none' } }, 'handAddedCertificate']))).toEqual(['none']);
    expect(outcomesOf('hasAccount')).toEqual([]);
  });

  it('offers the outcomes a step names, and only those', () => {
    const { to: snapshot } = replayer(journeyMachine, { persona: PERSONAS['new, SMS code']! })();
    const answers = eventsOf(snapshot).filter((e) => e.type === 'ANSWER').map((e) => (e as { outcome: string }).outcome);
    expect(answers.sort()).toEqual(['CAPTCHA', 'SMS_DAILY_QUOTA_EXCEEDED', 'TOO_SLOW', 'UNAVAILABLE', 'ok']);
  });
});

describe.each(Object.keys(MACHINES))('%s machine', (name) => {
  const result = coverage(name, traversals);
  report.push(result);

  it('reaches every state node (history pseudo-states excepted)', () => {
    expect(result.states.missing).toEqual([]);
    expect(result.states.reached).toBe(coverableNodes(MACHINES[name]!).length);
  });

  it('leaves untaken only the fallback for an answer no guard names', () => {
    // Events are the outcomes the guards name, so the catch-all (give up on any other
    // answer, which keeps a journey from hanging) is the one transition never taken.
    expect(result.transitions.missing.filter((t) => !/ --ANSWER--> abandoned$/.test(t))).toEqual([]);
  });
});

describe('what the traversal relies on', () => {
  const active = journeyMachine.root.states.active!;
  const phases = Object.values(active.states).filter((p) => p.type !== 'history');
  const inside = (node: AnyStateNode, ancestor: AnyStateNode) => `${node.path.join('.')}.`.startsWith(`${ancestor.path.join('.')}.`);
  type Transition = { source: AnyStateNode; guard?: unknown; target?: readonly AnyStateNode[] };
  const transitionsBelow = (node: AnyStateNode): Transition[] => [
    ...[...node.transitions.values()].flat(), ...(node.always ?? []),
    ...(Object.values(node.states) as AnyStateNode[]).flatMap(transitionsBelow),
  ];

  it('phases run in order: no transition leads back to an earlier phase (so its retry counts are dead)', () => {
    const back = phases.flatMap((phase, i) => transitionsBelow(phase)
      .filter((t) => (t.target ?? []).some((target) => phases.slice(0, i).some((earlier) => inside(target, earlier))))
      .map((t) => t.source.id));
    expect(back).toEqual([]);
  });

  it('persona traits are read only in the account phase and the wizard (the personas\' regions)', () => {
    const traits = ['hasAccount', 'wechatCode', 'resetBy', 'handAddedCertificate'];
    const where = phases.flatMap((phase) => transitionsBelow(phase)
      .filter((t) => guardsOf(t.guard).some((g) => traits.includes(String(g.type))))
      .map((t) => t.source.path.slice(0, 3).join('.')));
    expect([...new Set(where)].sort()).toEqual(['active.account.register', 'active.account.reset', 'active.account.start', 'active.registration.wizard']);
  });
});

it('traverses both machines', () => {
  expect(new Set(traversals.map((t) => t.machine))).toEqual(new Set(['journey', 'certificate query']));
  expect(MACHINES.journey).toBe(journeyMachine);
  expect(MACHINES['certificate query']).toBe(certificateQueryMachine);
});

afterAll(() => {
  const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
  console.log([
    `coverage over ${traversals.length} traversals (${Object.keys(PERSONAS).length} personas; ${traversals.reduce((n, t) => n + t.paths.size, 0)} distinct states, ${traversals.reduce((n, t) => n + t.edges.size, 0)} edges):`,
    ...report.flatMap((c) => [
      `  ${c.machine}: states ${c.states.reached}/${c.states.total} (${pct(c.states.reached, c.states.total)}), transitions ${c.transitions.taken}/${c.transitions.total} (${pct(c.transitions.taken, c.transitions.total)})`,
      ...c.transitions.missing.map((t) => `    not taken: ${t}`),
    ]),
  ].join('\n'));
});
