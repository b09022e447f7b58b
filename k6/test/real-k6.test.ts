/**
 * An exported script under real k6: README's short run, command for command (k6-short-run),
 * then what k6 saw held against the script, the stub and import-k6. Runs where a k6 binary is
 * (`../shared/tools/k6` beside the project, or `$K6_BINARY`); elsewhere it says why it skipped.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const K6 = process.env.K6_BINARY ?? fileURLToPath(new URL('../../../shared/tools/k6', import.meta.url));
const available = existsSync(K6);
if (!available) console.warn(`real-k6.test: skipped, no k6 binary at ${K6} (set K6_BINARY to one)`);

/** README's block of the short run, each line split as a shell would (single quotes kept together). */
function readmeCommands(): string[][] {
  const readme = readFileSync(`${root}/README.md`, 'utf8');
  const block = /```sh k6-short-run\n([\s\S]*?)```/.exec(readme);
  if (!block) throw new Error('README has no ```sh k6-short-run block');
  return block[1]!.trim().split('\n').map((line) => [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!));
}

/** A README command as this machine runs it: the project's own bin and esbuild, and the k6 found. */
function local([program, ...args]: string[]): [string, string[]] {
  if (program === 'npx' && args[0] === 'jszg-sim') return [process.execPath, [`${root}/bin/jszg-sim.js`, ...args.slice(1)]];
  if (program === 'npx') return [`${root}/node_modules/.bin/${args[0]}`, args.slice(1)];
  if (program === 'k6') return [K6, args];
  throw new Error(`README's k6 run has a command this test does not know: ${program}`);
}

interface Sample { metric: string; type: string; data: { time: string; value: number; tags?: Record<string, string> } }

let server: ChildProcess | undefined;
afterAll(() => { server?.kill('SIGTERM'); });

describe.skipIf(!available)('an exported script under real k6 (README\'s short run)', () => {
  it('runs with every check passing, agrees with the stub\'s counts and the script\'s stages, and import-k6 reads it', async () => {
    console.log(`k6: ${execFileSync(K6, ['version'], { encoding: 'utf8' }).trim()}`);
    rmSync(`${root}/out/k6`, { recursive: true, force: true });
    const commands = readmeCommands();
    let k6Code = -1;
    for (const command of commands) {
      const background = command.at(-1) === '&';
      const [program, args] = local(background ? command.slice(0, -1) : command);
      if (background) {
        server = spawn(program, args, { cwd: root, env: { ...process.env, CI: 'true' } });
        await new Promise<void>((resolve, reject) => {
          let out = '';
          server!.stdout!.on('data', (chunk: Buffer) => { out += chunk; if (out.includes('listening on')) resolve(); });
          server!.on('exit', () => reject(new Error(`the stub did not start: ${out}`)));
        });
        continue;
      }
      try {
        execFileSync(program, args, { cwd: root, env: { ...process.env, CI: 'true' }, stdio: 'pipe', encoding: 'utf8' });
        if (program === K6) k6Code = 0;
      } catch (error) {
        const { status, stdout, stderr } = error as { status: number; stdout: string; stderr: string };
        if (program !== K6) throw new Error(`${command.join(' ')} exited ${status}: ${stderr || stdout}`);
        k6Code = status;
      }
    }
    const summary = JSON.parse(readFileSync(`${root}/out/k6/summary.json`, 'utf8')).metrics;
    expect(summary.checks.fails).toBe(0);
    expect(summary.http_req_failed.value).toBe(0);
    // k6 evaluated every threshold of the script (in the summary each says whether it was crossed).
    const thresholds = Object.entries(summary as Record<string, { thresholds?: Record<string, boolean> }>).filter(([, m]) => m.thresholds);
    expect(thresholds.map(([name]) => name)).toEqual(expect.arrayContaining(['http_req_failed', 'http_req_duration{name:login}', 'http_req_duration{name:submitRegistration}']));
    // k6 exits 99 when a threshold is crossed. The failure rate's never may be; the latency ones
    // measure this machine's speed (a busy machine signs in slower), so they are reported, not held.
    const crossed = thresholds.filter(([, m]) => Object.values(m.thresholds!).some(Boolean)).map(([name]) => name);
    console.log(`k6 exit ${k6Code}; thresholds crossed: ${crossed.join(', ') || 'none'}`);
    expect(crossed.filter((name) => !name.startsWith('http_req_duration'))).toEqual([]);
    expect(k6Code).toBe(crossed.length > 0 ? 99 : 0);

    const samples: Sample[] = readFileSync(`${root}/out/k6/samples.json`, 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((s) => s.type === 'Point');
    const answered = (name: string, status: string) => samples.filter((s) => s.metric === 'http_reqs' && s.data.tags?.name === name && s.data.tags.status === status).length;
    const k6Saw = {
      accounts: answered('registerAccount', '201') + answered('seedAccounts', '200'),
      applications: answered('submitRegistration', '201'),
      sms: answered('requestSmsCode', '200'),
    };
    const stats = await (await fetch('http://127.0.0.1:8181/admin/stats', { headers: { authorization: 'Bearer T' } })).json() as { held: Record<string, number> };
    const stubHolds = { accounts: stats.held.accounts, applications: stats.held.registrations, sms: stats.held.outbox };
    console.log(`counts: k6 ${JSON.stringify(k6Saw)}, stub ${JSON.stringify(stubHolds)}`);
    expect(stubHolds).toEqual(k6Saw);

    // Arrivals follow the exported stages: the journeys started each simulated hour (an
    // iteration's end less its duration), cumulated, within a tenth of the day's total.
    const script = readFileSync(`${root}/out/k6/one-day.ts`, 'utf8');
    const hourSeconds = Number(/timeUnit: '(\d+(?:\.\d+)?)s'/.exec(script)![1]);
    const expected: number[] = [];
    for (const [, target, seconds] of script.matchAll(/\{ target: (\d+), duration: '(\d+(?:\.\d+)?)s' \}/g)) {
      for (let h = 0; h < Number(seconds) / hourSeconds; h += 1) expected.push(Number(target));
    }
    const iterations = samples.filter((s) => s.metric === 'iteration_duration' && s.data.tags?.scenario !== undefined)
      .map((s) => Date.parse(s.data.time) - s.data.value);
    const start = Math.min(...samples.filter((s) => s.metric === 'http_reqs' && s.data.tags?.group !== '::setup').map((s) => Date.parse(s.data.time)));
    const total = expected.reduce((a, b) => a + b, 0);
    // Not a vacuous run. How many journeys get as far as an application depends on how fast this
    // machine lets them go (the stub's clock runs 3,600 times real time): 149 to 171 of 200 when
    // idle, 99 with a 3M run beside it.
    expect(k6Saw.applications).toBeGreaterThan(total / 4);
    expect(Math.abs(iterations.length - total)).toBeLessThanOrEqual(1);
    let deviation = 0;
    for (let h = 1; h <= expected.length; h += 1) {
      const byNow = expected.slice(0, h).reduce((a, b) => a + b, 0);
      const seen = iterations.filter((t) => t < start + h * hourSeconds * 1000).length;
      deviation = Math.max(deviation, Math.abs(seen - byNow));
    }
    console.log(`arrivals: ${iterations.length} journeys of ${total} staged; largest hourly cumulative gap ${deviation}`);
    expect(deviation).toBeLessThanOrEqual(0.1 * total);

    // import-k6: each operation's p50, p95 and p99 are k6's own, within HDR precision (0.1%)
    // or the gap between the neighbouring samples (k6 interpolates, a histogram does not).
    const imported = JSON.parse(readFileSync(`${root}/out/k6/report/report.json`, 'utf8')) as { latency: Record<string, { p50: number; p95: number; p99: number }> };
    for (const [op, stat, ours] of [['login', 'med', 'p50'], ['login', 'p(95)', 'p95'], ['submitRegistration', 'p(99)', 'p99'], ['submitRegistration', 'med', 'p50']] as const) {
      const theirs = summary[`http_req_duration{name:${op}}`][stat] as number;
      const sorted = samples.filter((s) => s.metric === 'http_req_duration' && s.data.tags?.name === op).map((s) => s.data.value).sort((a, b) => a - b);
      const rank = (sorted.length - 1) * (stat === 'med' ? 0.5 : Number(stat.slice(2, -1)) / 100);
      const gap = sorted[Math.min(sorted.length - 1, Math.ceil(rank) + 1)]! - sorted[Math.max(0, Math.floor(rank) - 1)]!;
      expect(Math.abs(imported.latency[op]![ours] - theirs), `${op} ${ours}`).toBeLessThanOrEqual(Math.max(0.001 * theirs, gap) + 0.001);
    }
  }, 240_000);
});
