import type { Operation } from '../operation';

export const registrationOperations: Operation[] = [];
