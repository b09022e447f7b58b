import type { Operation } from '../operation';

export const institutionOperations: Operation[] = [];
