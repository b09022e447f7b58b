import type { PortalContext } from '../context';
import type { Account, Identity } from '../records';

/** Why an automatic check failed. */
export type FailureReason = 'NAME_MISMATCH' | 'REGISTRY_STALE';

/** What the applicant should do next after a failure (SPEC §4). */
export type NextStep = 'open-ctid' | 'manual-review';

export type RegistryCheck = { passed: true } | { passed: false; reason: FailureReason; nextStep: NextStep };

/** Names compare as the registry stores them: NFC, trimmed, runs of spaces collapsed. */
const canonical = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ');

/**
 * The simulated public-security registry entry for an account. An ID never seeded holds the
 * name the account registered with (API.md convention), current and not stale.
 */
export function registryEntry(ctx: PortalContext, account: Account): Identity {
  return ctx.state.identities.get(account.idNumber)
    ?? { idNumber: account.idNumber, name: account.name, stale: false, ctidOpened: false };
}

/**
 * Checks a name against the registry. A stale record fails even with correct data unless the
 * CTID network ID refreshed it; only resident-ID holders can open CTID, so the others go to
 * manual review.
 */
export function checkRegistry(ctx: PortalContext, account: Account, name: string): RegistryCheck {
  const entry = registryEntry(ctx, account);
  const stale = entry.stale && !(entry.ctidOpened && entry.ctidFixes !== false);
  if (canonical(entry.name) === canonical(name) && !stale) return { passed: true };
  const reason: FailureReason = canonical(entry.name) !== canonical(name) ? 'NAME_MISMATCH' : 'REGISTRY_STALE';
  // CTID is offered once; when it did not help, manual review is what is left.
  const nextStep: NextStep = stale && account.idType === 'resident-id' && !entry.ctidOpened ? 'open-ctid' : 'manual-review';
  return { passed: false, reason, nextStep };
}

/**
 * Reaches the registry before an attempt is counted: a slow registry adds latency (waited out
 * by the transport), a cut or failing one answers 503 REGISTRY_UNAVAILABLE and no attempt of
 * the day is used.
 */
export function reachRegistry(ctx: PortalContext, now: number): void {
  ctx.faults.useBackend('registry', now);
}
