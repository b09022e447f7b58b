import { closest } from 'fastest-levenshtein';
import { ThresholdError, type Threshold } from './thresholds';

/**
 * The numbers of report.json a threshold may name, as a tree: `true` is a number, `'*'` a
 * record whose keys vary (its values numbers, or the tree given). The fields are those of
 * docs/report-schema.md; a test holds this tree, that document and a real report together.
 */
type Tree = { [key: string]: true | Tree | { '*': true | Tree } };

const WAIT: Tree = { p50: true, p95: true, max: true, mean: true, censored: { count: true, atLeast: true } };
const QUEUE: Tree = {
  arrivals: true, served: true, utilisation: true, peakHourUtilisation: true, l: true, lq: true, wSeconds: true, wqSeconds: true, pWait: true,
};

export const METRICS: Tree = {
  seed: true,
  applicants: true,
  funnel: { arrived: true, registered: true, verified: true, submitted: true, confirmed: true, approved: true, approvedRate: true },
  outcomes: { '*': true },
  abandoned: { total: true, byStep: { '*': { '*': true } } },
  quotaDenials: { sms: true, realName: true, manualReview: true, wechat: true },
  manualReview: {
    submitted: true, decided: true, approved: true, slaBreaches: true, waitWorkingDays: WAIT,
    littlesLaw: { arrivalsPerHour: true, meanTimeInSystemHours: true, meanBacklog: true },
  },
  onSite: {
    confirmed: true, confirmationFailed: true, messages: true, reverted: true, decided: { '*': true },
    waitWorkingDays: { confirmation: WAIT, approval: WAIT }, mostWaiting: { confirmation: true, approval: true },
  },
  latency: { '*': { count: true, p50: true, p95: true, p99: true, max: true } },
  peaks: { requestsPerSecond: true, requestsPerHour: true, smsPerHour: true, registryChecksPerHour: true, inProgressPeak: true, inSessionPeak: true },
  servers: { requests: true, refused: true, timeouts: true, utilisation: true, peakHourUtilisation: true },
  queues: { servers: QUEUE, manualReview: QUEUE, confirmation: QUEUE, approval: QUEUE },
  refusals: { '*': true },
  sessionExpiries: true,
};

/** Names a record's keys may take, where they are known (operationIds for `latency`). */
export interface KnownKeys { latency?: readonly string[] }

/** Whether `path` names a number of report.json. */
export function isMetric(path: string, known: KnownKeys = {}): boolean {
  let node: true | Tree | undefined = METRICS;
  const keys = path.split('.');
  for (const [i, key] of keys.entries()) {
    if (node === true || node === undefined) return false;
    if ('*' in node) {
      if (i === 1 && keys[0] === 'latency' && known.latency && !known.latency.includes(key)) return false;
      node = node['*'] as true | Tree;
    } else {
      node = Object.hasOwn(node, key) ? (node[key] as true | Tree) : undefined;
    }
  }
  return node === true;
}

/** Every metric path, a record's keys written as `*` (or each known key). */
function allPaths(node: true | Tree = METRICS, prefix = '', known: KnownKeys = {}): string[] {
  if (node === true) return [prefix];
  return Object.entries(node).flatMap(([key, child]) => {
    const names = key === '*' && prefix === 'latency' && known.latency ? known.latency : [key];
    return names.flatMap((name) => allPaths(child as true | Tree, prefix ? `${prefix}.${name}` : name, known));
  });
}

/**
 * Refuses, before anything runs, a threshold whose metric report.json does not have, naming
 * the nearest one that it does.
 */
export function checkMetrics(thresholds: readonly Threshold[], known: KnownKeys = {}): void {
  for (const t of thresholds) {
    if (isMetric(t.metric, known)) continue;
    const nearest = closest(t.metric, allPaths(METRICS, '', known));
    throw new ThresholdError(`threshold "${t.line}": report.json has no metric ${t.metric}; did you mean ${nearest}? (docs/report-schema.md lists them)`);
  }
}
