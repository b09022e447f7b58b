/** A change to one record: a write (`v` set) or a delete (`v` absent). */
export interface Change { t: string; k: string; v?: unknown }
/** Sees a change and the row it replaced (undefined when there was none). */
export type OnChange = (change: Change, old: unknown) => void;

/**
 * A keyed collection of JSON records held in memory. Every write is reported to the store
 * (which journals it); records are replaced, never mutated in place, so a journaled value
 * is exactly what was written. Secondary indexes are derived, never stored.
 */
export class Table<T> {
  private readonly rows = new Map<string, T>();
  private readonly indexes = new Map<string, Index<T>>();
  /** The same indexes, for the writes: most tables have none. */
  private readonly indexList: Index<T>[] = [];

  /** `onChange` sees every write and the row it replaced (to undo it); a store that keeps nothing but memory passes none. */
  constructor(readonly name: string, private readonly onChange?: OnChange) {}

  get size(): number { return this.rows.size; }
  get(key: string): T | undefined { return this.rows.get(key); }
  has(key: string): boolean { return this.rows.has(key); }
  values(): IterableIterator<T> { return this.rows.values(); }
  entries(): IterableIterator<[string, T]> { return this.rows.entries(); }

  set(key: string, row: T): void {
    if (!this.onChange) { this.put(key, row); return; }
    const old = this.rows.get(key);
    this.put(key, row);
    this.onChange({ t: this.name, k: key, v: row }, old);
  }

  delete(key: string): void {
    const old = this.rows.get(key);
    if (old === undefined) return;
    this.unindex(key, old);
    this.rows.delete(key);
    this.onChange?.({ t: this.name, k: key }, old);
  }

  /** Applies a recovered change without reporting it again. */
  apply(change: Change): void {
    if (change.v === undefined) {
      const old = this.rows.get(change.k);
      if (old !== undefined) this.unindex(change.k, old);
      this.rows.delete(change.k);
    } else {
      this.put(change.k, change.v as T);
    }
  }

  /** Adds a derived index; `lookup(name, value)` then finds rows by it. A row whose `keyOf` is undefined is not indexed. */
  index(name: string, keyOf: (row: T) => string | undefined): this {
    const index = { keyOf, map: new KeyIndex() };
    this.indexes.set(name, index);
    this.indexList.push(index);
    for (const [key, row] of this.rows) index.map.add(keyOf(row), key);
    return this;
  }

  /** The rows whose index `name` gives `value`, in the order they were first indexed so: a new array, the caller's to sort. */
  lookup(name: string, value: string): T[] {
    const keys = this.indexes.get(name)?.map.get(value);
    if (keys === undefined) return [];
    if (typeof keys === 'string') return [this.rows.get(keys)!];
    const rows: T[] = [];
    for (const key of keys) rows.push(this.rows.get(key)!);
    return rows;
  }

  /** Deletes every row whose index `name` gives `value`; returns how many went. */
  deleteWhere(name: string, value: string): number {
    const keys = this.indexes.get(name)?.map.keys(value) ?? [];
    for (const key of keys) this.delete(key);
    return keys.length;
  }

  private put(key: string, row: T): void {
    const { indexList } = this;
    if (indexList.length === 0) {
      this.rows.set(key, row);
      return;
    }
    const old = this.rows.get(key);
    this.rows.set(key, row);
    for (const { keyOf, map } of indexList) {
      const value = keyOf(row);
      if (old !== undefined) {
        const before = keyOf(old);
        // Most writes replace a row without touching what it is indexed by (a login, a status).
        if (before === value) continue;
        map.remove(before, key);
      }
      map.add(value, key);
    }
  }

  private unindex(key: string, old: T): void {
    for (const { keyOf, map } of this.indexList) map.remove(keyOf(old), key);
  }
}

interface Index<T> { keyOf: (row: T) => string | undefined; map: KeyIndex }

/**
 * The keys of the rows under each index value, in insertion order. Most values have one row
 * (an applicant's account, application, certificate), so a lone key is kept as itself and a
 * Set only made for a second: a season of millions holds millions of these.
 */
class KeyIndex {
  private readonly map = new Map<string, string | Set<string>>();

  /** The key, or the keys, under `value` (read only). */
  get(value: string): string | ReadonlySet<string> | undefined { return this.map.get(value); }

  keys(value: string): string[] {
    const keys = this.map.get(value);
    return keys === undefined ? [] : typeof keys === 'string' ? [keys] : [...keys];
  }

  add(value: string | undefined, key: string): void {
    if (value === undefined) return;
    const keys = this.map.get(value);
    if (keys === undefined) this.map.set(value, key);
    else if (typeof keys === 'string') { if (keys !== key) this.map.set(value, new Set([keys, key])); }
    else keys.add(key);
  }

  remove(value: string | undefined, key: string): void {
    if (value === undefined) return;
    const keys = this.map.get(value);
    if (keys === key) this.map.delete(value);
    else if (typeof keys === 'object') {
      keys.delete(key);
      if (keys.size === 1) this.map.set(value, keys.values().next().value!);
    }
  }
}
