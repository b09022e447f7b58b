/**
 * Renders a report.json to HTML and screenshots it with headless Chromium, so a person can check
 * the report is legible. Usage:
 *   npx tsx scripts/screenshot-report.ts [report.json] [out.png] [--lang en|zh]
 * Defaults: out/sample/report.json → docs/report-example.png (docs' sample is national-opening's:
 * `npx tsx cli/main.ts run national-opening --out out/sample`, about 10 minutes). Needs /usr/bin/chromium
 * (`apt-get install -y chromium fonts-noto-cjk`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderHtml } from '../reports/html/index';
import type { Report } from '../sim/runner/report';

const args = process.argv.slice(2);
const langAt = args.indexOf('--lang');
const lang = langAt >= 0 ? args.splice(langAt, 2)[1] : 'en';
if (lang !== 'en' && lang !== 'zh') throw new Error(`--lang ${lang}: use en or zh`);
const input = resolve(args[0] ?? 'out/sample/report.json');
const output = resolve(args[1] ?? 'docs/report-example.png');
const chromium = process.env['CHROMIUM'] ?? '/usr/bin/chromium';
if (!existsSync(chromium)) throw new Error(`${chromium} not found: apt-get install -y chromium fonts-noto-cjk`);

const report = JSON.parse(readFileSync(input, 'utf8')) as Report;
const work = mkdtempSync(join(tmpdir(), 'jszg-report-'));
try {
  const html = join(work, 'report.html');
  writeFileSync(html, renderHtml(report, { lang }));
  const profile = join(work, 'profile');
  execFileSync(chromium, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`, '--hide-scrollbars',
    `--window-size=${process.env['WIDTH'] ?? 1280},${process.env['HEIGHT'] ?? 3000}`, '--virtual-time-budget=5000',
    `--screenshot=${output}`, pathToFileURL(html).href,
  ], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 });
  console.log(`wrote ${output} (${lang}) from ${input}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
