/** Many runs of the simulator at once, over worker threads (compare, plan). */
export { RunPool, type RunJob } from './pool';
