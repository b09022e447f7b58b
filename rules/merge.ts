import type { RulesOverride } from './schema';

const isPlain = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Layers rule overrides, later ones winning key by key (arrays and values replace; groups
 * merge), so a scenario's rules and a --rules file combine the way a planner expects.
 * A dozen lines of our own: the overrides are small plain JSON, and the libraries' array
 * and prototype handling choices are not the ones we want.
 */
export function mergeOverrides(...layers: (RulesOverride | undefined)[]): RulesOverride {
  const merge = (a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...a };
    for (const [key, value] of Object.entries(b)) out[key] = isPlain(value) && isPlain(out[key]) ? merge(out[key] as Record<string, unknown>, value) : value;
    return out;
  };
  return layers.reduce<Record<string, unknown>>((acc, layer) => (layer ? merge(acc, layer as Record<string, unknown>) : acc), {}) as RulesOverride;
}
