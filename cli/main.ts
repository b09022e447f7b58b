import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { EXIT_CODES_HELP, exitCodeOf, oneLine } from './exit-codes';
import { checkedLine, thresholdsFile } from './thresholds';
// Each command loads what it needs when it runs: `--version`, `--help` and a usage error answer
// at once, and `serve` starts without the simulator (faster restarts in the kill tests).

const SCENARIO_ARGUMENT = 'a scenario name (see `jszg-sim scenarios`), or a scenario file of your own (.json, or .ts with a default export)';
const FAULTS_OPTION = 'injected faults (JSON, as serve --faults) in place of the scenario\'s: an outage, a slow operation, a cut SMS gateway or registry';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command()
  .name('jszg-sim')
  .description('Workflow simulation and load-test harness for the teacher-qualification portal (中国教师资格网)')
  .version(version, '-V, --version', 'print the version')
  .addHelpText('after', EXIT_CODES_HELP)
  .showSuggestionAfterError()
  // Commander's own refusals (unknown option or command, missing argument) end as usage errors, exit 2.
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(`${text.trim().replace(/^error: /, 'jszg-sim: ').replace(/\n+/g, ' ')}\n`) });

program.command('serve')
  .description('start the portal stub server')
  .option('--port <port>', 'port to listen on (0 picks a free one)', '8080')
  .option('--host <host>', 'address to bind', '127.0.0.1')
  .option('--db <file>', 'lowdb snapshot file (a journal sits beside it)', 'data/portal.json')
  .option('--memory', 'keep the state in memory only')
  .option('--clock <clock>', 'system | settable | scaled:N (one real second = N simulated seconds)', 'system')
  .option('--clock-start <iso>', 'where a settable or scaled clock starts (default: now)')
  .option('--admin-token <token>', 'token for admin operations (default: a random one, printed)')
  .option('--rules <file>', 'rules override (JSON or TS) merged over the defaults')
  .option('--faults <file>', 'injected faults (JSON): per-operation latency, error rate, outage; slow or cut SMS gateway and registry')
  .option('--demo', 'seed the demo dataset (provinces, institutions, confirmation points, schools)')
  .option('--sweep-seconds <n>', 'how often (real seconds) what has expired is swept, by the server\'s clock', '60')
  .action(async (options) => {
    const { serve } = await import('./serve');
    await serve(options);
  });

program.command('run')
  .description('run a scenario (in virtual time, or over HTTP with --transport http) and write report.json and run.json')
  .argument('<scenario>', SCENARIO_ARGUMENT)
  .option('--seed <n>', 'random seed (default: the scenario\'s)')
  .option('--applicants <n>', 'how many applicants (default: the scenario\'s)')
  .option('--rules <file>', 'rules override (JSON or TS) layered over the scenario\'s rules')
  .option('--faults <file>', FAULTS_OPTION)
  .option('--out <dir>', 'output folder', 'out/run')
  .option('--lang <lang>', 'labels of report.md and report.html: en or zh', 'en')
  .option('--thresholds <file>', '"metric op value" lines (e.g. funnel.approvedRate >= 0.9); a broken one exits 1 and junit.xml says which')
  .option('--workers <n>', 'cores the run uses: its applicants in that many shards, the same report.json whatever the number (default: the machine\'s cores, at most one per 50,000 applicants; 1: one process)')
  .option('--transport <kind>', 'in-process (virtual time, deterministic) or http (real requests, open model)', 'in-process')
  .option('--target <url>', 'with --transport http: a server implementing API.md on a scaled clock (default: start the stub on 127.0.0.1)')
  .option('--time-scale <n>', 'with --transport http: one real second is N simulated seconds (the server\'s --clock scaled:N; default 3600)')
  .option('--admin-token <token>', 'with --transport http and --target: the target\'s admin token')
  .option('--timeout <ms>', 'with --transport http: a call unanswered after this many ms is a timeout (default 30000)')
  .action(async (name: string, options) => {
    // A misspelt metric is refused before the simulator loads (run reads the file again to use it).
    if (options.thresholds) await thresholdsFile(options.thresholds);
    const { run } = await import('./run');
    await run(name, options);
  });

program.command('compare')
  .description('run two rule sets on the same applicants (common random numbers) and report the differences with 95% intervals, p-values and Holm\'s verdict')
  .argument('<scenario>', SCENARIO_ARGUMENT)
  .option('--rules <file>', 'rules override for A, then for B (a file, or "defaults"); give it twice', (v: string, all: string[]) => [...all, v], [] as string[])
  .option('--faults <file>', FAULTS_OPTION)
  .option('--replications <n>', 'replications a side (seeds seed … seed+n−1; with --independent, hashed from the seed), spread over worker threads', '5')
  .option('--seed <n>', 'first seed (default: the scenario\'s)')
  .option('--applicants <n>', 'applicants per run (default: the scenario\'s)')
  .option('--independent', 'run each side on seeds of its own (independent streams, Welch\'s test), e.g. to check a rule set against itself (A/A)')
  .option('--workers <n>', 'cores: a thread per replication, cores left over as shards (default: the machine\'s cores)')
  .option('--out <dir>', 'output folder', 'out/compare')
  .action(async (name: string, options) => {
    const { compare } = await import('./compare');
    await compare(name, options);
  });

program.command('plan')
  .description('find the smallest capacity that meets a target in at least 95% of replications, and the curve it traced')
  .argument('<scenario>', SCENARIO_ARGUMENT)
  .requiredOption('--resource <name>', 'reviewers | servers | confirmation | smsGateway | registry')
  .requiredOption('--target <line>', 'a threshold, e.g. "manualReview.slaBreaches == 0"')
  .option('--faults <file>', FAULTS_OPTION)
  .option('--replications <n>', 'replications per capacity tried, run at once over worker threads', '5')
  .option('--seed <n>', 'first seed (default: the scenario\'s)')
  .option('--applicants <n>', 'applicants per run (default: the scenario\'s)')
  .option('--min <n>', 'the smallest capacity to try (the search doubles from it)', '1')
  .option('--max <n>', 'the largest capacity to try', '1000')
  .option('--workers <n>', 'cores: a thread per replication, cores left over as shards (default: the machine\'s cores)')
  .option('--out <dir>', 'output folder', 'out/plan')
  .action(async (name: string, options) => {
    checkedLine(options.target); // at once, as run's thresholds
    const { plan } = await import('./plan');
    await plan(name, options);
  });

program.command('export-k6')
  .description('write a self-contained k6 script of a scenario: its arrival curve as ramping-arrival-rate stages, its journeys')
  .argument('<scenario>', SCENARIO_ARGUMENT)
  .option('--out <file>', 'the script to write (default: out/k6/<scenario>.ts)')
  .option('--seed <n>', 'seed of the script\'s applicant data (default: the scenario\'s)')
  .option('--applicants <n>', 'journeys over all windows (default: the scenario\'s applicants)')
  .option('--rules <file>', 'rules override (JSON or TS) layered over the scenario\'s rules')
  .option('--faults <file>', FAULTS_OPTION)
  .option('--time-scale <n>', 'one real second is N simulated seconds: a simulated hour lasts 3600/N s at N times the rate', '1')
  .action(async (name: string, options) => {
    const { exportK6 } = await import('./export-k6');
    await exportK6(name, options);
  });

program.command('import-k6')
  .description('read k6\'s per-sample JSON output (k6 run --out json=FILE) into report.json, report.md and report.html: latency per operation as a simulated run has it')
  .argument('<file>', 'the k6 JSON output (one sample a line)')
  .option('--out <dir>', 'output folder', 'out/k6-import')
  .option('--thresholds <file>', 'latency.<operationId>.p50|p95|p99|max|count lines; a broken one exits 1')
  .option('--lang <lang>', 'labels of report.md and report.html: en or zh', 'en')
  .action(async (file: string, options) => {
    const { importK6Cli } = await import('./import-k6');
    await importK6Cli(file, options);
  });

program.command('scenarios')
  .description('list the named scenarios')
  .action(async () => {
    const { SCENARIOS } = await import('../scenarios');
    for (const s of SCENARIOS) console.log(`${s.name.padEnd(20)} ${s.applicants.toLocaleString('en').padStart(10)} applicants  ${s.description}`);
    console.log('\nOr a scenario file of your own: jszg-sim run ./my-week.json (its fields: docs/scenario.schema.json).');
  });

// Every subcommand ends its errors the same way: one line, and the exit code it means.
for (const command of program.commands) command.exitOverride().addHelpText('after', EXIT_CODES_HELP);

program.parseAsync().catch((error: unknown) => {
  const code = exitCodeOf(error);
  // Commander has written its own line (and help or the version is not an error).
  if (!(error instanceof Error && error.name === 'CommanderError')) console.error(`jszg-sim: ${oneLine(error instanceof Error ? error.message : String(error))}`);
  process.exit(code);
});
