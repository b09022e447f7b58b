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
  const stale = entry.stale && !entry.ctidOpened;
  if (canonical(entry.name) === canonical(name) && !stale) return { passed: true };
  const reason: FailureReason = canonical(entry.name) !== canonical(name) ? 'NAME_MISMATCH' : 'REGISTRY_STALE';
  const nextStep: NextStep = stale && account.idType === 'resident-id' ? 'open-ctid' : 'manual-review';
  return { passed: false, reason, nextStep };
}
