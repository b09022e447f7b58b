/** The portal's capacity in a run: application servers as an FCFS pool, its backends' hourly throughput. */
export { ApplicationServers, type Admission, type ServersConfig } from './application-servers';
export { ServerBooks, type Booking, type ServerBooksWire } from './server-books';
export { HourlyThroughput } from './hourly-throughput';
