/** Many runs of the simulator at once, over worker threads (compare, plan). */
export { RunPool, type CoreSplit, type RunJob } from './pool';
