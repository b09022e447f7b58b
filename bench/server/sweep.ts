/**
 * `npm run bench:sweep`: does `serve` hold its memory under sustained abuse? For each kind of
 * abusive request (unsolved captchas; WeChat codes for ever new ID numbers; logins to one
 * account; reset emails for one account), N requests (SWEEP_REQUESTS, default 50,000) against
 * `serve --memory --clock scaled:3600 --sweep-seconds 1`, so codes, sessions and past days expire
 * within the run. Prints the server's RSS before and after each kind, and their ratio.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnStub } from '../../stub-server/spawn';
import { ADMIN, nextApplicant, PortalClient } from '../../test/harness';
import { machine } from '../shared/machine';

const requests = Number(process.env.SWEEP_REQUESTS ?? 50_000);
const concurrency = 16;
// A cheap hash: the bench is about memory, not scrypt's CPU.
const rulesFile = join(tmpdir(), 'jszg-sweep-bench-rules.json');
writeFileSync(rulesFile, JSON.stringify({ account: { scryptCost: 1024 } }));
const stub = await spawnStub(['--memory', '--clock', 'scaled:3600', '--sweep-seconds', '1', '--rules', rulesFile], ADMIN);
const client = new PortalClient(stub.url, ADMIN);
const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${stub.child.pid}/status`, 'utf8'))![1]) / 1024;

/** Runs `one` N times, `concurrency` at once, with a progress line on a terminal. */
async function flood(kind: string, one: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const tty = process.stderr.isTTY && !process.env.CI;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < requests) {
      const i = next++;
      await one(i);
      if (tty && i % 1000 === 0) process.stderr.write(`\r  ${kind}: ${i}/${requests}`);
    }
  }));
  if (tty) process.stderr.write('\r\x1b[K');
}

const victim = nextApplicant();
const who = { idType: victim.idType, idNumber: victim.idNumber, name: victim.name };
const kinds: [string, (i: number) => Promise<unknown>][] = [
  ['unsolved captchas', () => client.call('getCaptcha')],
  ['WeChat codes, a new ID each', async () => client.call('requestWechatCode', { idNumber: nextApplicant().idNumber, purpose: 'register', captchaToken: await client.captchaToken() })],
  ['logins to one account', async () => client.call('login', { idNumber: victim.idNumber, password: victim.password, captchaToken: await client.captchaToken() })],
  ['reset emails for one account', async () => client.call('sendResetEmail', { ...who, captchaToken: await client.captchaToken() })],
];

try {
  const sms = await client.call('requestSmsCode', { phone: victim.phone, purpose: 'register', captchaToken: await client.captchaToken() });
  if (sms.status !== 200) throw new Error(`requestSmsCode ${sms.status} ${JSON.stringify(sms.body)}`);
  await client.call('registerAccount', { ...victim, code: await client.lastCode(victim.phone), captchaToken: await client.captchaToken(), agreementAccepted: true });
  // Warm up the server's code paths before the first figure.
  await flood('warm-up', () => client.call('getCaptcha'));
  const rows: { kind: string; beforeMb: number; afterMb: number; ratio: number; seconds: number }[] = [];
  for (const [kind, one] of kinds) {
    const beforeMb = rssMb();
    const start = process.hrtime.bigint();
    await flood(kind, one);
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // a few sweeps
    const afterMb = rssMb();
    rows.push({ kind, beforeMb, afterMb, ratio: afterMb / beforeMb, seconds: Number(process.hrtime.bigint() - start) / 1e9 });
  }
  const stats = (await client.admin('getStats')).body;
  console.log(`${machine()}; ${requests} requests of each kind, ${concurrency} at once\n`);
  console.log('kind                              RSS before MB  RSS after MB  after/before  seconds');
  for (const r of rows) console.log(`${r.kind.padEnd(34)}${r.beforeMb.toFixed(0).padStart(13)}${r.afterMb.toFixed(0).padStart(14)}${r.ratio.toFixed(2).padStart(14)}${r.seconds.toFixed(0).padStart(9)}`);
  mkdirSync('out/bench', { recursive: true });
  writeFileSync('out/bench/sweep.json', `${JSON.stringify({ machine: machine(), requests, rows, stats }, null, 2)}\n`);
} finally {
  await stub.stop();
}
