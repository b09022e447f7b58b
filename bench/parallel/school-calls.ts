/**
 * The school calls a sharded run would have to send to its coordinator. A search reads the
 * schools everyone added before it, so in general it must wait until every shard has passed its
 * moment. But applicants add only the school they searched for and did not find: once a school
 * of exactly the searched name exists, later searches of that name can be answered by the shard
 * from what the coordinator told it, if nothing matching is added after. This counts both, and
 * checks that rule against the run: a search answered alone whose answer a later search of the
 * same name does not repeat would have been wrong.
 */

import { normalSchoolName } from '../../stub-server/portal';

/** A search (its query and the names it found) or an add (the name asked for), in the run's order. */
export type SchoolCall =
  | { kind: 'search'; at: number; q: string; found: readonly string[] }
  | { kind: 'add'; at: number; name: string };

export interface SchoolMeetings {
  searches: number;
  adds: number;
  /** Searches before a school of their exact name existed: the coordinator's to answer. */
  searchesBeforeTheirSchool: number;
  /** Calls that must meet the coordinator: those searches, and every add (it reads and writes). */
  meetings: number;
  /** Searches answered alone whose answer differs from the last search of the same name: must be 0. */
  wrongIfAlone: number;
}


export function schoolMeetings(calls: readonly SchoolCall[]): SchoolMeetings {
  const searches = calls.filter((c): c is Extract<SchoolCall, { kind: 'search' }> => c.kind === 'search');
  const lastAnswer = new Map<string, string>();
  for (const s of searches) lastAnswer.set(normalSchoolName(s.q), s.found.join('\n'));
  let before = 0;
  let wrong = 0;
  for (const s of searches) {
    const q = normalSchoolName(s.q);
    if (!s.found.some((name) => normalSchoolName(name) === q)) { before += 1; continue; }
    if (s.found.join('\n') !== lastAnswer.get(q)) wrong += 1;
  }
  const adds = calls.length - searches.length;
  return { searches: searches.length, adds, searchesBeforeTheirSchool: before, meetings: before + adds, wrongIfAlone: wrong };
}
