/** Queueing theory the simulator is checked against (and plans with). */
export { erlangC, type MMc } from './erlang-c';
