// Runs an exported script's setup() and journeys in a worker thread, with a synchronous
// http.request: each request goes to the main thread (which holds the stub and fetches),
// and the worker blocks on Atomics.wait until the answer is on its port, as k6 blocks a VU.
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { evaluateScript } from './k6-shim.mjs';

const { js, env, port, signal, plan } = workerData;
const flag = new Int32Array(signal);
const scenario = { name: '', iterationInTest: 0 };

function request(method, url, body, params) {
  Atomics.store(flag, 0, 0);
  parentPort.postMessage({ type: 'request', method, url, body, headers: params.headers ?? {} });
  Atomics.wait(flag, 0, 0);
  return receiveMessageOnPort(port).message;
}

const { exports, recorded } = evaluateScript(js, { request, scenario, env });
const errors = [];
for (const step of plan) {
  scenario.name = step.scenario;
  scenario.iterationInTest = step.iteration;
  try {
    exports[step.run]();
  } catch (error) {
    errors.push(`${step.run}: ${error.message}`);
  }
}
parentPort.postMessage({ type: 'done', recorded, errors });
