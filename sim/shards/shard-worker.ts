import { workerData } from 'node:worker_threads';
import { runShard } from './shard';
import { NotExactOnShards } from './shared-capacity';
import type { FromShard, ShardInit } from './protocol';

// A shard's thread: its run, and why it stopped if it did not finish.
const init = workerData as ShardInit;
const { port } = init;
try {
  await runShard(init);
} catch (error) {
  const message: FromShard = error instanceof NotExactOnShards ? { type: 'notExact', because: error.because } : { type: 'failed', error: error instanceof Error ? error.stack ?? error.message : String(error) };
  port.postMessage(message);
}
port.close();
