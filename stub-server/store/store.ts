import { Table, type OnChange } from './table';

/**
 * Where the portal's state lives. Tables are in memory; a store decides what makes a change
 * durable. `commit()` resolves once every change made so far is durable: the HTTP layer
 * awaits it before answering, so nothing acknowledged is lost.
 */
export interface Store {
  table<T>(name: string): Table<T>;
  /**
   * How many times changes that could not be made durable were rolled back. A caller notes it
   * before it changes anything and gives it to `commit`, which then rejects if its changes may
   * have been rolled back meanwhile.
   */
  readonly epoch: number;
  commit(epoch?: number): Promise<void>;
  /** `degraded` while writes fail; a degraded store tries a small write of its own to recover. */
  health(): Promise<'ok' | 'degraded'>;
  close(): Promise<void>;
  /** What the store holds and has written, for getStats and benchmarks. */
  stats(): Record<string, number>;
}

/** The tables of a store, created on first use; `onChange` (if any) sees every write. */
export class Tables {
  private readonly byName = new Map<string, Table<unknown>>();
  constructor(private readonly onChange?: OnChange) {}

  get<T>(name: string): Table<T> {
    let table = this.byName.get(name);
    if (!table) this.byName.set(name, (table = new Table<unknown>(name, this.onChange)));
    return table as Table<T>;
  }

  all(): Map<string, Table<unknown>> { return this.byName; }

  /** A plain-object copy of every table, as the snapshot file holds it. */
  snapshot(): Record<string, Record<string, unknown>> {
    const out: Record<string, Record<string, unknown>> = {};
    for (const [name, table] of this.byName) out[name] = Object.fromEntries(table.entries());
    return out;
  }

  load(data: Record<string, Record<string, unknown>>): void {
    for (const [name, rows] of Object.entries(data)) {
      const table = this.get(name);
      for (const [k, v] of Object.entries(rows)) table.apply({ t: name, k, v });
    }
  }
}

/** State in memory only (`--memory`, the simulator, most tests). */
export function createMemoryStore(): Store {
  const tables = new Tables();
  return {
    table: (name) => tables.get(name),
    epoch: 0,
    commit: async () => {},
    health: async () => 'ok',
    close: async () => {},
    stats: () => ({ tables: tables.all().size }),
  };
}
