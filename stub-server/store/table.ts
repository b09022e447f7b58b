/** A change to one record: a write (`v` set) or a delete (`v` absent). */
export interface Change { t: string; k: string; v?: unknown }

/**
 * A keyed collection of JSON records held in memory. Every write is reported to the store
 * (which journals it); records are replaced, never mutated in place, so a journaled value
 * is exactly what was written. Secondary indexes are derived, never stored.
 */
export class Table<T> {
  private readonly rows = new Map<string, T>();
  private readonly indexes = new Map<string, { keyOf: (row: T) => string; map: Map<string, Set<string>> }>();

  constructor(readonly name: string, private readonly onChange: (change: Change) => void) {}

  get size(): number { return this.rows.size; }
  get(key: string): T | undefined { return this.rows.get(key); }
  has(key: string): boolean { return this.rows.has(key); }
  values(): IterableIterator<T> { return this.rows.values(); }
  entries(): IterableIterator<[string, T]> { return this.rows.entries(); }

  set(key: string, row: T): void {
    this.put(key, row);
    this.onChange({ t: this.name, k: key, v: row });
  }

  delete(key: string): void {
    if (!this.rows.has(key)) return;
    this.unindex(key);
    this.rows.delete(key);
    this.onChange({ t: this.name, k: key });
  }

  /** Applies a recovered change without reporting it again. */
  apply(change: Change): void {
    if (change.v === undefined) {
      this.unindex(change.k);
      this.rows.delete(change.k);
    } else {
      this.put(change.k, change.v as T);
    }
  }

  /** Adds a derived index; `lookup(name, value)` then finds rows by it. */
  index(name: string, keyOf: (row: T) => string): this {
    const map = new Map<string, Set<string>>();
    this.indexes.set(name, { keyOf, map });
    for (const [key, row] of this.rows) add(map, keyOf(row), key);
    return this;
  }

  lookup(name: string, value: string): T[] {
    const keys = this.indexes.get(name)?.map.get(value);
    if (!keys) return [];
    return [...keys].map((k) => this.rows.get(k)!);
  }

  /** Deletes every row whose index `name` gives `value`; returns how many went. */
  deleteWhere(name: string, value: string): number {
    const keys = [...(this.indexes.get(name)?.map.get(value) ?? [])];
    for (const key of keys) this.delete(key);
    return keys.length;
  }

  private put(key: string, row: T): void {
    this.unindex(key);
    this.rows.set(key, row);
    for (const { keyOf, map } of this.indexes.values()) add(map, keyOf(row), key);
  }

  private unindex(key: string): void {
    const old = this.rows.get(key);
    if (old === undefined) return;
    for (const { keyOf, map } of this.indexes.values()) {
      const set = map.get(keyOf(old));
      set?.delete(key);
      if (set?.size === 0) map.delete(keyOf(old));
    }
  }
}

function add(map: Map<string, Set<string>>, value: string, key: string): void {
  let set = map.get(value);
  if (!set) map.set(value, (set = new Set()));
  set.add(key);
}
