import { describe, expect, it } from 'vitest';
import { Table, type Change } from '../table';

interface Row { id: string; owner: string; n: number }

describe('Table', () => {
  const table = (onChange?: (change: Change) => void) => new Table<Row>('rows', onChange).index('owner', (r) => r.owner);

  it('finds rows by an index, in insertion order, through replacements and deletes', () => {
    const t = table();
    t.set('a', { id: 'a', owner: 'x', n: 1 });
    t.set('b', { id: 'b', owner: 'y', n: 2 });
    t.set('c', { id: 'c', owner: 'x', n: 3 });
    expect(t.lookup('owner', 'x').map((r) => r.id)).toEqual(['a', 'c']);
    t.set('a', { id: 'a', owner: 'y', n: 4 }); // moves to another owner
    expect(t.lookup('owner', 'x').map((r) => r.id)).toEqual(['c']);
    expect(t.lookup('owner', 'y').map((r) => r.n)).toEqual([2, 4]);
    t.delete('b');
    t.delete('nope');
    expect(t.lookup('owner', 'y').map((r) => r.id)).toEqual(['a']);
    expect(t.lookup('owner', 'z')).toEqual([]);
    expect(t.deleteWhere('owner', 'y')).toBe(1);
    expect([...t.values()].map((r) => r.id)).toEqual(['c']);
  });

  it('keeps a replaced row in its place under an index value it keeps', () => {
    const t = table();
    for (const id of ['a', 'b', 'c']) t.set(id, { id, owner: 'x', n: 1 });
    t.set('a', { id: 'a', owner: 'x', n: 2 }); // a new row, the same owner
    expect(t.lookup('owner', 'x').map((r) => `${r.id}${r.n}`)).toEqual(['a2', 'b1', 'c1']);
    t.set('b', { id: 'b', owner: 'y', n: 1 });
    t.set('b', { id: 'b', owner: 'x', n: 3 }); // away and back: last again
    expect(t.lookup('owner', 'x').map((r) => `${r.id}${r.n}`)).toEqual(['a2', 'c1', 'b3']);
  });

  it('leaves out of an index the rows whose key is undefined, through replacements and deletes', () => {
    const t = new Table<Row>('rows').index('big', (r) => (r.n > 1 ? r.owner : undefined));
    t.set('a', { id: 'a', owner: 'x', n: 1 });
    t.set('b', { id: 'b', owner: 'x', n: 2 });
    expect(t.lookup('big', 'x').map((r) => r.id)).toEqual(['b']);
    t.set('a', { id: 'a', owner: 'x', n: 3 });
    t.set('b', { id: 'b', owner: 'x', n: 0 });
    expect(t.lookup('big', 'x').map((r) => r.id)).toEqual(['a']);
    t.delete('a');
    expect(t.lookup('big', 'x')).toEqual([]);
  });

  it('answers a lookup with an array of its own, the caller\'s to sort', () => {
    const t = table();
    for (const [id, n] of [['a', 2], ['b', 1]] as const) t.set(id, { id, owner: 'x', n });
    t.lookup('owner', 'x').sort((p, q) => p.n - q.n);
    expect(t.lookup('owner', 'x').map((r) => r.id)).toEqual(['a', 'b']);
    const none = t.lookup('owner', 'none');
    none.push({ id: 'z', owner: 'none', n: 0 });
    expect(t.lookup('owner', 'none')).toEqual([]);
  });

  it('reports every write to the store that keeps them, and applies recovered ones silently', () => {
    const changes: Change[] = [];
    const t = table((c) => changes.push(c));
    t.set('a', { id: 'a', owner: 'x', n: 1 });
    t.delete('a');
    t.delete('a');
    expect(changes).toEqual([{ t: 'rows', k: 'a', v: { id: 'a', owner: 'x', n: 1 } }, { t: 'rows', k: 'a' }]);
    t.apply({ t: 'rows', k: 'b', v: { id: 'b', owner: 'x', n: 2 } });
    t.apply({ t: 'rows', k: 'c', v: { id: 'c', owner: 'x', n: 3 } });
    t.apply({ t: 'rows', k: 'b' });
    expect(changes).toHaveLength(2);
    expect(t.lookup('owner', 'x').map((r) => r.id)).toEqual(['c']);
  });
});
