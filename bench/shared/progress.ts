import { Presets, SingleBar } from 'cli-progress';

export interface Progress { update(seconds: number, requests?: number): void; stop(): void }

/** A progress bar over a measurement's seconds on a terminal; nothing under CI or when piped. */
export function progress(label: string, seconds: number): Progress {
  if (!process.stderr.isTTY || process.env.CI) return { update: () => {}, stop: () => {} };
  const bar = new SingleBar({ format: `${label.padEnd(28)} {bar} {value}/{total} s {rate}`, hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
  bar.start(seconds, 0, { rate: '' });
  return {
    update: (elapsed, requests) => bar.update(Math.min(seconds, Math.floor(elapsed)), { rate: requests === undefined ? '' : `| ${Math.round(requests / Math.max(elapsed, 1e-3))} req/s` }),
    stop: () => bar.stop(),
  };
}
