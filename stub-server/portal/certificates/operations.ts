import type { Operation } from '../operation';

export const certificateOperations: Operation[] = [];
