import type { PortalContext } from '../context';
import type { Account, Certificate } from '../records';

/** The year from which a province's certificates are in the system (2008; Guangxi 2012). */
export function syncedFromYear(ctx: PortalContext, province: string): number {
  const { syncedFromYear: year, syncedFromYearByProvince: byProvince } = ctx.rules.certificates;
  return byProvince[province] ?? year;
}

/**
 * Whether a registry certificate syncs to its holder's account (002/003 §1.1.2, §3): from the
 * sync year on, or older with a first-registration record; never by hand.
 */
export function syncs(ctx: PortalContext, cert: Certificate): boolean {
  if (cert.source === 'hand-added') return true;
  return Number(cert.issueDate.slice(0, 4)) >= syncedFromYear(ctx, cert.province) || cert.lastRegistration !== undefined;
}

/** The applicant's certificates: linked by ID number and an exact name match. */
export function myCertificates(ctx: PortalContext, account: Account): Certificate[] {
  return ctx.state.certificates
    .lookup('holder', account.idNumber)
    .filter((c) => c.holderName === account.name && syncs(ctx, c))
    .sort((a, b) => a.issueDate.localeCompare(b.issueDate) || a.number.localeCompare(b.number));
}

/** What an applicant or a verifier sees of a certificate. */
export function certificateView(cert: Certificate) {
  return {
    certificateNumber: cert.number,
    qualificationType: cert.qualificationType,
    subject: cert.subject,
    certifyingBody: cert.certifyingBody,
    issueDate: cert.issueDate,
    province: cert.province,
    lastRegistration: cert.lastRegistration ?? null,
    source: cert.source,
  };
}
