/**
 * Writes docs/journey.md: the journey machines drawn as Mermaid state diagrams, generated from
 * the machine definitions (their state nodes and transitions), never by hand. One diagram per
 * phase of the journey, one for the certificate query, and an overview.
 *
 *   npm run docs:journey
 *
 * A test (machines/test/journey-doc.test.ts) checks that the committed file is this output.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import { certificateQueryMachine, journeyMachine } from '../machines';

const OUTPUT = fileURLToPath(new URL('../docs/journey.md', import.meta.url));

interface Transition {
  source: AnyStateNode;
  eventType: string;
  guard?: unknown;
  target?: readonly AnyStateNode[];
  actions: readonly unknown[];
}

type Guard = { type?: string; params?: Record<string, unknown> };
const guardsOf = (guard: unknown): Guard[] =>
  !guard ? [] : typeof guard === 'function' ? ((guard as { guards?: unknown[] }).guards ?? []).flatMap(guardsOf) : typeof guard === 'string' ? [{ type: guard }] : [guard as Guard];

const childrenOf = (node: AnyStateNode) => Object.values(node.states) as AnyStateNode[];
const descendants = (node: AnyStateNode): AnyStateNode[] => childrenOf(node).flatMap((c) => [c, ...descendants(c)]);
const transitionsOf = (node: AnyStateNode): Transition[] => [...node.transitions.values()].flat().concat(node.always ?? []) as Transition[];
const within = (node: AnyStateNode, ancestor: AnyStateNode) => node === ancestor || node.path.join('.').startsWith(`${ancestor.path.join('.')}.`);

/** The request a portal step makes on entry, the page it shows, or the delay it waits. */
function doing(node: AnyStateNode): string | undefined {
  for (const action of node.entry as { type?: string; params?: Record<string, string> }[]) {
    if (action?.type === 'request') return `asks ${action.params?.op}`;
    if (action?.type === 'view') return `page: ${action.params?.page}`;
    if (action?.type === 'wait') return `waits ${action.params?.delay}`;
  }
  return undefined;
}

/** Answers every portal step handles alike: the portal down (interrupted, or given up), or an answer it does not name. */
const isGeneric = (t: Transition) => t.eventType === 'ANSWER' && (guardsOf(t.guard).length === 0 || guardsOf(t.guard).some((g) => g.type === 'outcome' && g.params?.is === 'UNAVAILABLE'));

/** A transition's label: the outcome (ANSWER), the page event or the delay, and any other guard. */
function label(t: Transition, siblings: Transition[]): string {
  const guards = guardsOf(t.guard);
  const outcome = guards.find((g) => g.type === 'outcome')?.params?.is as string | undefined;
  const event = t.eventType === 'ANSWER' ? outcome ?? 'any other answer'
    : t.eventType === 'WAKE' ? `after ${doing(t.source)?.replace('waits ', '')}`
      : t.eventType === '' ? '' : t.eventType;
  const conditions = guards.filter((g) => g.type !== 'outcome').map((g) => (g.type === 'triesLeft' ? `${g.params?.budget} left` : g.type === 'resetBy' ? `reset by ${g.params?.method}` : String(g.type)));
  // The fallback after a guarded twin (same event and outcome, with patience): patience spent.
  const twin = siblings.find((s) => s !== t && s.eventType === t.eventType && guardsOf(s.guard).some((g) => g.type === 'triesLeft')
    && guardsOf(s.guard).find((g) => g.type === 'outcome')?.params?.is === outcome && siblings.indexOf(s) < siblings.indexOf(t));
  if (twin && conditions.length === 0) conditions.push('patience spent');
  if (t.eventType === '' && conditions.length === 0) conditions.push('otherwise');
  const text = [event, conditions.length ? `(${conditions.join(', ')})` : ''].filter(Boolean).join(' ');
  return text.replaceAll(':', '∶');
}

/** A Mermaid state id for a node below `root`: its path below `root`, joined. */
const idOf = (node: AnyStateNode, root: AnyStateNode) => node.path.slice(root.path.length).join('_');

/**
 * A diagram of the states below `root`, drawn flat (Mermaid cannot draw transitions between
 * the insides of different composite states): a nested state is named by its path below
 * `root` (`register › smsCode`), and a transition to a compound state goes to its initial
 * state. Transitions leaving `root` are drawn to a box named after where they lead.
 */
function diagram(root: AnyStateNode, exitOf: (target: AnyStateNode) => string): string {
  const nodes = descendants(root).filter((n) => n.type !== 'history');
  const states: string[] = [];
  const edges: string[] = [];
  const exits = new Map<string, string>();
  const enter = (n: AnyStateNode): AnyStateNode => (n.type === 'compound' ? enter(n.initial.target[0] as AnyStateNode) : n);
  const id = (n: AnyStateNode) => {
    if (within(n, root)) return idOf(enter(n), root);
    const name = exitOf(n);
    const key = `to_${name.replace(/\W/g, '_')}`;
    exits.set(key, name);
    return key;
  };
  for (const node of nodes.filter((n) => n.type !== 'compound')) {
    states.push(`  state "${node.path.slice(root.path.length).join(' › ')}" as ${idOf(node, root)}`);
    const what = doing(node);
    if (what) states.push(`  ${idOf(node, root)} : ${what}`);
  }
  edges.push(`  [*] --> ${id(root.initial.target[0] as AnyStateNode)}`);
  for (const node of nodes) {
    const own = transitionsOf(node).filter((t) => !isGeneric(t));
    for (const t of own) {
      // A transition of a compound state applies to each state inside it.
      const sources = node.type === 'compound' ? descendants(node).filter((n) => n.type === 'atomic') : [node];
      for (const source of sources) {
        for (const target of t.target ?? [node]) {
          const text = label(t, own);
          edges.push(`  ${id(source)} --> ${id(target)}${text ? ` : ${text}` : ''}`);
        }
      }
    }
  }
  const exitStates = [...exits].map(([key, name]) => `  state "${name} ▶" as ${key}`);
  const classes = exits.size ? ['  classDef exit fill:#f4f4f4,stroke:#999,stroke-dasharray:4 3', `  class ${[...exits.keys()].join(',')} exit`] : [];
  return ['```mermaid', 'stateDiagram-v2', ...states, ...exitStates, ...edges, ...classes, '```'].join('\n');
}

/** Where a target outside a phase leads: the top-level phase or final state holding it. */
function exitNamer(machine: AnyStateMachine) {
  const active = machine.root.states.active as AnyStateNode;
  return (target: AnyStateNode) => {
    if (within(target, active) && target !== active) return target.path[1]!;
    return target.path[0]!;
  };
}

/**
 * The overview: the phases, the interruption and the ends, with what leads from one to another
 * (every reason to give up is one arrow, "gives up"; the phase diagrams name them).
 */
function overview(machine: AnyStateMachine): string {
  const active = machine.root.states.active as AnyStateNode;
  const phases = childrenOf(active).filter((p) => p.type !== 'history');
  const top = childrenOf(machine.root).filter((n) => n !== active);
  const phaseOf = (n: AnyStateNode) => phases.find((p) => within(n, p));
  const links = new Map<string, Set<string>>();
  const link = (from: string, to: string, text: string) => {
    const key = `${from} --> ${to}`;
    if (!links.has(key)) links.set(key, new Set());
    links.get(key)!.add(text);
  };
  const interruptions = new Set<string>();
  for (const phase of phases) {
    for (const node of [phase, ...descendants(phase)]) {
      const own = transitionsOf(node);
      for (const t of own) {
        for (const target of t.target ?? []) {
          const to = phaseOf(target)?.key ?? target.path[0]!;
          if (to === phase.key) continue;
          if (isGeneric(t) && to !== 'abandoned') interruptions.add(`${phase.key} --> ${to}`);
          if (isGeneric(t)) continue;
          link(phase.key, to, to === 'abandoned' ? 'gives up' : label(t, own).replace(/ \(.*\)$/, ''));
        }
      }
    }
  }
  const resumes = top.flatMap((n) => transitionsOf(n).flatMap((t) => (t.target ?? []).filter((x) => x.type === 'history').map(() => ({ from: n.key, text: label(t, transitionsOf(n)) }))));
  return [
    '```mermaid', 'stateDiagram-v2',
    `  [*] --> ${(active.initial.target[0] as AnyStateNode).key}`,
    ...phases.map((p) => `  ${p.key} : ${descendants(p).filter((n) => doing(n)?.startsWith('asks')).length} portal steps`),
    ...[...links].map(([key, texts]) => `  ${key} : ${[...texts].join(', ')}`),
    ...[...interruptions].map((key) => `  ${key} : UNAVAILABLE (retries left)`),
    ...resumes.flatMap(({ from, text }) => [...interruptions].filter((k) => k.endsWith(`--> ${from}`)).map((k) => `  ${from} --> ${k.split(' --> ')[0]} : ${text}, the same step`)),
    ...top.filter((n) => n.type === 'final').map((n) => `  ${n.key} --> [*]`),
    '```',
  ].join('\n');
}

const PHASES: Record<string, { title: string; text: string }> = {
  account: {
    title: 'Account: register, sign in, reset the password',
    text: 'A new applicant registers with an SMS or a WeChat code; one with an account from an earlier year signs in. A forgotten password goes through the reset the persona uses (email link, SMS code, or WeChat when bound); an account from before 2019-03-01 must register again.',
  },
  verification: {
    title: 'Verification: identity information and real name',
    text: 'The first-login profile, then the real-name check (3 a day). A stale record sends resident-ID holders to the CTID app; what still fails goes to manual review, checked every few days, resubmitted after a rejection, given up when the cycle\'s reviews are spent.',
  },
  registration: {
    title: 'Registration, with the wizard',
    text: 'The notice, the window lookup (waiting for an upcoming window), then the wizard. Leaving the wizard loses its progress: the applicant comes back later and starts over at the agreement.',
  },
  followUp: {
    title: 'Follow-up: form, on-site confirmation, approval',
    text: 'The form can be printed an hour after submission. The applicant checks the status every few days, reads messages and modifies the application when asked, and waits for the decision.',
  },
};

/** The whole document. */
export function renderJourneyDoc(): string {
  const journeyActive = journeyMachine.root.states.active as AnyStateNode;
  const exitOf = exitNamer(journeyMachine);
  const sections = childrenOf(journeyActive).filter((p) => p.type !== 'history').map((phase) => {
    const about = PHASES[phase.key] ?? { title: phase.key, text: '' };
    return [`## ${about.title}`, '', about.text, '', diagram(phase, exitOf)].join('\n');
  });
  return [
    '# The applicant\'s journey',
    '',
    '<!-- Generated by `npm run docs:journey` (scripts/journey-diagrams.ts) from the machines in machines/. Do not edit: a test compares this file with the script\'s output. -->',
    '',
    'The journey machines (machines/journey, machines/certificate-query.ts) drawn from their definitions. Conventions:',
    '',
    '- A state that **asks** the portal names the operation (`asks requestSmsCode`); the driver performs the step and answers with the **outcome** that labels each arrow: a success label (`ok`, `found`, `passed`, a registration conclusion such as `待注册审批`) or a refusal code (`CAPTCHA`, `SMS_DAILY_QUOTA_EXCEEDED`, …), as `classify` in machines/outcomes.ts makes them. `failed∶open-ctid` is the outcome `failed:open-ctid`.',
    '- A **page** (`page: agreement`) is turned with `NEXT`, `LEAVE` or `DISAGREE`. A state that **waits** names its delay (`after untilTomorrow`); the driver decides how long that is.',
    '- In brackets, what else decides: `(retries left)` and the like is the persona\'s patience for that step (the count is kept per step); `(patience spent)` is the same answer once it has run out; other names are persona traits (`hasAccount`, `handAddedCertificate`, …).',
    '- Every portal step also handles two answers the phase diagrams leave out: `UNAVAILABLE` (the portal is down: the journey is interrupted and resumes at the same step after `retryLater`, while patience lasts, else gives up), and any answer the step does not name (gives up). The overview shows them once.',
    '- A grey box `name ▶` is where a transition leaves the diagram: another phase or an end of the journey.',
    '',
    '## Overview',
    '',
    overview(journeyMachine),
    '',
    ...sections.flatMap((s) => [s, '']),
    '## Certificate query (other query)',
    '',
    'Someone without an account (an employer, say) checks a teacher\'s certificate with name, ID number, certificate number and an SMS code sent to their own phone.',
    '',
    diagram(certificateQueryMachine.root.states.active as AnyStateNode, (target) => target.path[0]!),
    '',
  ].join('\n').replace(/\n\n\n+/g, '\n\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(OUTPUT, renderJourneyDoc());
  console.log(`wrote ${OUTPUT}`);
}
