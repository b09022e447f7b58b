/**
 * `jszg-sim serve` as a user meets it: a failed start leaves no file, the demo says when its
 * windows are, and `npm run serve` stops when npm does.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../test/cli';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'jszg-serve-')); });
afterAll(() => rm(dir, { recursive: true, force: true }));

const root = new URL('../..', import.meta.url).pathname;
const refused = (url: string) => fetch(`${url}/healthz`).then(() => false, () => true);

describe('jszg-sim serve', () => {
  it('leaves no file behind when it cannot start (the port taken)', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    const run = await cli(['serve', '--port', String(port), '--db', join(dir, 'data', 'portal.json')]);
    taken.close();
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining('EADDRINUSE')]);
    expect(await readdir(dir)).toEqual([]);
  }, 30_000);

  it('says when the demo\'s windows are when today is outside them, and stops when npm is killed', async () => {
    const { npm, out, url } = await npmServe();
    expect(out).toMatch(/demo: its registration windows run 2026-09-11 – 2026-11-30; today \(2026-12-03\) none is open/);
    expect(await refused(url)).toBe(false);
    // Killed outright, npm cannot pass anything on: the server notices it has lost its parent.
    npm.kill('SIGKILL');
    expect(await gone(url)).toBe(true);
  }, 60_000);

  it('stops on Ctrl-C through npm (SIGINT to the whole process group)', async () => {
    const { npm, url } = await npmServe();
    const exited = new Promise<void>((resolve) => npm.on('exit', () => resolve()));
    process.kill(-npm.pid!, 'SIGINT');
    await exited;
    expect(await gone(url)).toBe(true);
  }, 60_000);
});

/** `npm run serve` (the demo) on a date outside its windows, in a process group of its own as a terminal would start it. */
async function npmServe(): Promise<{ npm: ChildProcessWithoutNullStreams; out: string; url: string }> {
  const npm = spawn('npm', ['run', '-s', 'serve', '--', '--memory', '--port', '0', '--clock', 'settable', '--clock-start', '2026-12-03T10:00:00+08:00'], { cwd: root, detached: true });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    npm.stdout.on('data', (chunk: Buffer) => {
      out += chunk;
      if (out.includes('demo:')) resolve(/listening on (\S+)/.exec(out)![1]!);
    });
    npm.on('exit', () => reject(new Error(`npm ended first: ${out}`)));
  });
  return { npm, out, url };
}

/** Whether the server at `url` stops answering within 10 s. */
async function gone(url: string): Promise<boolean> {
  for (let i = 0; i < 40; i += 1) {
    if (await refused(url)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}
