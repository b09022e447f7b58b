import { CommanderError } from 'commander';
// The errors' own modules, not their packages' indexes: every command loads this at start.
import { RulesError } from '../rules/load';
import { ThresholdError } from '../reports/thresholds/thresholds';
import { ScenarioError } from '../scenarios/scenario-error';
import { FaultsError } from '../stub-server/portal/faults/load';
import { K6ImportError } from '../k6/import-error';

/**
 * How `jszg-sim` ends, as CLI users expect (and `--help` and README say): 0 all good; 1 a
 * threshold broken, `plan`'s target not met, or a run that failed; 2 a usage error (unknown
 * scenario, option or metric, a bad file or value); 130 interrupted.
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

export const EXIT_CODES_HELP = `
Exit codes:
  0    all good
  1    a threshold broken, plan's target not met, or the run failed
  2    a usage error: unknown scenario, option or metric; a bad rules, scenario, faults or thresholds file; a bad value
  130  interrupted (Ctrl-C); serve stops with 0 (Ctrl-C, SIGTERM or SIGHUP is how it ends)`;

/** A mistake in how the command was called: said in one line, exit 2. */
export class UsageError extends Error {}

/** A message as one line of stderr: a list of problems under a heading joined with "; ". */
export function oneLine(message: string): string {
  const [head = '', ...rest] = message.split('\n').map((line) => line.trim()).filter(Boolean);
  return rest.length === 0 ? head : `${head}${head.endsWith(':') ? ' ' : ': '}${rest.join('; ')}`;
}

/** The exit code of an error that ended a command. */
export function exitCodeOf(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  const usage = [UsageError, RulesError, ScenarioError, FaultsError, ThresholdError, K6ImportError].some((kind) => error instanceof kind);
  return usage ? EXIT.usage : EXIT.failed;
}
