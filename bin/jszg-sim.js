#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so the bin registers tsx before loading it.
import { spawn } from 'node:child_process';
import { totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// A season of millions (national-season: about 4 GB of live heap at 3M applicants) needs more
// than V8's default heap (about 4 GB), and the limit can only be set when node starts: a
// simulating command runs itself again with 6 GB (or three quarters of the memory if less),
// unless the caller chose a size (NODE_OPTIONS or a node flag). 6 GB, not more: V8 lets the heap
// grow towards its limit before collecting, and the season's budget is 8 GB of RSS.
const simulates = ['run', 'compare', 'plan'].includes(process.argv[2]);
const chosen = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('--max-old-space-size'));
if (simulates && !chosen) {
  const mb = Math.min(6144, Math.floor((totalmem() / 2 ** 20) * 0.75));
  const child = spawn(process.execPath, [`--max-old-space-size=${mb}`, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  // Ctrl-C reaches the whole process group, the child included; a SIGTERM sent here is passed on.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => (signal ? process.kill(process.pid, signal) : process.exit(code ?? 1)));
} else {
  register();
  await import('../cli/main.ts');
}
