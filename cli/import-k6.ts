import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importK6 } from '../k6/import';
import { evaluateImported, parseThresholds, renderImportedHtml, renderImportedMarkdown } from '../reports';
import { EXIT, UsageError } from './exit-codes';
import { language } from './options';

export interface ImportK6CliOptions { out: string; thresholds?: string; lang?: string }

/** `jszg-sim import-k6 <file>`: a k6 run's samples as the reports of a simulated run. */
export async function importK6Cli(file: string, options: ImportK6CliOptions): Promise<void> {
  const lang = language(options.lang);
  const text = options.thresholds ? await readFile(options.thresholds, 'utf8').catch((error: Error) => { throw new UsageError(`--thresholds ${options.thresholds}: ${error.message}`); }) : '';
  const thresholds = parseThresholds(text);
  const run = await importK6(file);
  const results = evaluateImported(run, thresholds);
  await mkdir(options.out, { recursive: true });
  await writeFile(join(options.out, 'report.json'), `${JSON.stringify(run, null, 2)}\n`);
  await writeFile(join(options.out, 'report.md'), renderImportedMarkdown(run, { lang, thresholds: results }));
  await writeFile(join(options.out, 'report.html'), renderImportedHtml(run, { lang, thresholds: results }));
  for (const r of results) console.log(`${r.passed ? 'ok    ' : 'FAILED'} ${r.threshold.line} (actual ${r.actual ?? 'missing'})`);
  console.log(`${run.samples} requests of ${Object.keys(run.latency).length} operations; wrote report.json, report.md and report.html to ${options.out}`);
  if (results.some((r) => !r.passed)) process.exitCode = EXIT.failed;
}
