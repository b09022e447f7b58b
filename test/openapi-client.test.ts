/**
 * README's client recipe works: the exact openapi-typescript command it shows turns the
 * committed document into types, and a client written against them type-checks (and a wrong
 * one does not).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'openapi-client-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The command as README gives it: `npx openapi-typescript docs/openapi.json -o FILE`. */
function readmeCommand(): { args: string[]; out: string } {
  const line = /npx (openapi-typescript docs\/openapi\.json -o (\S+))/.exec(readFileSync(join(root, 'README.md'), 'utf8'));
  if (!line) throw new Error('README shows no `npx openapi-typescript docs/openapi.json -o FILE` command');
  return { args: line[1]!.split(' '), out: line[2]! };
}

const CLIENT = (answerType: string) => `
import type { paths } from './portal-api';
type Registered = paths['/api/accounts']['post']['responses']['201']['content']['application/json'];
type Problem409 = paths['/api/accounts']['post']['responses']['409']['content']['application/problem+json'];
export const answer: Registered = { idType: 'resident-id', idNumber: '350102198806010019', name: '张伟', registeredAt: ${answerType} };
export const code: Problem409['code'] = 'ACCOUNT_EXISTS';
`;

function typecheck(source: string): string {
  writeFileSync(join(dir, 'client.ts'), source);
  try {
    execFileSync(join(root, 'node_modules/.bin/tsc'), ['--noEmit', '--strict', '--skipLibCheck', '--target', 'es2022', '--moduleResolution', 'bundler', '--module', 'esnext', join(dir, 'client.ts')], { encoding: 'utf8' });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout);
  }
}

describe('a typed client from /openapi.json (README)', () => {
  it('generates types that a client compiles against, and that refuse a wrong answer', { timeout: 120_000 }, () => {
    const { args } = readmeCommand();
    const out = join(dir, 'portal-api.d.ts');
    execFileSync(join(root, 'node_modules/.bin/openapi-typescript'), [...args.slice(1, -1), out], { cwd: root, stdio: 'pipe' });
    expect(typecheck(CLIENT("'2026-09-14T10:01:00.000+08:00'"))).toBe('');
    expect(typecheck(CLIENT('1789351200000'))).toMatch(/TS2322: Type 'number' is not assignable to type 'string'/);
  });
});
