import { normalSchoolName, storeSchools, type MaybePromise, type Portal } from '../../stub-server/portal';
import { InProcessClient, type CallerRandom, type CallOptions, type PortalAnswer } from '../clients';
import type { SchoolAdd } from './protocol';

/**
 * A shard's client of its own portal, which keeps the schools table in step with the other
 * shards'. Applicants add a school only after searching for it in vain, and the coordinator
 * holds the run to school names none of which contains another (CoordinatorSchools), so a
 * search finds exactly the school of that name, if it was added before. A search for a name
 * this shard knows is answered alone; any other search, and every addition, first meets the
 * coordinator, which answers with the schools the other shards added before that moment.
 */
export class ShardClient extends InProcessClient {
  /** Compared names of the schools this shard's portal holds. */
  private readonly names = new Set<string>();
  /** Schools added here and not yet told to the coordinator. */
  private unsent: SchoolAdd[] = [];

  constructor(
    private readonly own: Portal, random: CallerRandom, private readonly shard: number,
    private readonly now: () => number,
    /** Meets the coordinator at (time, order), telling it the schools added here; answers the others' before then. */
    private readonly meet: (time: number, order: number, adds: SchoolAdd[]) => SchoolAdd[],
  ) {
    super(own, random);
  }

  override call(operationId: string, input: unknown = {}, options: CallOptions = {}): MaybePromise<PortalAnswer> {
    if (operationId !== 'searchSchools' && operationId !== 'addSchool') return super.call(operationId, input, options);
    const asked = input as { q?: unknown; name?: unknown; type?: unknown; province?: unknown };
    const name = normalSchoolName(String((operationId === 'searchSchools' ? asked.q : asked.name) ?? ''));
    const alone = operationId === 'searchSchools' && asked.province === undefined && this.names.has(name);
    if (!alone) this.learn(this.meet(this.now(), options.order ?? 0, this.takeAdds()));
    const answer = super.call(operationId, input, options);
    if (answer instanceof Promise) throw new Error('a shard\'s portal answers at once');
    if (operationId === 'addSchool' && answer.status === 201) {
      const { name: added, type, province } = answer.body as { name: string; type: string; province: string | null };
      this.names.add(normalSchoolName(added));
      this.unsent.push({ time: this.now(), order: options.order ?? 0, shard: this.shard, school: { name: added, type, province } });
    }
    return answer;
  }

  /** Schools added here since the last time, for the coordinator. */
  takeAdds(): SchoolAdd[] {
    const adds = this.unsent;
    this.unsent = [];
    return adds;
  }

  /** Other shards' schools, into this portal's table. */
  learn(adds: readonly SchoolAdd[]): void {
    for (const { school } of adds) {
      storeSchools(this.own.ctx, [{ name: school.name, type: school.type, ...(school.province !== null ? { province: school.province } : {}) }]);
      this.names.add(normalSchoolName(school.name));
    }
  }
}
