import { expect, it } from 'vitest';
import { runSoak } from '../../../bench/soak/soak';

/**
 * The bounded kill -9 soak (`npm run soak` does 50 kills): 8 SIGKILLs of `jszg-sim serve --db`
 * under registrations, SMS requests, real-name attempts and submissions, each followed by a
 * restart on the same file that must load and hold everything acknowledged, quotas included.
 * runSoak throws, naming the round and the item, when a check fails.
 */
it('survives 8 kill -9 under a write load: the file loads, nothing acknowledged is lost, quotas still count', async () => {
  const report = await runSoak({
    kills: 8,
    seed: 'vitest-soak',
    killAfterMs: { min: 150, max: 450 },
    workers: 6,
    perRound: { smsPhones: 2, realNameAccounts: 1, submissions: 1 },
  });
  expect(report.kills).toBe(8);
  // The load did write between the kills (what was acknowledged was then checked).
  expect(report.acknowledged.accounts).toBeGreaterThan(0);
  expect(report.acknowledged.smsCodes).toBeGreaterThan(0);
  expect(report.acknowledged.realNameAttempts).toBeGreaterThan(0);
  expect(report.acknowledged.applications).toBeGreaterThan(0);
}, 180_000);
