import type { ConfirmationPoint, Institution } from '../records';

/** What an applicant asks an institution to register (step 3: 资格种类, 现任教学段, 现任教学科). */
export interface Ask { qualificationType?: string; stage?: string; subject?: string }

/**
 * Whether an institution has the registration right (定期注册权限) for an ask; an unset part
 * of the ask matches anything, an institution without a subject list takes every subject.
 */
export function hasRights(institution: Institution, ask: Ask): boolean {
  if (ask.qualificationType !== undefined && !institution.qualificationTypes.includes(ask.qualificationType)) return false;
  if (ask.stage !== undefined && !institution.stages.includes(ask.stage)) return false;
  if (ask.subject !== undefined && institution.subjects !== undefined && !institution.subjects.includes(ask.subject)) return false;
  return true;
}

/** Whether a confirmation point's scope (确认范围) takes a teaching stage and, if given, a city. */
export function pointCovers(point: ConfirmationPoint, stage: string | undefined, city?: string): boolean {
  if (stage !== undefined && !point.scope.stages.includes(stage)) return false;
  if (city !== undefined && point.scope.cities !== undefined && !point.scope.cities.includes(city)) return false;
  return true;
}

/** An institution serves a city when it sits there or one of its points' scope names it. */
export const servesCity = (institution: Institution, city: string): boolean =>
  institution.city === city || institution.confirmationPoints.some((p) => p.scope.cities?.includes(city));

export const pointView = (point: ConfirmationPoint) => ({ id: point.id, name: point.name, scope: point.scope });
