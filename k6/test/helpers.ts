/**
 * What the k6 tests share: exported scripts transpiled and run in Node with stand-ins for
 * k6's modules (k6-shim.mjs), in-process for their options or in a worker thread against a
 * real stub for their journeys; k6 durations read back.
 */
import { MessageChannel, Worker } from 'node:worker_threads';
import ts from 'typescript';
import { DATA_BEGIN, DATA_END } from '../data';
import { evaluateScript } from './k6-shim.mjs';

/** A request a script made: its body as sent, and the iteration (exec.scenario.iterationInTest) it was made in. */
export interface RecordedRequest { method: string; url: string; body: string | null; tags: Record<string, string>; status: number; iteration: number }
export interface Recorded { requests: RecordedRequest[]; checks: { name: string; passed: boolean }[] }

export const transpile = (source: string): string =>
  ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;

/** The script's `options`, evaluated as k6 would in its init context (no requests are made there). */
export function scriptOptions(script: string): any {
  const request = () => { throw new Error('a request in the init context'); };
  return evaluateScript(transpile(script), { request, scenario: { name: '', iterationInTest: 0 } }).exports.options;
}

/** The script's data generator, taken out between its markers and run on its own. */
export function dataGenerator(script: string): { person: (n: number, province: unknown) => any; idCheckDigit: (first17: string) => string } {
  const begin = script.indexOf(DATA_BEGIN);
  const end = script.indexOf(DATA_END);
  if (begin < 0 || end < begin) throw new Error('the script has no data section');
  const js = ts.transpileModule(script.slice(begin, end), { compilerOptions: { target: ts.ScriptTarget.ES2020 } }).outputText;
  return new Function(`${js}\nreturn { person, idCheckDigit };`)();
}

/** The PROVINCES table of a script (the generator's input), read from its one line. */
export function provinces(script: string): Record<string, unknown> {
  const line = /^const PROVINCES: Record<string, ProvinceData> = (.*);$/m.exec(script);
  if (!line) throw new Error('the script has no PROVINCES table');
  return JSON.parse(line[1]!);
}

export interface Step { scenario: string; iteration: number; run: string }

/**
 * Runs `setup()` (its requests recorded at iteration -1) and then the steps' exported
 * functions in a worker thread whose http.request is synchronous: the main thread fetches
 * from `baseUrl`'s server meanwhile.
 */
export function runScript(script: string, env: Record<string, string>, plan: Step[]): Promise<Recorded & { errors: string[] }> {
  const { port1, port2 } = new MessageChannel();
  const signal = new SharedArrayBuffer(4);
  const flag = new Int32Array(signal);
  const worker = new Worker(new URL('./k6-worker.mjs', import.meta.url), {
    workerData: { js: transpile(script), env, port: port2, signal, plan: [{ scenario: '', iteration: -1, run: 'setup' }, ...plan] },
    transferList: [port2],
  });
  return new Promise((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', async (message) => {
      if (message.type === 'done') {
        await worker.terminate();
        port1.close();
        resolve({ ...message.recorded, errors: message.errors });
        return;
      }
      let answer: { status: number; body: string };
      try {
        const res = await fetch(message.url, { method: message.method, headers: message.headers, body: message.body ?? undefined });
        answer = { status: res.status, body: await res.text() };
      } catch (error) {
        answer = { status: 0, body: JSON.stringify({ error: (error as Error).message }) };
      }
      port1.postMessage(answer);
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
    });
  });
}

/** A k6 duration (`2h30m`, `36s`, `514286ms`, `0s`) in ms. */
export function durationMs(text: string): number {
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) throw new Error(`not a k6 duration: ${text}`);
  const unit: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  return parts.reduce((sum, p) => sum + Number(p[1]) * unit[p[2]!]!, 0);
}

/** Journeys a ramping-arrival-rate scenario starts: the area under its rate, stage by stage (linear ramps). */
export function arrivalsOf(scenario: { startRate?: number; timeUnit: string; stages: { target: number; duration: string }[] }): number {
  const unit = durationMs(scenario.timeUnit);
  let rate = scenario.startRate ?? 0;
  let total = 0;
  for (const stage of scenario.stages) {
    total += ((rate + stage.target) / 2) * (durationMs(stage.duration) / unit);
    rate = stage.target;
  }
  return total;
}
