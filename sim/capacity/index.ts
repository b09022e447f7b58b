/** The portal's capacity in a run: application servers as an FCFS pool, its backends' hourly throughput. */
export { ApplicationServers, type Admission, type ServersConfig } from './application-servers';
export { HourlyThroughput } from './hourly-throughput';
