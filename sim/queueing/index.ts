/** Queues as queueing theory sees them: a log of a queue's figures, and the M/M/c theory to check them by. */
export { QueueLog, queueFigures, roundFigure, type QueueFigures, type QueueSums } from './queue-log';
export { erlangB, erlangC, type MMcFigures } from './erlang';
