import type { Operation } from '../operation';

export const manualReviewOperations: Operation[] = [];
