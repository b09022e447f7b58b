#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so the bin registers tsx before loading it.
import { spawn } from 'node:child_process';
import { constants, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// A season of millions (national-season: about 4 GB of live heap at 3M applicants) needs more
// than V8's default heap (about 4 GB), and the limit can only be set when node starts: a
// simulating command runs itself again with 6 GB (or three quarters of the memory if less),
// unless the caller chose a size (NODE_OPTIONS or a node flag). 6 GB, not more: V8 lets the heap
// grow towards its limit before collecting, and the season's budget is 8 GB of RSS.
// Likewise a young generation of 128 MB semi-spaces instead of 16: a run's objects mostly live
// for a wait of seconds to days, so small semi-spaces copy them again and again; the larger ones
// took a national-season of 100,000 from 1,437 collector pauses to 198 and its wall time to 0.91
// of it (docs/scaling.md), for about 230 MB more RSS.
const simulates = ['run', 'compare', 'plan'].includes(process.argv[2]);
const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ''];
const chosen = (flag) => given.some((a) => a.includes(flag));
const flags = [];
if (!chosen('--max-old-space-size')) flags.push(`--max-old-space-size=${Math.min(6144, Math.floor((totalmem() / 2 ** 20) * 0.75))}`);
if (!chosen('--max-semi-space-size')) flags.push('--max-semi-space-size=128');
if (simulates && flags.length > 0) {
  // Ctrl-C reaches the whole process group, the child included (so this one ignores it, from
  // before the child exists); a SIGTERM sent here is passed on.
  process.on('SIGINT', () => {});
  const child = spawn(process.execPath, [...flags, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  // A child ended by a signal (Ctrl-C before its own handler was set) ends this one as the shell
  // counts it, 128 + the signal's number: re-raising it here would meet the handler above.
  child.on('exit', (code, signal) => process.exit(signal ? 128 + constants.signals[signal] : code ?? 1));
} else {
  register();
  await import('../cli/main.ts');
}
