import type { DeepPartial, RulesOverride } from '../rules';
import type { Scenario } from '../sim/scenario';

/** What a scenario file states: its name, description and provinces, and whatever differs from the defaults, at any depth. */
export type ScenarioInput = Pick<Scenario, 'name' | 'description' | 'descriptionZh' | 'provinces'> & DeepPartial<Omit<Scenario, 'name' | 'description' | 'descriptionZh' | 'provinces' | 'rules'>> & { rules?: RulesOverride };
