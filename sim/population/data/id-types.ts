/**
 * ID types among in-post teachers. Mainland citizens must use the resident ID (SPEC §1);
 * HK, Macau and Taiwan residents teaching in mainland public schools are few (a few
 * thousand nationally: MOE has encouraged hiring them since 2019, but no count by document
 * is published), so these shares are an estimate: about 0.4 % all told.
 */
import type { IdType } from '../../../rules';

/** Percent of applicants by ID type. */
export const ID_TYPE_SHARES: Readonly<Record<IdType, number>> = {
  'resident-id': 99.6,
  'residence-permit': 0.2,
  'hk-macau-permit': 0.1,
  'taiwan-permit': 0.1,
};

/** Residence permits by area code (810000 HK, 820000 Macau, 830000 Taiwan), relative. */
export const RESIDENCE_PERMIT_AREA_SHARES: Readonly<Record<string, number>> = { '810000': 45, '820000': 15, '830000': 40 };

/** HK/Macau travel permits by prefix (H: Hong Kong, M: Macau), relative. */
export const HK_MACAU_PREFIX_SHARES: Readonly<Record<string, number>> = { H: 80, M: 20 };
