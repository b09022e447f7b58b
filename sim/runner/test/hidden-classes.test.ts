/**
 * A run writes millions of portal rows and answers, and V8 keeps them small and fast to read
 * only while objects of one shape share one hidden class. Two habits break that in Node 20: a
 * literal that starts with a spread and adds a key (`{ ...row, newKey }`: every object gets a
 * hidden class of its own, about 200 bytes, and each read of it is megamorphic) and an object
 * literal with a getter (made in dictionary mode). This test runs peak-opening in process, keeps
 * what the portal wrote and answered, and asks V8 itself (`%HaveSameMap`, `%HasFastProperties`).
 */
import { setFlagsFromString } from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scenarioByName } from '../../../scenarios';
import { Table } from '../../../stub-server/store';
import { InProcessClient, type PortalAnswer } from '../../clients';
import { runScenario } from '..';

setFlagsFromString('--allow-natives-syntax');
const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;
const fastProperties = new Function('a', 'return %HasFastProperties(a)') as (a: object) => boolean;

afterEach(() => { vi.restoreAllMocks(); });

/** How many hidden classes the objects have between them (up to `limit`). */
function hiddenClasses(objects: readonly object[], limit = 50): number {
  const seen: object[] = [];
  for (const o of objects) {
    if (!seen.some((s) => sameMap(s, o))) seen.push(o);
    if (seen.length >= limit) break;
  }
  return seen.length;
}

describe('the rows and answers of a run', () => {
  it('share one hidden class per shape, and no answer is in dictionary mode', async () => {
    const rows = new Map<string, object[]>();
    const set = Table.prototype.set;
    vi.spyOn(Table.prototype, 'set').mockImplementation(function (this: Table<unknown>, key: string, row: unknown) {
      if (row !== null && typeof row === 'object') {
        // By table and by key list: objects with other keys have other hidden classes, rightly.
        const shape = `${this.name}: ${Object.keys(row).join(',')}`;
        const list = rows.get(shape) ?? [];
        if (list.length < 400) list.push(row);
        rows.set(shape, list);
      }
      set.call(this, key, row);
    });
    const answers: PortalAnswer[] = [];
    const call = InProcessClient.prototype.call;
    vi.spyOn(InProcessClient.prototype, 'call').mockImplementation(function (this: InProcessClient, ...args: Parameters<typeof call>) {
      const answer = call.apply(this, args);
      if (!(answer instanceof Promise) && answers.length < 5_000) answers.push(answer);
      return answer;
    });

    await runScenario(scenarioByName('peak-opening'), { applicants: 1_000 });

    // A few classes per shape are V8's own (a field's representation widened after the first rows); one per row is the fault.
    const many = [...rows].map(([shape, list]) => [shape, list.length, hiddenClasses(list)] as const).filter(([, n, classes]) => n >= 50 && classes > 10);
    expect(many, 'shapes whose rows have many hidden classes (shape, rows, classes)').toEqual([]);
    expect([...rows.values()].filter((list) => list.length >= 50).length).toBeGreaterThan(10);
    const slow = answers.filter((a) => !fastProperties(a));
    expect(slow.length, `answers in dictionary mode, of ${answers.length}`).toBe(0);
    expect(answers.length).toBeGreaterThan(1_000);
  }, 120_000);
});
