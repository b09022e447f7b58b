/** The portal's capacity in a run: application servers as an FCFS pool, the SMS gateway's hourly throughput. */
export { ApplicationServers, type ServersConfig } from './application-servers';
export { SmsGateway } from './sms-gateway';
