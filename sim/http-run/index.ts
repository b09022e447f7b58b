/** Runs over real HTTP: against a server on a scaled clock, in an open model, latency measured on the wire. */
export { httpTransport, type HttpRunOptions } from './http-transport';
