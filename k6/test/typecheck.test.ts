import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../scenarios';
import { exportK6Script } from '..';

/**
 * Every scenario's script type-checks against k6's own type definitions (@types/k6), as a
 * k6 script on its own: no Node types, no project modules. One tsc run over all of them.
 */
const root = new URL('../../', import.meta.url).pathname;
let dir: string | undefined;
afterAll(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

async function typecheck(files: Record<string, string>): Promise<{ ok: boolean; output: string }> {
  dir = await mkdtemp(join(tmpdir(), 'jszg-k6-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      strict: true, noEmit: true, target: 'ES2020', lib: ['ES2020'], module: 'ESNext', moduleResolution: 'Bundler',
      isolatedModules: true, types: ['k6'], typeRoots: [join(root, 'node_modules/@types')],
    },
    include: Object.keys(files),
  }));
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir]);
    return { ok: true, output: stdout };
  } catch (error) {
    return { ok: false, output: (error as { stdout?: string }).stdout ?? String(error) };
  }
}

describe('exported scripts type-check against @types/k6', () => {
  it('every scenario, and a script that calls an operation the route table lacks does not', async () => {
    const files = Object.fromEntries(SCENARIOS.map((s) => [`${s.name}.ts`, exportK6Script(s, { timeScale: 60 })]));
    // The control: tsc must refuse this one, or a passing run proves nothing.
    files['broken.ts'] = files['default.ts']!.replace("call('getRegistrationNotice'", "call('getRegistrationNotices'");
    const { ok, output } = await typecheck(files);
    expect(ok).toBe(false);
    const errors = output.split('\n').filter((l) => /error TS\d+/.test(l));
    const inBroken = (line: string) => /(^|\/)broken\.ts\(/.test(line);
    expect(errors.some(inBroken)).toBe(true);
    expect(errors.filter((l) => !inBroken(l))).toEqual([]);
  }, 120_000);
});
