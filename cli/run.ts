import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { SingleBar, Presets } from 'cli-progress';
import { defaultRules, localDate, loadRulesOverride } from '../rules';
import type { RunProgress } from '../sim/runner';
import { runOnCores } from '../sim/shards';
import type { Report } from '../sim/runner';
import { chosenScenario, language, positiveNumber, wholeNumber } from './options';
import { countGcPauses } from './gc-pauses';
import { evaluate, parseThresholds, renderConsole, renderHtml, renderMarkdown, toJUnit, type ThresholdResult } from '../reports';
import { UsageError } from './exit-codes';
import { checked, thresholdsFile } from './thresholds';

export interface RunCliOptions {
  seed?: string; applicants?: string; rules?: string; faults?: string; out: string; lang?: string; thresholds?: string; workers?: string;
  transport?: string; target?: string; timeScale?: string; adminToken?: string; timeout?: string;
}

/** `jszg-sim run <scenario>`: runs it in virtual time; writes report.json, report.md, report.html, run.json (and junit.xml). */
export async function run(name: string, options: RunCliOptions): Promise<Report> {
  const scenario = await chosenScenario(name, options.faults);
  const seed = wholeNumber('--seed', options.seed, 0);
  const applicants = wholeNumber('--applicants', options.applicants, 1);
  const rules = options.rules ? await loadRulesOverride(options.rules) : undefined;
  const lang = language(options.lang);
  // Thresholds are read before the run, so a typo fails at once, not after minutes of simulation.
  const thresholds = [
    ...checked(parseThresholds((scenario.thresholds ?? []).join('\n'))),
    ...(options.thresholds ? await thresholdsFile(options.thresholds) : []),
  ];
  const transport = await transportOf(options);
  const workers = wholeNumber('--workers', options.workers, 1);
  if (transport && workers !== undefined && workers > 1) throw new UsageError('--workers needs --transport in-process: a run over HTTP is one process');
  const tty = process.stderr.isTTY && !process.env.CI;
  const bar = tty ? new SingleBar({ format: '{bar} {percentage}% of the period | {date} | {arrived}/{expected} arrived, {active} active ({asleep} waiting days) | {rate} events/s | RSS {rss} MB', hideCursor: true }, Presets.shades_classic) : undefined;
  // Without a terminal (a long run logging to a file), a line a minute instead; nothing under CI.
  const logEveryMs = !tty && !process.env.CI ? 60_000 : undefined;
  const started = performance.now();
  // Every thread of the process: the run's, its shards', and V8's collector and compiler helpers.
  const cpuAtStart = process.cpuUsage();
  const gc = countGcPauses();
  let loggedAt = 0;
  let peakRss = 0;
  let firstNow: number | undefined;
  // Arrivals are exact: every applicant of the scenario comes within its windows.
  const expected = applicants ?? scenario.applicants;
  const onProgress = (p: RunProgress) => {
    const rss = process.memoryUsage().rss;
    peakRss = Math.max(peakRss, rss);
    firstNow ??= p.now;
    const share = p.end > firstNow ? (p.now - firstNow) / (p.end - firstNow) : 1;
    const elapsed = performance.now() - started;
    const payload = { date: localDate(p.now, defaultRules.time.utcOffsetMinutes), arrived: p.arrived, expected, active: p.active, asleep: p.asleep, rate: Math.round(p.events / (elapsed / 1000)), rss: Math.round(rss / 2 ** 20) };
    if (bar) {
      if (bar.isActive) bar.update(Math.round(1000 * share), payload);
      else bar.start(1000, Math.round(1000 * share), payload);
    } else if (logEveryMs !== undefined && elapsed - loggedAt >= logEveryMs) {
      loggedAt = elapsed;
      const { date, arrived, active, asleep, rate } = payload;
      console.error(`${Math.round(elapsed / 1000)} s: ${(100 * share).toFixed(1)}% of the period | ${date} | ${arrived}/${expected} arrived, ${active} active (${asleep} waiting days) | ${rate} events/s | RSS ${payload.rss} MB`);
    }
  };
  // Ctrl-C stops a long run between two events and still writes its reports; a second one quits at once.
  const stop = new AbortController();
  const interrupt = () => {
    if (stop.signal.aborted) process.exit(130);
    stop.abort();
    bar?.stop();
    console.error('stopping: writing the report of the run so far (Ctrl-C again to quit at once)');
  };
  process.on('SIGINT', interrupt);
  const { report, events, cores } = await runOnCores(scenario, { seed, applicants, rules, onProgress, signal: stop.signal, ...(transport ? { transport, workers: 1 } : { workers }) })
    .finally(() => process.off('SIGINT', interrupt));
  bar?.stop();
  const wallSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuAtStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const gcPauses = await gc.stop();
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);

  await mkdir(options.out, { recursive: true });
  await writeFile(join(options.out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  const results: ThresholdResult[] = evaluate(report, thresholds);
  await writeFile(join(options.out, 'report.md'), renderMarkdown(report, { lang, thresholds: results }));
  await writeFile(join(options.out, 'report.html'), renderHtml(report, { lang }));
  if (results.length > 0) await writeFile(join(options.out, 'junit.xml'), toJUnit(`jszg-sim.${report.scenario}`, results));
  const runRecord = {
    scenario: report.scenario, seed: report.seed, applicants: report.applicants,
    transport: options.transport ?? 'in-process', ...(report.transport ? { timeScale: report.transport.timeScale } : {}),
    wallSeconds: Number(wallSeconds.toFixed(2)), events, eventsPerSecond: Math.round(events / wallSeconds),
    applicantsPerSecond: Math.round(report.funnel.arrived / wallSeconds), peakRssMB: Math.round(peakRss / 2 ** 20),
    heapLimitMB: Math.round(getHeapStatistics().heap_size_limit / 2 ** 20),
    cpuSeconds: Number(cpuSeconds.toFixed(2)), coresBusy: Number((cpuSeconds / wallSeconds).toFixed(2)),
    gcPauseSeconds: gcPauses.seconds, gcPauses: gcPauses.pauses, cores,
    versions: { node: process.version, jszgSim: await version('../package.json'), xstate: await version('../node_modules/xstate/package.json') },
  };
  await writeFile(join(options.out, 'run.json'), `${JSON.stringify(runRecord, null, 2)}\n`);
  console.log(renderConsole(report, { lang }));
  console.log(`\n${report.funnel.arrived} applicants, ${events} events in ${runRecord.wallSeconds} s (${runRecord.eventsPerSecond} events/s, peak RSS ${runRecord.peakRssMB} MB)`);
  const broken = results.filter((r) => !r.passed);
  for (const r of results) console.log(`${r.passed ? 'ok    ' : 'FAILED'} ${r.threshold.line} (actual ${r.actual ?? 'missing'})`);
  console.log(`wrote report.json, report.md, report.html, run.json${results.length > 0 ? ', junit.xml' : ''} to ${options.out}`);
  const aborted = report.transport?.aborted;
  if (aborted) console.log(`\nRUN ABORTED at ${aborted.at} (server time): ${aborted.reason}; the report covers the run until then`);
  if (report.interrupted) console.log(`\nRUN INTERRUPTED at ${report.interrupted.at} (virtual time): the report covers the run until then`);
  // A broken threshold or an aborted run fails the command, as k6 does, after everything is written.
  if (broken.length > 0 || aborted) process.exitCode = 1;
  if (report.interrupted) process.exitCode = 130;
  return report;
}

/** `--transport http [--target URL] [--time-scale N]`: a run over real HTTP (sim/http-run); in-process otherwise. */
async function transportOf(options: RunCliOptions) {
  const kind = options.transport ?? 'in-process';
  if (kind === 'in-process') {
    // A flag of the HTTP transport on an in-process run is a mistake worth saying.
    const httpOnly = (['target', 'timeScale', 'adminToken', 'timeout'] as const).filter((k) => options[k] !== undefined);
    if (httpOnly.length > 0) throw new UsageError(`--${httpOnly[0]!.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} needs --transport http`);
    return undefined;
  }
  if (kind !== 'http') throw new UsageError(`--transport ${kind}: use in-process or http`);
  const timeScale = positiveNumber('--time-scale', options.timeScale) ?? DEFAULT_TIME_SCALE;
  const timeoutMs = wholeNumber('--timeout', options.timeout, 1);
  if (options.target !== undefined && !/^https?:\/\/[^/]+/.test(options.target)) throw new UsageError(`--target ${options.target} is not an http(s) URL`);
  const { httpTransport } = await import('../sim/http-run');
  return httpTransport({
    timeScale, ...(options.target ? { target: options.target } : {}), ...(options.adminToken ? { adminToken: options.adminToken } : {}),
    ...(timeoutMs ? { timeoutMs } : {}),
    onStub: (url) => console.error(`started the stub at ${url} (clock scaled ×${timeScale}); it stops with the run`),
    onWarning: (message) => console.error(`warning: ${message}`),
  });
}

/** One real second is an hour of the scenario: the default scenario's five weeks take about 14 minutes. */
export const DEFAULT_TIME_SCALE = 3600;

async function version(relative: string): Promise<string> {
  return JSON.parse(await readFile(new URL(relative, import.meta.url), 'utf8')).version as string;
}
