import type { Operation } from '../operation';

export const schoolOperations: Operation[] = [];
