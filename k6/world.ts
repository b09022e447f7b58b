/**
 * What the script's setup() seeds, so applicants find what the simulator's applicants find:
 * each province's registration body with its window and a confirmation point per teaching
 * stage, as sim/runner/world.ts seeds them (k6/test/world.test.ts holds the two together).
 */
import type { ProvinceWindow } from '../scenarios/types';
import { institutionId } from '../sim/runner/world';
import { provinceOf, STAGES } from '../sim/population';

/** Periodic registration concerns K-12, vocational and kindergarten teachers: no 高校. */
const SEASON_STAGES = STAGES.filter((s) => s.stage !== '高校');

/** The seedInstitutions payload for the scenario's provinces. */
export function institutions(provinces: readonly ProvinceWindow[]): unknown[] {
  const stages = [...new Set(SEASON_STAGES.map((s) => s.stage))];
  return provinces.map((p) => {
    const province = provinceOf(p.code);
    return {
      id: institutionId(p.code),
      name: `${province.name}教师资格定期注册机构`,
      province: p.code,
      city: province.cities[0]!.name,
      stages,
      qualificationTypes: SEASON_STAGES.map((s) => s.qualificationType),
      window: p.window,
      confirmationPoints: stages.map((stage) => ({
        id: `${p.code}-P-${stage}`, name: `${province.name}${stage}教师确认点`, scope: { stages: [stage], description: `${stage}教师` },
      })),
    };
  });
}
