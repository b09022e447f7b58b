import type { PortalContext } from '../context';
import type { Account, Certificate } from '../records';

/** The year from which a province's certificates are in the system (2008; Guangxi 2012). */
export function syncedFromYear(ctx: PortalContext, province: string): number {
  const { syncedFromYear: year, syncedFromYearByProvince: byProvince } = ctx.rules.certificates;
  return byProvince[province] ?? year;
}

/**
 * A registry certificate certified in the management system (from 2008; Guangxi 2012): the only
 * ones the certificate query and the personal-information module show (002/003 §1.1.2, §2.2:
 * 仅提供/仅展示 2008 年起认定的教师资格证书).
 */
export function inSystem(ctx: PortalContext, cert: Certificate): boolean {
  return cert.source !== 'hand-added' && Number(cert.issueDate.slice(0, 4)) >= syncedFromYear(ctx, cert.province);
}

/**
 * Whether a certificate is offered to its holder's registration wizard (002/003 §3 step 2):
 * in the system, or older with a first-registration record, or added by hand.
 */
export function syncs(ctx: PortalContext, cert: Certificate): boolean {
  return cert.source === 'hand-added' || inSystem(ctx, cert) || cert.lastRegistration !== undefined;
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
