/** Two rule sets over replications: differences with 95% intervals, p-values and Holm's verdict. */
export { compareRules, type CompareOptions, type Comparison } from './compare';
export { differences, HEADLINE, type Difference } from './metrics';
export { replicationSeeds, type Design } from './seeds';
export { ALPHA, holm, pairedTest, welchTest, type Test } from './statistics';
