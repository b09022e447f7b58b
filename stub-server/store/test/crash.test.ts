import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { openJournalStore } from '../journal-store';

const writer = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));
const cwd = fileURLToPath(new URL('../../..', import.meta.url));
const ROUNDS = 20;

let dir: string | undefined;
afterAll(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

/** Runs the writer until `delayMs` after it opened the store, SIGKILLs it, returns its acknowledged lines. */
function runAndKill(file: string, round: number, delayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, file, String(round)], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (!timer && stdout.startsWith('open\n')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`writer exited (${code ?? signal}) before the kill:\n${stderr}`));
      // Only complete lines: a line cut by the kill was never fully acknowledged.
      resolve(stdout.split('\n').slice(1, -1));
    });
  });
}

it(`loses nothing acknowledged across ${ROUNDS} SIGKILLs`, async () => {
  dir = await mkdtemp(join(tmpdir(), 'journal-crash-'));
  const file = join(dir, 'data', 'db.json');
  const written = new Set<string>();
  const deleted = new Set<string>();
  const deleting = new Set<string>(); // delete issued, maybe not acknowledged
  let compactedRounds = 0;

  for (let round = 0; round < ROUNDS; round++) {
    const delayMs = 30 + ((round * 97) % 271); // deterministic spread over 30..300 ms
    const acks = await runAndKill(file, round, delayMs);
    for (const line of acks) {
      const key = line.slice(1);
      if (line.startsWith('+')) written.add(key);
      else if (line.startsWith('~')) deleting.add(key);
      else if (line.startsWith('-')) deleted.add(key);
      else throw new Error(`round ${round}: unexpected writer output ${JSON.stringify(line)}`);
    }
    expect(acks.length, `round ${round} acknowledged nothing`).toBeGreaterThan(0);

    // Check a copy of exactly what the kill left on disk (segments, snapshot, any lowdb temp
    // file), so the next writer recovers from the raw crash state rather than our tidied one.
    const check = join(dir, `check-${round}`);
    await cp(join(dir, 'data'), check, { recursive: true });
    if ((await readdir(check)).some((f) => f === 'db.json')) compactedRounds++;
    const store = await openJournalStore({ file: join(check, 'db.json'), fsync: false });
    const keys = store.table<{ key: string; pad: string }>('keys');
    const missing = [...written].filter((k) => !deleting.has(k) && !keys.has(k));
    const resurrected = [...deleted].filter((k) => keys.has(k));
    expect({ round, missing, resurrected }).toEqual({ round, missing: [], resurrected: [] });
    for (const [k, row] of keys.entries()) expect(row).toEqual({ key: k, pad: k.padEnd(300, '.') });
    await store.close();
    await rm(check, { recursive: true });
  }
  // The writer compacts every 32 KiB, so most rounds found a lowdb snapshot to start from.
  expect(compactedRounds).toBeGreaterThan(ROUNDS / 2);
}, 60_000);
