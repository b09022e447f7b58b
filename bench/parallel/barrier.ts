/**
 * `npm run bench:barrier`: what one barrier between a coordinator and its shards costs on this
 * machine, the price of each busy window of a window-based parallel run (docs/parallel-runs.md).
 * Two ways, each a round trip from the main thread to SHARDS worker threads and back:
 * postMessage (structured clone of a small batch), and a shared-memory barrier on a
 * SharedArrayBuffer (no data), once sleeping at once (Atomics.wait/notify) and once spinning
 * first (polling up to SPIN times before sleeping: cheaper, while the waiter has a core to
 * itself). Env: SHARDS (2), ROUNDS (20,000), SPIN (20,000).
 */
import { Worker } from 'node:worker_threads';
import { machine } from '../shared/machine';

const shards = Number(process.env.SHARDS ?? 2);
const rounds = Number(process.env.ROUNDS ?? 20_000);
const spin = Number(process.env.SPIN ?? 20_000);

// The shard's side, inline: echo each message; on the shared barrier, wait for the round to
// change, then answer by bumping its own slot.
const shardSource = `
const { parentPort, workerData } = require('node:worker_threads');
const flags = new Int32Array(workerData.shared);
const me = workerData.index + 1;
parentPort.on('message', (m) => {
  if (m.kind === 'batch') { parentPort.postMessage(m); return; }
  for (let round = 1; round <= m.rounds; round += 1) {
    for (let i = 0; i < m.spin && Atomics.load(flags, 0) < round; i += 1);
    Atomics.wait(flags, 0, round - 1);
    Atomics.store(flags, me, round);
    Atomics.notify(flags, me);
  }
  parentPort.postMessage('done');
});`;

const shared = new SharedArrayBuffer(4 * (shards + 1));
const flags = new Int32Array(shared);
const workers = Array.from({ length: shards }, (_, index) => new Worker(shardSource, { eval: true, workerData: { shared, index } }));
const once = (w: Worker) => new Promise((resolve) => w.once('message', resolve));

// postMessage round trips: each round sends every shard a batch of 8 calls and awaits them all.
const batch = { kind: 'batch', calls: Array.from({ length: 8 }, (_, i) => ({ at: i * 1000.5, applicant: i, op: 'login' })) };
let started = performance.now();
for (let round = 0; round < rounds; round += 1) {
  const answers = workers.map(once);
  for (const w of workers) w.postMessage(batch);
  await Promise.all(answers);
}
const messageUs = ((performance.now() - started) * 1000) / rounds;

// Shared-memory barrier: the main thread opens round r, then waits for each shard to reach it.
// Flags restart at 0 for each way of waiting.
const barrier = async (spinFor: number) => {
  flags.fill(0);
  const finished = workers.map(once);
  for (const w of workers) w.postMessage({ kind: 'atomics', rounds, spin: spinFor });
  const began = performance.now();
  for (let round = 1; round <= rounds; round += 1) {
    Atomics.store(flags, 0, round);
    Atomics.notify(flags, 0);
    for (let s = 1; s <= shards; s += 1) {
      for (let i = 0; i < spinFor && Atomics.load(flags, s) < round; i += 1);
      while (Atomics.load(flags, s) < round) Atomics.wait(flags, s, round - 1);
    }
  }
  const us = ((performance.now() - began) * 1000) / rounds;
  await Promise.all(finished);
  return us;
};
const atomicsUs = await barrier(0);
const spinUs = await barrier(spin);
await Promise.all(workers.map((w) => w.terminate()));

console.log(JSON.stringify({ machine: machine(), shards, rounds, postMessageRoundTripUs: Number(messageUs.toFixed(1)), atomicsBarrierUs: Number(atomicsUs.toFixed(1)), spinBarrierUs: Number(spinUs.toFixed(1)) }, null, 2));
