import { Presets, SingleBar } from 'cli-progress';

export interface Progress { update(done: number, requests?: number): void; stop(): void }

/**
 * A progress bar on a terminal, over a measurement's seconds (with requests/s when given) or
 * another unit (a simulation's applicants arrived); nothing under CI or when piped.
 */
export function progress(label: string, total: number, unit = 's'): Progress {
  if (!process.stderr.isTTY || process.env.CI) return { update: () => {}, stop: () => {} };
  const bar = new SingleBar({ format: `${label.padEnd(28)} {bar} {value}/{total} ${unit} {rate}`, hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
  bar.start(total, 0, { rate: '' });
  return {
    update: (done, requests) => bar.update(Math.min(total, Math.floor(done)), { rate: requests === undefined ? '' : `| ${Math.round(requests / Math.max(done, 1e-3))} req/s` }),
    stop: () => bar.stop(),
  };
}
