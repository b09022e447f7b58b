/** Resources on the engine: a pool of servers with a FIFO queue, and the M/M/c theory to check it by. */
export {
  ServerPool, type ServerPoolOptions, type Ticket, type TicketStatus, type OnDone,
} from './server-pool';
export type { PoolStats } from './pool-stats';
export { erlangB, erlangC, type MMcFigures } from './erlang';
export { Fifo } from './fifo';
