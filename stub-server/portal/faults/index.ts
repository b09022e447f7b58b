/** Injected faults: per-operation latency, error rate and outage; a slow or cut SMS gateway and registry. */
export {
  faultConfigSchema, latencySchema, outageSchema, ANY_OPERATION, BACKENDS, MAX_DELAY_MS,
  type FaultConfig, type FaultConfigInput, type Latency, type Outage, type OperationFault, type BackendFault, type Backend,
} from './config';
export { FaultBox, withFaultScope, backendProblemCode, injectedProblem, INJECTED_CODES, type Decision, type Injected, type Scoped } from './fault-box';
export { sampleDelay } from './sample';
export { faultOperations, getFaults, setFaults } from './operations';
export { parseFaultConfig, loadFaultsFile, FaultsError } from './load';
