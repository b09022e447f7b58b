import type { RulesOverride } from './schema';

const isPlain = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Any level of T may be left out. */
export type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/**
 * Layers plain JSON-like objects, later ones winning key by key: groups merge, arrays and
 * values replace, and so does a tagged union (an object with a `kind`, like a distribution):
 * merging two kinds would mix their parameters. A dozen lines of our own: the inputs are small plain data, and the
 * libraries' array and prototype choices are not the ones we want.
 */
export function deepMerge<T>(...layers: (DeepPartial<T> | undefined)[]): T {
  const merge = (a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...a };
    for (const [key, value] of Object.entries(b)) {
      if (value === undefined) continue;
      out[key] = isPlain(value) && isPlain(out[key]) && !('kind' in value) ? merge(out[key] as Record<string, unknown>, value) : value;
    }
    return out;
  };
  return layers.reduce<Record<string, unknown>>((acc, layer) => (layer ? merge(acc, layer as Record<string, unknown>) : acc), {}) as T;
}

/** Rule overrides layered (a scenario's rules, then a --rules file), so they combine as a planner expects. */
export const mergeOverrides = (...layers: (RulesOverride | undefined)[]): RulesOverride => deepMerge<RulesOverride>(...layers);
