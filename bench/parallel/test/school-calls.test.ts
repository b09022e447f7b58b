import { describe, expect, it } from 'vitest';
import { schoolMeetings, type SchoolCall } from '../school-calls';

const search = (at: number, q: string, ...found: string[]): SchoolCall => ({ kind: 'search', at, q, found });
const add = (at: number, name: string): SchoolCall => ({ kind: 'add', at, name });

describe('schoolMeetings', () => {
  it('sends the coordinator the searches before their school exists and every add; the rest a shard answers alone', () => {
    const calls = [
      search(1, '郑州市师范学院'), add(2, '郑州市师范学院'),
      search(3, '郑州市 师范学院', '郑州市师范学院'), search(9, '郑州市师范学院', '郑州市师范学院'),
      search(4, '洛阳市师范学院'),
    ];
    expect(schoolMeetings(calls)).toEqual({ searches: 4, adds: 1, searchesBeforeTheirSchool: 2, meetings: 3, wrongIfAlone: 0 });
  });

  it('finds a search answered alone that a later add of a matching name would have changed', () => {
    // A longer name containing the query, added after the query's own school: the early answer was short of it.
    const calls = [
      search(1, '师范学院', '师范学院'), add(2, '南阳师范学院'), search(3, '师范学院', '师范学院', '南阳师范学院'),
    ];
    expect(schoolMeetings(calls).wrongIfAlone).toBe(1);
  });
});
