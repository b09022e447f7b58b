import type { Operation } from '../operation';

export const realNameOperations: Operation[] = [];
