/** The discrete-event kernel: an event queue, the simulation environment and an XState clock. */
export { EventQueue, type EventId } from './event-queue';
export {
  Simulation, type Callback, type RunOptions, type RunResult, type Progress, type StopReason,
} from './simulation';
export { VirtualClock, type XStateClock } from './virtual-clock';
export { SECOND, MINUTE, HOUR, DAY } from './time';
