/**
 * XState carries a patch, patches/xstate+<version>.patch, applied by patch-package when `npm
 * install` or `npm ci` runs (docs/scaling.md, "The XState patch"). The tests of this folder fail
 * when the patch is missing from any of the four builds in xstate's dist (cjs, esm, and their
 * development variants; vitest loads the development cjs, tsx the cjs), and check that the
 * patched builds take the same steps as xstate without the patch. This module gives them both:
 * the installed builds, and as the reference a temporary copy of dist with the patch reversed
 * (useReference: made for the test file that asks, removed after it).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import type * as xstate from 'xstate';

export type XState = typeof xstate;
export const require = createRequire(import.meta.url);
export const pkg = dirname(require.resolve('xstate/package.json'));
export const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string };
export const patchFile = join(import.meta.dirname, '..', '..', 'patches', `xstate+${version}.patch`);

/** The patch's hunks by file (relative to the package), each as the text before and after. */
export function hunksByFile(patch: string): Map<string, { before: string; after: string }[]> {
  const files = new Map<string, { before: string; after: string }[]>();
  let hunks: { before: string[]; after: string[] }[] | undefined;
  const close = (file: string | undefined) => {
    if (file && hunks) files.set(file, hunks.map((h) => ({ before: h.before.join('\n'), after: h.after.join('\n') })));
  };
  let file: string | undefined;
  for (const line of patch.replace(/\n$/, '').split('\n')) {
    const header = /^diff --git a\/node_modules\/xstate\/(\S+) /.exec(line);
    if (header) {
      close(file);
      file = header[1];
      hunks = [];
    } else if (line.startsWith('@@')) {
      hunks!.push({ before: [], after: [] });
    } else if (hunks?.length) {
      const hunk = hunks[hunks.length - 1]!;
      if (line.startsWith(' ') || line === '') {
        hunk.before.push(line.slice(1));
        hunk.after.push(line.slice(1));
      } else if (line.startsWith('-')) hunk.before.push(line.slice(1));
      else if (line.startsWith('+')) hunk.after.push(line.slice(1));
    }
  }
  close(file);
  return files;
}

export const occurrences = (text: string, part: string) => text.split(part).length - 1;
export const patch = hunksByFile(readFileSync(patchFile, 'utf8'));

/**
 * The reference, dist copied with every hunk reversed, for the calling test file (call it at the
 * file's top level): made when called, removed after the file. Test files share their fork's
 * modules (vitest.config.ts), so a copy made on import would be gone for the next file.
 */
export function useReference(): string {
  const root = mkdtempSync(join(tmpdir(), 'xstate-unpatched-'));
  cpSync(join(pkg, 'dist'), join(root, 'dist'), { recursive: true });
  for (const [file, hunks] of patch) {
    let text = readFileSync(join(root, file), 'utf8');
    for (const { before, after } of hunks) text = text.replace(after, () => before);
    writeFileSync(join(root, file), text);
  }
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  return root;
}

export const BUILDS = ['xstate.cjs.js', 'xstate.development.cjs.js', 'xstate.esm.js', 'xstate.development.esm.js'];
export const load = async (root: string, build: string): Promise<XState> =>
  (build.includes('.cjs.') ? require(join(root, 'dist', build)) : await import(join(root, 'dist', build))) as XState;
